/**
 * «File active» in the preview, in real Chromium: first use with a
 * passphrase (the preview seeds the sample caseload), accent-insensitive
 * search, a record opened, edited and saved, lock and unlock (wrong then
 * right passphrase), a child erased after confirmation; screenshots, and
 * axe-core finds no serious violation on each screen.
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

describe.skipIf(!hasChromium)('«File active» in the task pane preview', () => {
  let preview: Preview;
  let page: Page;
  const problems: string[] = [];
  const shot = (name: string) => preview.shot(`file-active-${name}`);

  beforeAll(async () => {
    preview = await openPreview(problems);
    page = preview.page;
  }, 180_000);

  afterAll(() => preview?.close());

  it('asks for a passphrase on first use, then lists the sample caseload', async () => {
    await page.goto(`${preview.origin}/taskpane.html?vue=file-active`);
    await expect.poll(() => page.getByText('Protéger la file active').count()).toBe(1);
    expect(await page.getByText('Perdue, elle ne peut pas être retrouvée').count()).toBe(1);
    const create = page.getByRole('button', { name: 'Créer la file active' });
    await page.getByLabel(passphraseLabel).fill('azerty123');
    expect(await page.getByText(/^Faible|^Très faible/).count()).toBe(1);
    expect(await create.isDisabled()).toBe(true);
    await page.getByLabel(passphraseLabel).fill(passphrase);
    await page.getByLabel(/^Confirmation de la phrase de passe/).fill(passphrase);
    await shot('1-premiere-utilisation');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await create.click();
    await expect
      .poll(() => page.getByRole('heading', { name: /File active — 8\s+enfants/ }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await page.getByText('Données d’exemple').count()).toBe(1);
    await shot('2-liste');
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('searches accent- and case-insensitively and filters by status', async () => {
    const items = page.getByRole('list', { name: 'Enfants suivis' }).getByRole('listitem');
    await page.getByRole('searchbox').fill('traore');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('TRAORÉ');
    await page.getByRole('searchbox').fill('');
    await page.getByLabel('Statut').selectOption('en_cours');
    await expect.poll(() => items.count()).toBe(3);
    await page.getByLabel('Statut').selectOption('');
    await page.getByRole('searchbox').fill('ndiaye');
    await expect.poll(() => items.count()).toBe(1);
  });

  it('opens a record, refuses an invalid value under its field, saves a valid edit', async () => {
    await page.getByRole('button', { name: /N'DIAYE/ }).click();
    await expect.poll(() => page.getByRole('region', { name: /Fiche de/ }).count()).toBe(1);
    const ine = page.getByLabel('INE', { exact: true });
    await ine.fill('123');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByText(/INE invalide\s:\s11 caractères attendus/).count())
      .toBe(1);
    await shot('3-fiche-erreur');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await ine.fill('');
    await page.getByLabel('Observations').fill('Rendez-vous CMP pris.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Fiche enregistrée.').count()).toBe(1);
    await page.getByRole('button', { name: '← Retour à la liste' }).click();
    await page.getByRole('button', { name: /N'DIAYE/ }).click();
    expect(await page.getByLabel('Observations').inputValue()).toBe('Rendez-vous CMP pris.');
  });

  it('exports the child’s data as JSON named by code, and shows it in the history', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter ses données (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^passerelle-PRE-\d{4}-\d{3}\.json$/);
    await page.getByRole('button', { name: '← Retour à la liste' }).click();
    await page.getByRole('button', { name: /N'DIAYE/ }).click();
    await expect.poll(() => page.getByText(/Export \(droit d’accès\)/).count()).toBe(1);
    await page.getByRole('button', { name: '← Retour à la liste' }).click();
  });

  it('locks, refuses a wrong passphrase with the store’s message, unlocks with the right one', async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await expect.poll(() => page.getByText('File active verrouillée').count()).toBe(1);
    await page.getByLabel(passphraseLabel).fill('pas la bonne phrase');
    await page.getByRole('button', { name: 'Ouvrir la file active' }).click();
    await expect
      .poll(() => page.getByText(/Phrase de passe incorrecte/).count(), { timeout: 20_000 })
      .toBe(1);
    await shot('4-deverrouillage-refuse');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await page.getByLabel(passphraseLabel).fill(passphrase);
    await page.getByRole('button', { name: 'Ouvrir la file active' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /File active — 8\s+enfants/ }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
  });

  it('erases a child only after a confirmation that names the consequences', async () => {
    await page.getByRole('searchbox').fill('bensalah'); // «BEN SALAH» typed without its space
    await page.getByRole('button', { name: /BEN SALAH/ }).click();
    await page.getByRole('button', { name: 'Effacer l’enfant…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('ne sera jamais réattribué');
    await shot('5-effacement');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
    await page.getByRole('searchbox').fill('');
    await expect
      .poll(() => page.getByRole('heading', { name: /File active — 7\s+enfants/ }).count())
      .toBe(1);
    expect(await page.getByRole('button', { name: /BEN SALAH/ }).count()).toBe(0);
  });

  it('finds the store again after a reload, and offers a restore once IndexedDB is wiped', async () => {
    await page.reload();
    await expect.poll(() => page.getByText('File active verrouillée').count()).toBe(1);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('passerelle');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await page.reload();
    await expect.poll(() => page.getByText('File active introuvable').count()).toBe(1);
    await shot('6-effacee-par-l-hote');
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('logged no error in the console', () => {
    expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
  });
});
