/**
 * The BUILT extension's side panel and options page, opened as pages in real
 * Chromium: first use, import of the sample workbook and of a referral
 * email, a pasted text pseudonymised and a reply de-pseudonymised, the EPS
 * minutes downloaded (shared version: codes, no names), the bilan's charts,
 * then a backup restored into a fresh profile and restored again without
 * duplicating children. Screenshots go to tests/artifacts/; axe finds no
 * serious violation on any screen.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  hasChromium,
  passphrase,
  passphraseLabel,
  seriousViolations,
} from '../addin/preview-harness';
import { buildExtension, launchWithExtension } from './built-extension';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const fixture = (...parts: string[]) => join(process.cwd(), 'tests', 'fixtures', ...parts);

describe.skipIf(!hasChromium)('side panel and options of the built extension', () => {
  let dir: string;
  let first: BrowserContext;
  let fresh: BrowserContext | undefined;
  let origin: string;
  let backupPath: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = buildExtension('ci-panel');
    const launched = await launchWithExtension(dir);
    first = launched.context;
    origin = `chrome-extension://${new URL(launched.worker.url()).host}`;
    mkdirSync(artifacts, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await first?.close();
    await fresh?.close();
  });

  const openPage = async (context: BrowserContext, file: string): Promise<Page> => {
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 420, height: 800 });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${origin}/${file}`);
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const axe = async (page: Page) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return seriousViolations(page);
  };
  const heading = (page: Page, name: string | RegExp) =>
    expect
      .poll(() => page.getByRole('heading', { name }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  const createStore = async (page: Page, phrase: string) => {
    await heading(page, 'Protéger la file active');
    await page.getByLabel(passphraseLabel).fill(phrase);
    await page.getByLabel(/^Confirmation de la phrase de passe/).fill(phrase);
    await page.getByRole('button', { name: 'Créer la file active' }).click();
  };

  let panel: Page;

  it('first use, then the sample workbook imported through the mapping screen', async () => {
    panel = await openPage(first, 'sidepanel.html?vue=import');
    await createStore(panel, passphrase);
    await heading(panel, 'Importer dans la file active');
    expect(await axe(panel)).toEqual([]);
    await panel
      .locator('input[type=file]')
      .setInputFiles(fixture('import', 'exemple-suivi-pissevin.xlsx'));
    await heading(panel, 'Importer : vérifier les colonnes');
    await shot(panel, 'panneau-import-colonnes');
    expect(await axe(panel)).toEqual([]);
    await panel.getByRole('button', { name: /^Enregistrer \d+ fiches?$/ }).click();
    await heading(panel, 'Import terminé');
    expect(await panel.getByLabel('Bilan de l’import').textContent()).toMatch(
      /\d+ fiches? créées?/,
    );
    await shot(panel, 'panneau-import-termine');
    // A French Excel CSV (Windows-1252) decodes its accents in the browser too.
    await panel.getByRole('button', { name: 'Importer une autre feuille' }).click();
    await panel
      .locator('input[type=file]')
      .setInputFiles(fixture('import', 'exemple-export-1252.csv'));
    await heading(panel, 'Importer : vérifier les colonnes');
    const columns = (await panel.getByLabel('Colonnes de la feuille').textContent()) ?? '';
    expect(columns).toContain('Établissement');
    expect(columns).not.toMatch(/�|Ã/);
    await panel.getByRole('button', { name: 'Annuler', exact: true }).click();
    await heading(panel, 'Importer dans la file active');
  }, 120_000);

  it('referral emails (.eml, .msg): fields with their provenance, saved as a new child', async () => {
    await panel
      .locator('input[type=file]')
      .setInputFiles(fixture('email', 'exemple-saisine-directeur.eml'));
    await heading(panel, 'Importer : courriel de saisine');
    const card = panel.getByLabel('Fiche proposée 1');
    expect(await card.textContent()).toContain('Lyna');
    expect(await card.textContent()).toContain('Lu dans');
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);
    await shot(panel, 'panneau-courriel');
    expect(await axe(panel)).toEqual([]);
    await card.getByRole('button', { name: 'Enregistrer dans la file active' }).click();
    await expect.poll(() => card.getByText(/Enregistré dans la file active/).count()).toBe(1);
    // An Outlook .msg goes through the same screen.
    await panel.getByRole('button', { name: 'Importer un autre fichier' }).click();
    await panel
      .locator('input[type=file]')
      .setInputFiles(fixture('email', 'exemple-outlook-directrice.msg'));
    await heading(panel, 'Importer : courriel de saisine');
    await expect.poll(() => panel.getByLabel('Fiche proposée 1').textContent()).toContain('Rokia');
  }, 60_000);

  it('the caseload lists the imported children; search ignores accents', async () => {
    await panel.getByRole('tab', { name: 'File active' }).click();
    const search = panel.getByRole('searchbox');
    await expect.poll(() => search.count(), { timeout: 20_000 }).toBe(1);
    await search.fill('dembele');
    await expect.poll(() => panel.getByText(/DEMB[EÉ]L[EÉ]/i).count()).toBeGreaterThan(0);
    await shot(panel, 'panneau-file-active');
    expect(await axe(panel)).toEqual([]);
  }, 60_000);

  it('a pasted text pseudonymised with codes; a reply gets the names back', async () => {
    await panel.getByRole('tab', { name: 'Pseudonymiser un texte' }).click();
    await heading(panel, 'Pseudonymiser un texte');
    await panel
      .getByLabel('Texte à pseudonymiser')
      .fill('Bonjour,\nLyna Ghalem a manqué l’école. Sa mère est joignable au 06 58 31 27 40.');
    await panel.getByRole('button', { name: 'Vérifier et pseudonymiser' }).click();
    const out = panel.getByLabel('Texte pseudonymisé');
    await expect.poll(() => out.count(), { timeout: 20_000 }).toBe(1);
    const text = await out.inputValue();
    expect(text).not.toContain('Ghalem');
    expect(text).not.toContain('06 58 31 27 40');
    const code = /PRE-\d{4}-\d{3,}/.exec(text)?.[0];
    expect(code).toBeDefined();
    expect(await panel.getByLabel('Données personnelles repérées').textContent()).toContain(
      'Téléphones',
    );
    await shot(panel, 'panneau-pseudonymiser');
    expect(await axe(panel)).toEqual([]);
    await panel.getByLabel('Réponse d’un partenaire').fill(`Nous recevrons ${code} jeudi.`);
    await panel.getByRole('button', { name: 'Remettre les noms' }).click();
    await expect
      .poll(() => panel.getByLabel('Réponse avec les noms').inputValue())
      .toMatch(/Lyna GHALEM/i);
  }, 60_000);

  it('the EPS minutes, shared version: a .docx with codes and without names', async () => {
    await panel.getByRole('tab', { name: 'Compte rendu EPS' }).click();
    await heading(panel, /situations? à l’ordre du jour/);
    await shot(panel, 'panneau-compte-rendu');
    expect(await axe(panel)).toEqual([]);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Télécharger le compte rendu (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^compte-rendu-eps-.*-partagee\.docx$/);
    const path = join(artifacts, 'panneau-compte-rendu.docx');
    await download.saveAs(path);
    const xml = new PizZip(readFileSync(path)).file('word/document.xml')!.asText();
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toMatch(/PRE-\d{4}-\d{3,}/);
    expect(text).not.toMatch(/GHALEM|ARSLAN|Lyna/i);
  }, 60_000);

  it('the bilan as charts, with the tables to copy', async () => {
    await panel.getByRole('tab', { name: 'Bilan' }).click();
    await heading(panel, 'Bilan annuel');
    expect(await panel.locator('svg[role=img]').count()).toBeGreaterThan(3);
    await shot(panel, 'panneau-bilan');
    expect(await axe(panel)).toEqual([]);
  }, 60_000);

  it('options: unlock, settings, and a backup downloaded', async () => {
    const options = await openPage(first, 'options.html');
    await heading(options, 'File active verrouillée');
    await options.getByLabel(passphraseLabel).fill(passphrase);
    await options.getByRole('button', { name: 'Ouvrir la file active' }).click();
    await heading(options, 'Sauvegarde');
    await options
      .getByLabel('Domaines de messagerie de l’équipe')
      .fill('ville-exemple.fr\n@ccas.fr');
    await options.getByRole('button', { name: 'Enregistrer les domaines' }).click();
    await expect.poll(() => options.getByText('2 domaines internes enregistrés.').count()).toBe(1);
    await options.getByRole('button', { name: 'Voir les fiches à effacer' }).click();
    await shot(options, 'options');
    expect(await axe(options)).toEqual([]);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Télécharger une sauvegarde chiffrée' }).click(),
    ]);
    backupPath = join(artifacts, 'sauvegarde-test.passerelle');
    await download.saveAs(backupPath);
  }, 60_000);

  it('the backup restored into a fresh profile, then again without duplicates', async () => {
    fresh = (await launchWithExtension(dir)).context;
    const options = await openPage(fresh, 'options.html');
    await createStore(options, 'autre phrase pour le second poste');
    await heading(options, 'Sauvegarde');
    const restore = async () => {
      await options.locator('input[type=file]').setInputFiles(backupPath);
      await options.getByLabel('Phrase de passe de la sauvegarde').fill(passphrase);
      await options.getByRole('button', { name: 'Restaurer la sauvegarde' }).click();
      await expect
        .poll(() => options.getByText(/^Sauvegarde restaurée/).count(), { timeout: 20_000 })
        .toBe(1);
      return (await options.getByText(/^Sauvegarde restaurée/).textContent()) ?? '';
    };
    const once = await restore();
    const added = Number(/(\d+) fiches? ajoutée/.exec(once)?.[1]);
    expect(added).toBeGreaterThan(1);
    const twice = await restore();
    expect(twice).toMatch(/ 0 fiche ajoutée/);
    expect(twice).toContain(`${added} fiches déjà présentes complétées`);
    await shot(options, 'options-restauration');
    expect(problems).toEqual([]);
  }, 120_000);
});
