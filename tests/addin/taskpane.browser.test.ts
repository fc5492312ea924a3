/**
 * The task pane in real Chromium, in preview mode (outside Office): the shell
 * renders in French, navigates between views, stays on its own origin under
 * its CSP, and axe-core finds no serious accessibility violation.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build';
import { selfSignedCertificate } from '../../addin/build/certificates';
import { serveDirectory, type RunningServer } from '../../addin/build/serve';
import { seriousViolations } from './preview-harness';

const chromiumPath = '/usr/bin/chromium';
const artifacts = join(process.cwd(), 'tests', 'artifacts');
const require = createRequire(import.meta.url);
/** The one refusal expected: office.js outside Office tries to frame Microsoft's telemetry; the CSP says no. */
const refusedTelemetryFrame =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates .*frame-src 'none'/;

describe.skipIf(!existsSync(chromiumPath))('task pane preview in Chromium', () => {
  let outDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const missing: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'passerelle-volet-'));
    await buildAddin({ mode: 'preview', outDir });
    // axe-core served from the pane's origin: the page's CSP refuses inline scripts.
    mkdirSync(join(outDir, 'test'));
    copyFileSync(require.resolve('axe-core/axe.min.js'), join(outDir, 'test', 'axe.min.js'));
    server = await serveDirectory(outDir, {
      port: 0,
      host: '127.0.0.1',
      tls: selfSignedCertificate(),
    });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      locale: 'fr-FR',
      viewport: { width: 360, height: 640 },
    });
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(response.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    mkdirSync(artifacts, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('renders the shell in French in preview mode and opens the requested view', async () => {
    await page.goto(`${server.origin}/taskpane.html?vue=classeur`);
    await expect.poll(() => page.getByText('Classeur ouvert').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Passerelle');
    expect(await page.getByText('Aperçu dans le navigateur').count()).toBe(1);
    const selected = page.getByRole('tab', { selected: true });
    expect(await selected.textContent()).toBe('Classeur');
    // The in-memory workbook seeded with the sample caseload answers through ExcelHost.
    const rows = page.getByRole('table', { name: 'Feuilles du classeur' }).getByRole('row');
    expect(await rows.allTextContents()).toEqual([
      'FeuillePlage utiliséeAction',
      'Suivi 2025-2026A1:H10Aller à la feuille',
      'Orientations 2026A1:I5Aller à la feuille',
      'Contacts famillesA1:E3Aller à la feuille',
      'Notesfeuille videAller à la feuille',
    ]);
    await page.screenshot({ path: join(artifacts, 'volet-classeur.png'), fullPage: true });
  });

  it('goes to a sheet through the adapter and shows the new selection', async () => {
    await page.getByRole('button', { name: 'Aller à la feuille Notes' }).click();
    await expect
      .poll(() =>
        page
          .getByText('Sélection\u00a0: feuille «\u00a0Notes\u00a0», plage A1 (1 cellule).')
          .count(),
      )
      .toBe(1);
  });

  it('navigates to another view and keeps it in the URL', async () => {
    await page.getByRole('tab', { name: 'À propos' }).click();
    await expect.poll(() => page.getByText('À propos de Passerelle').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('vue')).toBe('a-propos');
    expect(await page.getByText('aucune (aperçu dans le navigateur').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'volet-a-propos.png'), fullPage: true });
  });

  it('says so when a ribbon button names a view this version does not have', async () => {
    await page.goto(`${server.origin}/taskpane.html?vue=inconnue`);
    await expect
      .poll(() => page.getByText('La vue « inconnue » n’existe pas dans cette version').count())
      .toBe(1);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Classeur');
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    await page.goto(`${server.origin}/taskpane.html?vue=classeur`);
    await expect.poll(() => page.getByText('Classeur ouvert').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('stayed on its own origin, loaded office.js locally and broke no CSP rule', () => {
    const foreign = requests.filter((url) => !url.startsWith(server.origin));
    expect(foreign).toEqual([]);
    expect(missing).toEqual([]);
    expect(requests).toContain(`${server.origin}/office/office.js`);
    expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
  });
});
