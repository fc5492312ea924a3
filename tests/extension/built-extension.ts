/**
 * Builds the extension the way CI would from a clean clone (`wxt build`), for
 * tests and the bench. The test build (PASSERELLE_EXTENSION_TEST=1) also
 * matches http://127.0.0.1 and lands in .output/test; see wxt.config.ts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type * as Playwright from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { projectRequire } from '../../addin/build/project';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

export const chromiumPath = '/usr/bin/chromium';
/** Loaded at run time: the bench bundles this file and playwright-core must stay outside. */
export const playwright = () => projectRequire('playwright-core') as typeof Playwright;
const root = process.cwd();
const wxt = join(root, 'node_modules', '.bin', 'wxt');

/**
 * Builds into .output/<folder>/ (one folder per caller: parallel test files do
 * not collide); with `zip`, `wxt zip` builds and packs the zip(s) beside it.
 */
export function buildExtension(
  folder: string,
  options: { test?: boolean; browser?: 'chrome' | 'firefox'; zip?: boolean } = {},
) {
  const args = [
    options.zip ? 'zip' : 'build',
    ...(options.browser === 'firefox' ? ['-b', 'firefox'] : []),
  ];
  const out = join(root, '.output', folder);
  execFileSync(wxt, args, {
    cwd: root,
    env: {
      ...process.env,
      // Vitest sets NODE_ENV=test, which would bundle React's development build.
      NODE_ENV: 'production',
      PASSERELLE_EXTENSION_TEST: options.test ? '1' : '',
      PASSERELLE_EXTENSION_OUT: out,
    },
    stdio: 'pipe',
  });
  return join(out, options.browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
}

/** Chromium with the unpacked extension loaded; resolves once its service worker runs. */
export async function launchWithExtension(
  extensionDir: string,
): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await playwright().chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'passerelle-ext-')),
    {
      executablePath: chromiumPath,
      headless: true,
      locale: 'fr-FR',
      viewport: { width: 1100, height: 720 },
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker };
}

export interface MarkBox {
  left: number;
  top: number;
  width: number;
  height: number;
  blocking: boolean;
}

export interface OverlayView {
  badge: string;
  marks: number;
  blocking: number;
  /** Where each highlight is drawn (viewport pixels). */
  boxes: MarkBox[];
  dialog: string;
  notice: string;
}

interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * What the overlay shows, read through the DevTools protocol: its shadow root
 * is closed, so neither page scripts nor Playwright's locators can see into it.
 */
export async function overlayView(page: Page): Promise<OverlayView> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  await cdp.detach();
  const view: OverlayView = {
    badge: '',
    marks: 0,
    blocking: 0,
    boxes: [],
    dialog: '',
    notice: '',
  };
  const text = (n: CdpNode): string =>
    n.nodeName === '#text' ? (n.nodeValue ?? '') : (n.children ?? []).map(text).join('');
  const walk = (n: CdpNode, inOverlay: boolean) => {
    const inside = inOverlay || n.nodeName === 'PASSERELLE-OVERLAY';
    const attrs = n.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1] ?? '';
    if (inside && attrs.includes('class')) {
      if (cls.startsWith('badge')) view.badge += text(n);
      if (cls === 'mark' || cls === 'mark blocking') {
        view.marks++;
        if (cls === 'mark blocking') view.blocking++;
        const style = attrs[attrs.indexOf('style') + 1] ?? '';
        const px = (name: string) =>
          Number(new RegExp(`${name}:\\s*([-\\d.]+)px`).exec(style)?.[1]);
        view.boxes.push({
          left: px('left'),
          top: px('top'),
          width: px('width'),
          height: px('height'),
          blocking: cls === 'mark blocking',
        });
      }
      if (cls === 'dialog') view.dialog = text(n);
      if (cls === 'notice') view.notice = text(n);
    }
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, inside);
  };
  walk(root, false);
  return view;
}
