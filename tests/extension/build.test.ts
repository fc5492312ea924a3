/**
 * The production packages (Chrome/Edge MV3 and Firefox MV3) from the sources,
 * as CI does with `wxt zip`: minimal permissions, strict CSP, French default
 * locale, Firefox's id and data-collection declaration, the content script
 * within its 60 KB (gzip) budget, no network API in the code, and no trace of
 * the test build's 127.0.0.1 matches; the zips hold the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE } from '../../extension/background/sites';
import { WEBMAIL_MATCHES } from '../../extension/webmails/hosts';
import { buildExtension } from './built-extension';
import { gzipKb, initialScripts } from './initial-scripts';

const CONTENT_BUDGET_KB = 60;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

interface Manifest {
  manifest_version: number;
  default_locale: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_security_policy: { extension_pages: string };
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  background: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: string[] };
    };
  };
}

const builds: Record<string, string> = {};
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const scriptsOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

describe('extension builds', () => {
  beforeAll(() => {
    builds.chrome = buildExtension('ci-build', { zip: true });
    builds.firefox = buildExtension('ci-build', { browser: 'firefox', zip: true });
    builds.test = buildExtension('ci-build-test', { test: true });
  }, 300_000);

  it.each(['chrome', 'firefox'])('%s: MV3, minimal permissions, strict CSP, French first', (b) => {
    const manifest = manifestOf(builds[b]!);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.default_locale).toBe('fr');
    // `scripting`: the content script is registered at run time for the sites the user enables;
    // `sidePanel` (Chrome; Firefox has its sidebar_action): the side panel.
    expect(manifest.permissions.sort()).toEqual(
      b === 'chrome' ? ['scripting', 'sidePanel', 'storage'] : ['scripting', 'storage'],
    );
    expect(manifest.host_permissions.sort()).toEqual([...WEBMAIL_MATCHES].sort());
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.content_scripts[0]!.matches.sort()).toEqual([...WEBMAIL_MATCHES].sort());
    // The file registered for user-enabled sites is the webmails' content script.
    expect(manifest.content_scripts[0]!.js).toEqual([CONTENT_SCRIPT_FILE]);
    expect(manifest.content_security_policy.extension_pages).toMatch(/^script-src 'self';/);
    expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'none'");
    expect(JSON.stringify(manifest)).not.toContain('127.0.0.1');
    for (const locale of ['fr', 'en']) {
      const messages = JSON.parse(
        readFileSync(join(builds[b]!, '_locales', locale, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>;
      expect(messages.extName?.message).toBe('Passerelle');
    }
  });

  it('firefox: gecko id and no data collected', () => {
    const firefox = manifestOf(builds.firefox!);
    const gecko = firefox.browser_specific_settings!.gecko;
    expect(gecko.id).toBe('passerelle@pre.local');
    expect(gecko.data_collection_permissions.required).toEqual(['none']);
    // Firefox MV3 runs the background as an event page (scripts), Chrome as a service worker.
    expect(firefox.background.scripts).toEqual(['background.js']);
    expect(manifestOf(builds.chrome!).background.service_worker).toBe('background.js');
    expect(manifestOf(builds.chrome!).browser_specific_settings).toBeUndefined();
  });

  it.each(['chrome', 'firefox'])(
    `%s: the content script stays within ${CONTENT_BUDGET_KB} KB gzipped, without React`,
    (b) => {
      const code = readFileSync(join(builds[b]!, CONTENT_SCRIPT_FILE));
      expect(gzipSync(code, { level: 9 }).length / 1024).toBeLessThanOrEqual(CONTENT_BUDGET_KB);
      expect(code.toString('utf8')).not.toMatch(/react|__SECRET_INTERNALS/i);
    },
  );

  it.each(['chrome', 'firefox'])('%s: `wxt zip` packs exactly the built files', (b) => {
    const dir = builds[b]!;
    const zip = new PizZip(readFileSync(join(dirname(dir), `passerelle-${version}-${b}.zip`)));
    const packed = Object.keys(zip.files)
      .filter((f) => !zip.files[f]!.dir)
      .sort();
    const built = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
    expect(packed).toEqual(built);
    expect(JSON.parse(zip.file('manifest.json')!.asText())).toEqual(manifestOf(dir));
  });

  it('firefox: the sources zip for review holds the code, not the tests', () => {
    const zip = new PizZip(
      readFileSync(join(dirname(builds.firefox!), `passerelle-${version}-sources.zip`)),
    );
    const files = Object.keys(zip.files);
    expect(files).toContain('wxt.config.ts');
    expect(files).toContain('extension/entrypoints/content.ts');
    expect(files).toContain('shared/anonymisation/index.ts');
    expect(files.filter((f) => f.startsWith('tests/') || f.startsWith('.output/'))).toEqual([]);
  });

  it('the code makes no network request and loads no remote code', () => {
    for (const b of ['chrome', 'firefox']) {
      for (const bundled of scriptsOf(builds[b]!)) {
        // PapaParse (CSV import, side panel) carries a streamer for remote files that
        // Passerelle never calls (it parses strings); the CSP's connect-src 'none'
        // would refuse it anyway. Any other network API fails the test.
        const code = bundled.replace(
          /this\._readChunk=function\(\)\{if\(this\._finished\)this\._chunkLoaded\(\);else\{if\(\w+=new XMLHttpRequest/g,
          '',
        );
        expect(code).not.toMatch(
          /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\(/,
        );
        expect(code).not.toMatch(/https?:\/\/(?!www\.w3\.org)[\w.-]+\/[\w/.-]+\.js\b/);
      }
    }
  });

  it('side panel and options page: Chrome side_panel, Firefox sidebar_action, options in a tab', () => {
    const chrome = manifestOf(builds.chrome!) as Manifest & Record<string, unknown>;
    const firefox = manifestOf(builds.firefox!) as Manifest & Record<string, unknown>;
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(chrome.action).toEqual({ default_title: '__MSG_extName__' });
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    for (const manifest of [chrome, firefox])
      expect(manifest.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
  });

  it('side panel: initial JS ≤ 300 KB gzipped, the core capabilities loaded with their views', () => {
    const dir = builds.chrome!;
    const initial = initialScripts(dir, 'sidepanel.html');
    expect(initial.length).toBeGreaterThan(0);
    expect(gzipKb(dir, initial)).toBeLessThanOrEqual(300);
    // Dexie, SheetJS, docxtemplater and the anonymisation lexicon wait for a view that needs them.
    const code = initial.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(code).not.toMatch(/Dexie|SheetJS|docxtemplater/i);
  });

  it('only the test build matches the local replicas', () => {
    const manifest = manifestOf(builds.test!);
    expect(manifest.content_scripts[0]!.matches).toContain('http://127.0.0.1/*');
    expect(manifest.host_permissions).toContain('http://127.0.0.1/*');
  });
});
