/**
 * Copies, for the preview and the browser tests, the few office.js files a
 * page outside Office loads — not the 90 MB `@microsoft/office-js/dist`.
 * Production pages load office.js from Microsoft's CDN instead.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRequire } from './project';

/**
 * Outside Office, office.js loads only its host-to-file table, then resolves
 * `Office.onReady` with `host: null` (seen in Chromium: tests/addin/taskpane.browser.test.ts).
 */
export const officeJsFiles = ['office.js', 'o15apptofilemappingtable.js'];

export function copyOfficeJs(outDir: string): string[] {
  const dist = join(dirname(projectRequire.resolve('@microsoft/office-js/package.json')), 'dist');
  return officeJsFiles.map((file) => {
    const target = join(outDir, 'office', file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(dist, file), target);
    return target;
  });
}
