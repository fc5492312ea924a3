/**
 * Renders the Outlook mail add-in manifest (`addin/outlook/manifest.xml`):
 * an XML manifest cannot mix a task-pane and a mail add-in, so Outlook has
 * its own, from the same source. Read mode: «Créer un parcours depuis ce
 * message»; compose mode: «Vérifier avant envoi»; the OnMessageSend launch
 * event (Smart Alerts, SoftBlock) with its event-based runtime.
 */
import { paneButton } from './button';
import { ResourceSet, localisedValue } from './resources';
import { hostRequirements, manifestSource, manifestUrls, type RibbonCommand } from './source';
import { el, renderXmlDocument, type XmlElement } from './xml';

const namespaces = {
  xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  'xmlns:mailappor': 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
};
const versionOverrides10 = 'http://schemas.microsoft.com/office/mailappversionoverrides';
const versionOverrides11 = 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1';

function commandSurface(
  surface: 'MessageReadCommandSurface' | 'MessageComposeCommandSurface',
  command: RibbonCommand,
  resources: ResourceSet,
  baseUrl: string,
): XmlElement {
  const urls = manifestUrls(baseUrl);
  return el(
    'ExtensionPoint',
    { 'xsi:type': surface },
    el(
      'OfficeTab',
      { id: 'TabDefault' },
      el(
        'Group',
        { id: `${command.id}.Groupe` },
        el('Label', { resid: resources.shortString('Group.Label', manifestSource.groupLabel) }),
        paneButton(command, resources, urls.taskpane(command.view)),
      ),
    ),
  );
}

/** Read and compose forms for clients without add-in commands (Mailbox 1.1 forms). */
function formSettings(baseUrl: string): XmlElement {
  const urls = manifestUrls(baseUrl);
  const { readCommand, composeCommand } = manifestSource.outlook;
  const form = (type: string, view: RibbonCommand['view']) =>
    el(
      'Form',
      { 'xsi:type': type },
      el(
        'DesktopSettings',
        {},
        el('SourceLocation', { DefaultValue: urls.taskpane(view) }),
        type === 'ItemRead' && el('RequestedHeight', {}, '250'),
      ),
    );
  return el(
    'FormSettings',
    {},
    form('ItemRead', readCommand.view),
    form('ItemEdit', composeCommand.view),
  );
}

export function renderOutlookManifest(baseUrl: string = manifestSource.baseUrl): string {
  const source = manifestSource.outlook;
  const urls = manifestUrls(baseUrl);
  const resources = new ResourceSet(baseUrl);
  resources.url('Commands.Url', urls.commands);
  const webViewRuntime = resources.url('WebViewRuntime.Url', urls.onSendPage);
  const javascriptRuntime = resources.url('JSRuntime.Url', urls.onSendScript);
  const mailbox = hostRequirements.Outlook;

  const host = el(
    'Host',
    { 'xsi:type': 'MailHost' },
    el(
      'Runtimes',
      {},
      // Outlook on the web and on Mac load the HTML page; classic Outlook on Windows runs the script.
      el(
        'Runtime',
        { resid: webViewRuntime },
        el('Override', { type: 'javascript', resid: javascriptRuntime }),
      ),
    ),
    el(
      'DesktopFormFactor',
      {},
      // Coordinators often work from the team's shared mailbox (Mailbox 1.8; first child, as in the schema).
      el('SupportsSharedFolders', {}, 'true'),
      el('FunctionFile', { resid: 'Commands.Url' }),
      commandSurface('MessageReadCommandSurface', source.readCommand, resources, baseUrl),
      commandSurface('MessageComposeCommandSurface', source.composeCommand, resources, baseUrl),
      el(
        'ExtensionPoint',
        { 'xsi:type': 'LaunchEvent' },
        el(
          'LaunchEvents',
          {},
          el('LaunchEvent', {
            Type: 'OnMessageSend',
            FunctionName: source.onSend.functionName,
            SendMode: source.onSend.sendMode,
          }),
        ),
        el('SourceLocation', { resid: webViewRuntime }),
      ),
    ),
  );

  const manifest = el(
    'OfficeApp',
    { ...namespaces, 'xsi:type': 'MailApp' },
    el('Id', {}, source.id),
    el('Version', {}, manifestSource.version),
    el('ProviderName', {}, manifestSource.provider),
    el('DefaultLocale', {}, 'fr-FR'),
    localisedValue('DisplayName', manifestSource.displayName),
    localisedValue('Description', source.description),
    el('IconUrl', { DefaultValue: urls.icon(64) }),
    el('HighResolutionIconUrl', { DefaultValue: urls.icon(128) }),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: mailbox.set, MinVersion: '1.1' }))),
    formSettings(baseUrl),
    el('Permissions', {}, 'ReadWriteItem'),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' }),
    ),
    el('DisableEntityHighlighting', {}, 'false'),
    el(
      'VersionOverrides',
      { xmlns: versionOverrides10, 'xsi:type': 'VersionOverridesV1_0' },
      // Launch events need VersionOverrides 1.1; clients below Mailbox 1.12 get the 1.1 forms above.
      el(
        'VersionOverrides',
        { xmlns: versionOverrides11, 'xsi:type': 'VersionOverridesV1_1' },
        el(
          'Requirements',
          {},
          el(
            'bt:Sets',
            { DefaultMinVersion: mailbox.version },
            el('bt:Set', { Name: mailbox.set }),
          ),
        ),
        el('Hosts', {}, host),
        resources.render(),
      ),
    ),
  );
  return renderXmlDocument(
    manifest,
    'Généré par addin/manifest/generate.ts depuis addin/manifest/source.ts : ne pas modifier à la main.',
  );
}
