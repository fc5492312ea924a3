/**
 * The task pane preview in real Chromium, as the browser tests open it: built
 * once per test file into a temporary folder with axe-core beside it, served
 * over https on 127.0.0.1, in a 360 px wide French page that records console
 * errors. Also the shared passphrase, labels and the axe check.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildAddin } from '../../addin/build/build';
import { selfSignedCertificate } from '../../addin/build/certificates';
import { serveDirectory } from '../../addin/build/serve';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const artifacts = join(process.cwd(), 'tests', 'artifacts');
export const passphrase = 'soleil rouge sur la calanque';
/** Required fields add « * » to their accessible name. */
export const passphraseLabel = /^Phrase de passe\s*\*?$/;
/** office.js tries to frame Microsoft telemetry; the pane's CSP refuses it, as it should. */
export const refusedTelemetryFrame = /^Framing 'https:\/\/telemetryservice\.firstpartyapps/;

const require = createRequire(import.meta.url);

async function axeSerious(page: Page): Promise<string[]> {
  if ((await page.evaluate(() => 'axe' in window)) === false) {
    await page.addScriptTag({ url: '/test/axe.min.js' });
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    // Fluent's focus-trap sentinels are empty on purpose; axe misreads them.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] });
    return result.violations as { id: string; impact: string; nodes: { html: string }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

/**
 * Serious or critical axe violations once the screen has settled: a colour
 * caught mid-transition on a loaded machine is looked at again, for up to
 * 10 s; a violation that stays is returned.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  let found = await axeSerious(page);
  for (let attempt = 0; found.length && attempt < 20; attempt++) {
    await page.waitForTimeout(500);
    found = await axeSerious(page);
  }
  return found;
}

export interface Preview {
  page: Page;
  origin: string;
  /** Saves a full-page screenshot as tests/artifacts/NAME.png. */
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Builds, serves and opens the preview; console errors and page errors go into `problems`. */
export async function openPreview(problems: string[]): Promise<Preview> {
  const outDir = mkdtempSync(join(tmpdir(), 'passerelle-preview-'));
  await buildAddin({ mode: 'preview', outDir });
  mkdirSync(join(outDir, 'test'));
  copyFileSync(require.resolve('axe-core/axe.min.js'), join(outDir, 'test', 'axe.min.js'));
  const server = await serveDirectory(outDir, {
    port: 0,
    host: '127.0.0.1',
    tls: selfSignedCertificate(),
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale: 'fr-FR',
    viewport: { width: 360, height: 640 },
    acceptDownloads: true,
    // No transitions: screenshots and colour checks see the settled screen.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  mkdirSync(artifacts, { recursive: true });
  return {
    page,
    origin: server.origin,
    shot: (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
