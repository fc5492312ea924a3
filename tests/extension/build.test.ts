/**
 * The production builds (Chrome/Edge MV3 and Firefox MV3) from the sources, as
 * CI does: minimal permissions, strict CSP, French default locale, Firefox's
 * id and data-collection declaration, no network API in the code, and no
 * trace of the test build's 127.0.0.1 matches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEBMAIL_MATCHES } from '../../extension/webmails/hosts';
import { buildExtension } from './built-extension';

interface Manifest {
  manifest_version: number;
  default_locale: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_security_policy: { extension_pages: string };
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  browser_specific_settings?: {
    gecko: { id: string; data_collection_permissions: { required: string[] } };
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
    builds.chrome = buildExtension('ci-build');
    builds.firefox = buildExtension('ci-build', { browser: 'firefox' });
    builds.test = buildExtension('ci-build-test', { test: true });
  }, 120_000);

  it.each(['chrome', 'firefox'])('%s: MV3, minimal permissions, strict CSP, French first', (b) => {
    const manifest = manifestOf(builds[b]!);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.default_locale).toBe('fr');
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions.sort()).toEqual([...WEBMAIL_MATCHES].sort());
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.content_scripts[0]!.matches.sort()).toEqual([...WEBMAIL_MATCHES].sort());
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
    const gecko = manifestOf(builds.firefox!).browser_specific_settings!.gecko;
    expect(gecko.id).toBe('passerelle@pre.local');
    expect(gecko.data_collection_permissions.required).toEqual(['none']);
    expect(manifestOf(builds.chrome!).browser_specific_settings).toBeUndefined();
  });

  it('the code makes no network request and loads no remote code', () => {
    for (const b of ['chrome', 'firefox']) {
      for (const code of scriptsOf(builds[b]!)) {
        expect(code).not.toMatch(
          /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\(/,
        );
        expect(code).not.toMatch(/https?:\/\/(?!www\.w3\.org)[\w.-]+\/[\w/.-]+\.js\b/);
      }
    }
  });

  it('only the test build matches the local replicas', () => {
    const manifest = manifestOf(builds.test!);
    expect(manifest.content_scripts[0]!.matches).toContain('http://127.0.0.1/*');
    expect(manifest.host_permissions).toContain('http://127.0.0.1/*');
  });
});
