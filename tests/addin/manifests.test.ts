/**
 * The committed manifests: equal to what the one source renders (no drift),
 * well-formed (xmllint), GUID ids, every URL and image a file the build
 * produces (the on-send handler's single script included), and the VersionOverrides,
 * commands, requirement sets and launch event intended.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build';
import { manifestFiles } from '../../addin/manifest/generate';
import { renderOutlookManifest } from '../../addin/manifest/outlook';
import { hostRequirements, manifestSource, manifestVersion } from '../../addin/manifest/source';
import { ResourceSet } from '../../addin/manifest/resources';
import { commandViewIds } from '../../addin/taskpane/view-ids';

const xmllint = '/usr/bin/xmllint';
const taskPane = 'manifest.xml';
const outlook = 'addin/outlook/manifest.xml';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Attribute values an XPath selects (elements matched by local name, namespaces aside). */
function attributeValues(file: string, xpath: string): string[] {
  let out: string;
  try {
    out = execFileSync(xmllint, ['--xpath', xpath, file], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return []; // xmllint exits non-zero when nothing matches
  }
  return [...out.matchAll(/="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

function count(file: string, xpath: string): number {
  return Number(execFileSync(xmllint, ['--xpath', `count(${xpath})`, file], { encoding: 'utf8' }));
}

const node = (name: string) => `*[local-name()='${name}']`;

describe('manifests from one source', () => {
  it('are committed exactly as the generator renders them', () => {
    for (const file of manifestFiles) {
      expect(readFileSync(file.path, 'utf8'), `${file.path} : lancez npm run manifests`).toBe(
        file.render(manifestSource.baseUrl),
      );
    }
  });

  it('have GUID ids, distinct, and the package version', () => {
    const ids = [manifestSource.taskPane.id, manifestSource.outlook.id];
    for (const id of ids) expect(id).toMatch(guid);
    expect(new Set(ids).size).toBe(2);
    expect(readFileSync(taskPane, 'utf8')).toContain(`<Id>${manifestSource.taskPane.id}</Id>`);
    expect(readFileSync(outlook, 'utf8')).toContain(`<Id>${manifestSource.outlook.id}</Id>`);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(manifestSource.version).toBe(`${pkg.version}.0`);
  });

  it('refuses what Office would refuse: a bad version, an over-long string or id', () => {
    expect(() => manifestVersion('1.2')).toThrow('majeur.mineur.correctif');
    const resources = new ResourceSet('https://localhost:3000');
    expect(() => resources.shortString('Trop.Long', { fr: 'x'.repeat(126), en: 'x' })).toThrow(
      'trop long (126 > 125 caractères)',
    );
    expect(() => resources.url('Un.Identifiant.De.Plus.De.32.Caracteres', 'https://x')).toThrow(
      'trop long',
    );
  });

  it('render every URL from the base URL given', () => {
    const rendered = renderOutlookManifest('https://passerelle.exemple.fr/volet/');
    expect(rendered).not.toContain('localhost');
    expect(rendered).toContain('"https://passerelle.exemple.fr/volet/taskpane.html?vue=envoi"');
  });
});

describe.skipIf(!existsSync(xmllint))('manifest files (xmllint)', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'passerelle-manifestes-'));
    await buildAddin({ mode: 'production', outDir });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('are well-formed XML', () => {
    expect(() =>
      execFileSync(xmllint, ['--noout', taskPane, outlook], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('reference only files the build produces', () => {
    for (const file of [taskPane, outlook]) {
      const urls = [
        ...attributeValues(file, `//${node('Url')}/@DefaultValue`),
        ...attributeValues(file, `//${node('Image')}/@DefaultValue`),
        ...attributeValues(file, `//${node('IconUrl')}/@DefaultValue`),
        ...attributeValues(file, `//${node('HighResolutionIconUrl')}/@DefaultValue`),
        ...attributeValues(file, `//${node('SourceLocation')}/@DefaultValue`),
      ];
      expect(urls.length).toBeGreaterThan(8);
      const absent = urls
        .map((url) => {
          expect(url.startsWith(`${manifestSource.baseUrl}/`), url).toBe(true);
          return new URL(url).pathname.slice(1);
        })
        .filter((path) => !existsSync(join(outDir, path)));
      expect(absent, file).toEqual([]);
    }
  });

  it('Outlook: the on-send runtime override is one classic script that registers the handler', () => {
    const script = readFileSync(join(outDir, manifestSource.outlook.onSend.script), 'utf8');
    expect(script).not.toMatch(/\bimport\s*[({"'`]|\brequire\(|\bexport\s*\{/);
    expect(script).toContain(`"${manifestSource.outlook.onSend.functionName}"`);
    expect(script).toContain('actions.associate');
    const page = readFileSync(join(outDir, manifestSource.outlook.onSend.page), 'utf8');
    expect(page).toContain(`<script src="${manifestSource.outlook.onSend.script}"></script>`);
  });

  it('define every resource id they use, and use every one they define', () => {
    for (const file of [taskPane, outlook]) {
      const defined = attributeValues(file, `//${node('Resources')}//*/@id`);
      const used = new Set(attributeValues(file, '//@resid'));
      expect(new Set(defined).size).toBe(defined.length);
      expect([...used].filter((id) => !defined.includes(id))).toEqual([]);
      // 64/128 px images serve IconUrl/HighResolutionIconUrl, which take URLs, not ids.
      const unused = defined.filter((id) => !used.has(id) && !/^Icon\.(64x64|128x128)$/.test(id));
      expect(unused, file).toEqual([]);
    }
  });

  it('are French by default with an English override for every string', () => {
    for (const file of [taskPane, outlook]) {
      expect(readFileSync(file, 'utf8')).toContain('<DefaultLocale>fr-FR</DefaultLocale>');
      const strings = count(file, `//${node('String')}`);
      expect(strings).toBeGreaterThan(3);
      expect(count(file, `//${node('String')}/${node('Override')}[@Locale='en-US']`)).toBe(strings);
      expect(count(file, `/${node('OfficeApp')}/${node('DisplayName')}/${node('Override')}`)).toBe(
        1,
      );
    }
  });

  it('task pane: Excel and Word, a Passerelle group on the Home tab opening the right views', () => {
    expect(attributeValues(taskPane, `/${node('OfficeApp')}/@*[local-name()='type']`)).toEqual([
      'TaskPaneApp',
    ]);
    expect(
      attributeValues(taskPane, `/${node('OfficeApp')}/${node('Hosts')}/${node('Host')}/@Name`),
    ).toEqual(['Workbook', 'Document']);
    // A set here would apply to both hosts (ExcelApi would hide the add-in in Word): checked at run time.
    expect(count(taskPane, `/${node('OfficeApp')}/${node('Requirements')}`)).toBe(0);
    expect(
      attributeValues(taskPane, `//${node('VersionOverrides')}/@*[local-name()='type']`),
    ).toEqual(['VersionOverridesV1_0']);
    const buttons = (host: string) =>
      attributeValues(
        taskPane,
        `//${node('Host')}[@*[local-name()='type']='${host}']//${node('OfficeTab')}[@id='TabHome']/${node('Group')}/${node('Control')}/@id`,
      );
    expect(buttons('Workbook')).toEqual(['Passerelle.Importer', 'Passerelle.Verifier']);
    expect(buttons('Document')).toEqual(['Passerelle.CompteRenduEps', 'Passerelle.Verifier']);
    const paneUrls = attributeValues(
      taskPane,
      `//${node('Url')}[starts-with(@id,'Taskpane.')]/@DefaultValue`,
    );
    expect(paneUrls.map((u) => new URL(u).searchParams.get('vue')).sort()).toEqual(
      [commandViewIds.eps, commandViewIds.import, commandViewIds.verification].sort(),
    );
    const labels = readFileSync(taskPane, 'utf8');
    for (const label of ['Importer', 'Compte rendu EPS', 'Vérifier avant partage']) {
      expect(labels).toContain(`DefaultValue="${label}"`);
    }
  });

  it('Outlook: mail add-in, read and compose commands, OnMessageSend with its runtimes', () => {
    expect(attributeValues(outlook, `/${node('OfficeApp')}/@*[local-name()='type']`)).toEqual([
      'MailApp',
    ]);
    const inner = `//${node('VersionOverrides')}/${node('VersionOverrides')}`;
    expect(attributeValues(outlook, `${inner}/@*[local-name()='type']`)).toEqual([
      'VersionOverridesV1_1',
    ]);
    expect(
      attributeValues(
        outlook,
        `${inner}/${node('Requirements')}/${node('Sets')}/@DefaultMinVersion`,
      ),
    ).toEqual([hostRequirements.Outlook.version]);
    expect(
      attributeValues(outlook, `${inner}/${node('Requirements')}//${node('Set')}/@Name`),
    ).toEqual(['Mailbox']);
    const event = `//${node('LaunchEvent')}`;
    expect(attributeValues(outlook, `${event}/@Type`)).toEqual(['OnMessageSend']);
    expect(attributeValues(outlook, `${event}/@SendMode`)).toEqual(['SoftBlock']);
    expect(attributeValues(outlook, `${event}/@FunctionName`)).toEqual(['onMessageSendHandler']);
    const runtime = attributeValues(outlook, `//${node('Runtime')}/@resid`)[0];
    const override = attributeValues(
      outlook,
      `//${node('Runtime')}/${node('Override')}[@type='javascript']/@resid`,
    )[0];
    const url = (id: string | undefined) =>
      attributeValues(outlook, `//${node('Url')}[@id='${id}']/@DefaultValue`)[0];
    expect(url(runtime)).toBe(`${manifestSource.baseUrl}/onsend.html`);
    expect(url(override)).toBe(`${manifestSource.baseUrl}/onsend.js`);
    expect(
      attributeValues(
        outlook,
        `//${node('ExtensionPoint')}[@*[local-name()='type']='LaunchEvent']/${node('SourceLocation')}/@resid`,
      ),
    ).toEqual([runtime]);
    const surface = (type: string) =>
      attributeValues(
        outlook,
        `//${node('ExtensionPoint')}[@*[local-name()='type']='${type}']//${node('Control')}/@id`,
      );
    expect(surface('MessageReadCommandSurface')).toEqual(['Passerelle.CreerParcours']);
    expect(surface('MessageComposeCommandSurface')).toEqual(['Passerelle.VerifierEnvoi']);
    const text = readFileSync(outlook, 'utf8');
    expect(text).toContain('DefaultValue="Créer un parcours depuis ce message"');
    expect(text).toContain('DefaultValue="Vérifier avant envoi"');
  });
});
