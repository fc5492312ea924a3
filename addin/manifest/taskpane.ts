/**
 * Renders the Excel + Word task-pane manifest (`manifest.xml`): one pane,
 * a «Passerelle» group on the Home tab of each host with the buttons whose
 * view works there, each opening the pane on its view.
 */
import { paneButton } from './button';
import { ResourceSet, localisedValue } from './resources';
import { manifestSource, manifestUrls, type TaskPaneHost } from './source';
import { el, renderXmlDocument, type XmlElement } from './xml';

const namespaces = {
  xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  'xmlns:ov': 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

function hostOverride(host: TaskPaneHost, resources: ResourceSet, baseUrl: string): XmlElement {
  const commands = manifestSource.taskPane.commands.filter((c) =>
    (c.hosts as readonly TaskPaneHost[]).includes(host),
  );
  return el(
    'Host',
    { 'xsi:type': host },
    el(
      'DesktopFormFactor',
      {},
      // The buttons only open the pane: the function file the schema requires holds no function.
      el('FunctionFile', { resid: 'Commands.Url' }),
      el(
        'ExtensionPoint',
        { 'xsi:type': 'PrimaryCommandSurface' },
        el(
          'OfficeTab',
          { id: 'TabHome' },
          el(
            'Group',
            { id: 'Passerelle.Groupe' },
            el('Label', { resid: resources.shortString('Group.Label', manifestSource.groupLabel) }),
            resources.ribbonIcon(),
            commands.map((command) =>
              paneButton(
                command,
                resources,
                manifestUrls(baseUrl).taskpane(command.view),
                manifestSource.taskPane.paneId,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function renderTaskPaneManifest(baseUrl: string = manifestSource.baseUrl): string {
  const source = manifestSource.taskPane;
  const urls = manifestUrls(baseUrl);
  const resources = new ResourceSet(baseUrl);
  resources.url('Commands.Url', urls.commands);
  const hosts = source.hosts.map((host) => hostOverride(host, resources, baseUrl));
  const manifest = el(
    'OfficeApp',
    { ...namespaces, 'xsi:type': 'TaskPaneApp' },
    el('Id', {}, source.id),
    el('Version', {}, manifestSource.version),
    el('ProviderName', {}, manifestSource.provider),
    el('DefaultLocale', {}, 'fr-FR'),
    localisedValue('DisplayName', manifestSource.displayName),
    localisedValue('Description', source.description),
    el('IconUrl', { DefaultValue: urls.icon(32) }),
    el('HighResolutionIconUrl', { DefaultValue: urls.icon(64) }),
    el(
      'Hosts',
      {},
      source.hosts.map((host) => el('Host', { Name: host })),
    ),
    el('DefaultSettings', {}, el('SourceLocation', { DefaultValue: urls.taskpaneHome })),
    el('Permissions', {}, 'ReadWriteDocument'),
    el(
      'VersionOverrides',
      {
        xmlns: namespaces['xmlns:ov'],
        'xsi:type': 'VersionOverridesV1_0',
      },
      el('Hosts', {}, hosts),
      resources.render(),
    ),
  );
  return renderXmlDocument(
    manifest,
    'Généré par addin/manifest/generate.ts depuis addin/manifest/source.ts : ne pas modifier à la main.',
  );
}
