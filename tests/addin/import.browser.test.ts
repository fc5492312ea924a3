/**
 * «Importer» in the preview, in real Chromium: the messy sheet of the sample
 * workbook imported end to end — one column mapping corrected (and
 * remembered), a bad cell selected in the in-memory workbook, the rows saved,
 * the codes written back after asking, the new children in «File active»;
 * screenshots, and axe-core finds no serious violation on each screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  openPreview,
  passphrase,
  passphraseLabel,
  refusedTelemetryFrame,
  seriousViolations,
  type Preview,
} from './preview-harness';

describe.skipIf(!hasChromium)('«Importer» in the task pane preview', () => {
  let preview: Preview;
  let page: Page;
  const problems: string[] = [];
  const shot = (name: string) => preview.shot(`importer-${name}`);
  const tab = (name: string) => page.getByRole('tab', { name });
  const remark = () => page.getByLabel('Colonne I : «\u00a0Remarque éduc\u00a0»');

  beforeAll(async () => {
    preview = await openPreview(problems);
    page = preview.page;
  }, 180_000);

  afterAll(() => preview?.close());

  it('opens the caseload first, then offers the sources', async () => {
    await page.goto(`${preview.origin}/taskpane.html?vue=import`);
    await expect.poll(() => page.getByText('Protéger la file active').count()).toBe(1);
    await page.getByLabel(passphraseLabel).fill(passphrase);
    await page.getByLabel(/^Confirmation de la phrase de passe/).fill(passphrase);
    await page.getByRole('button', { name: 'Créer la file active' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Importer dans la file active' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await page.getByLabel('Feuille', { exact: true }).selectOption('Orientations 2026');
    await shot('1-source');
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('maps the columns, lists the unknown one and the bad date', async () => {
    await page.getByRole('button', { name: 'Lire et vérifier' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Importer : vérifier les colonnes' }).count())
      .toBe(1);
    expect(await page.getByLabel('Colonne C : «\u00a0DDN\u00a0»').inputValue()).toBe(
      'child.birthDate',
    );
    expect(await remark().inputValue()).toBe('');
    expect(
      await page.getByText(/Colonnes non reconnues.*I «\u00a0Remarque éduc\u00a0»/).count(),
    ).toBe(1);
    const errors = page.getByRole('list', { name: 'Cellules en erreur' }).getByRole('listitem');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().textContent()).toMatch(/ligne 4, colonne DDN.*31\/02\/2016/);
    await shot('2-colonnes');
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('takes a corrected mapping, remembered for the next import of the sheet', async () => {
    await remark().selectOption('notes');
    await expect.poll(() => page.getByText('choisi par vous').count()).toBe(1);
    expect(await page.getByText(/Colonnes non reconnues/).count()).toBe(0);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByLabel('Feuille', { exact: true }).selectOption('Orientations 2026');
    await page.getByRole('button', { name: 'Lire et vérifier' }).click();
    await expect.poll(() => remark().count()).toBe(1);
    expect(await remark().inputValue()).toBe('notes');
    const remarkItem = page.getByRole('listitem').filter({ has: remark() });
    expect(await remarkItem.textContent()).toContain('retenu d’un import précédent');
  });

  it('selects the faulty cell in the workbook', async () => {
    await page.getByRole('button', { name: /Afficher la cellule C4/ }).click();
    await tab('Classeur').click();
    await expect
      .poll(() =>
        page
          .getByText(
            'Sélection\u00a0: feuille «\u00a0Orientations 2026\u00a0», plage C4 (1 cellule).',
          )
          .count(),
      )
      .toBe(1);
  });

  it('saves the rows, sums them up and writes the codes back after asking', async () => {
    await tab('Importer').click();
    await page.getByLabel('Feuille', { exact: true }).selectOption('Orientations 2026');
    await page.getByRole('button', { name: 'Lire et vérifier' }).click();
    await page.getByRole('button', { name: /^Enregistrer 2 fiches$/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Import terminé' }).count()).toBe(1);
    const summary = page.getByRole('list', { name: 'Bilan de l’import' });
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      '2 fiches créées',
      '0 fiche mise à jour',
      '1 ligne ignorée',
    ]);
    expect(await page.getByRole('list', { name: 'Lignes ignorées' }).textContent()).toMatch(
      /ligne 4 : date de naissance impossible : 31\/02\/2016/,
    );
    expect(await page.getByText(/n’a pas de colonne «\u00a0Code parcours\u00a0»/).count()).toBe(1);
    await shot('3-bilan');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await page.getByRole('button', { name: 'Écrire les codes' }).click();
    await expect
      .poll(() => page.getByText(/Codes écrits dans la colonne J de la feuille/).count())
      .toBe(1);
    await tab('Classeur').click();
    const rows = page.getByRole('table', { name: 'Feuilles du classeur' }).getByRole('row');
    await expect
      .poll(() => rows.allTextContents())
      .toContain('Orientations 2026A1:J5Aller à la feuille');
  });

  it('shows the new children in «File active»', async () => {
    await tab('File active').click();
    await expect
      .poll(() => page.getByRole('heading', { name: /File active — 10\s+enfants/ }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await page.getByRole('searchbox').fill('marchetti');
    const items = page.getByRole('list', { name: 'Enfants suivis' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    await shot('4-file-active');
    expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
  });
});
