/**
 * The Passerelle browser extension (WXT): Chrome/Edge and Firefox, both MV3.
 * Sources live in extension/; builds land in .output/ (git-ignored).
 * PASSERELLE_EXTENSION_TEST=1 is the test build ONLY: it also matches
 * http://127.0.0.1 so Playwright can load local replicas of the webmails, and
 * writes to .output/test so a production build is never mixed with it.
 * PASSERELLE_EXTENSION_OUT (tests, bench) picks another output folder so
 * builds running side by side do not clean each other's files.
 */
import { defineConfig } from 'wxt';
import { TEST_MATCHES, WEBMAIL_MATCHES } from './extension/webmails/hosts';

const testBuild = process.env.PASSERELLE_EXTENSION_TEST === '1';

export default defineConfig({
  srcDir: 'extension',
  entrypointsDir: 'entrypoints',
  publicDir: 'extension/public',
  outDir: process.env.PASSERELLE_EXTENSION_OUT || (testBuild ? '.output/test' : '.output'),
  manifestVersion: 3,
  imports: false,
  vite: () => ({
    // iconv-lite (Windows-1252 CSV in the side panel's import) needs Node's
    // `buffer`: the browser build gets the `buffer` package instead.
    resolve: { alias: { buffer: 'buffer/' } },
    // Extension pages support modulepreload; Vite's polyfill would fetch().
    build: { modulePreload: { polyfill: false } },
  }),
  // The sources zip (Firefox review) holds what builds the extension, not the tests' files.
  zip: { excludeSources: ['tests/**', 'addin/**', 'manifest.xml'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'scripting'],
    host_permissions: [...WEBMAIL_MATCHES],
    optional_host_permissions: ['https://*/*'],
    // The toolbar button opens the side panel (Chrome) or the sidebar (Firefox).
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'passerelle@pre.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!testBuild) return;
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...TEST_MATCHES];
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...TEST_MATCHES];
      }
    },
  },
});
