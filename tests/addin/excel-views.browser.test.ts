/**
 * The Excel views in the preview, in real Chromium: first use with a
 * passphrase, «Écrire le suivi» internal then shared (the shared sheet holds
 * no child's name), «Vérifier la feuille» on the contact sheet (a finding
 * clicked selects its cell), «Pseudonymiser la copie» (codes, no name),
 * «Bilan» (a sheet with its tables and four native charts); screenshots, and axe-core finds no serious violation on each screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCaseload } from '../../shared/samples';
import {
  hasChromium,
  openPreview,
  passphrase,
  passphraseLabel,
  refusedTelemetryFrame,
  seriousViolations,
  type Preview,
} from './preview-harness';

describe.skipIf(!hasChromium)(
  '«Écrire le suivi» and «Vérifier la feuille» in the task pane preview',
  () => {
    let preview: Preview;
    let page: Page;
    const problems: string[] = [];
    const shot = (name: string) => preview.shot(`excel-${name}`);

    beforeAll(async () => {
      preview = await openPreview(problems);
      page = preview.page;
    }, 180_000);

    afterAll(() => preview?.close());

    /** Values of a sheet of the preview's in-memory workbook. */
    const sheetValues = (name: string) =>
      page.evaluate((sheet) => {
        const host = (
          globalThis as unknown as {
            passerellePreviewWorkbook: { sheet(n: string): { values: unknown[][] } };
          }
        ).passerellePreviewWorkbook;
        return host.sheet(sheet).values;
      }, name);
    const childNames = (
      sampleCaseload.records as { child: { lastName: string; firstName: string } }[]
    ).flatMap((r) => [r.child.lastName, r.child.firstName]);

    it('writes the caseload into a new sheet, then the shared version without names', async () => {
      await page.goto(`${preview.origin}/taskpane.html?vue=ecrire-suivi`);
      await expect.poll(() => page.getByText('Protéger la file active').count()).toBe(1);
      await page.getByLabel(passphraseLabel).fill(passphrase);
      await page.getByLabel(/^Confirmation de la phrase de passe/).fill(passphrase);
      await page.getByRole('button', { name: 'Créer la file active' }).click();
      await expect
        .poll(() => page.getByText('8 enfants à écrire.').count(), { timeout: 20_000 })
        .toBe(1);
      await shot('1-ecrire-suivi');
      // Polled: a button's colour transition after a write can be caught half-way.
      await expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');

      await page.getByRole('button', { name: 'Écrire le suivi' }).click();
      await expect.poll(() => page.getByText('Suivi écrit').count()).toBe(1);
      const internal = await sheetValues('Suivi');
      expect(internal[0]).toContain('Nom');
      expect(internal).toHaveLength(9);
      expect(JSON.stringify(internal)).toContain(childNames[0]!);

      await page.getByLabel('Statut').selectOption('en_cours');
      await expect.poll(() => page.getByText('3 enfants à écrire.').count()).toBe(1);
      await page.getByLabel('Statut').selectOption('');
      await page.getByRole('button', { name: 'Version partagée' }).click();
      await expect
        .poll(() => page.getByText('Version partagée écrite').count(), { timeout: 20_000 })
        .toBe(1);
      const shared = await sheetValues('Version partagée');
      expect(shared[0]).toContain('Code parcours');
      expect(shared).toHaveLength(9);
      const text = JSON.stringify(shared);
      for (const name of childNames) expect(text).not.toContain(name);
      await shot('2-version-partagee');
      // Polled: a button's colour transition after a write can be caught half-way.
      await expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');
    });

    it('checks a sheet, selects the cell of a finding, writes a pseudonymised copy', async () => {
      await page.getByRole('tab', { name: 'Vérifier la feuille' }).click();
      await expect.poll(() => page.getByLabel('Feuille à vérifier').count()).toBe(1);
      await page.getByLabel('Feuille à vérifier').selectOption('Contacts familles');
      await page.getByRole('button', { name: 'Vérifier la feuille' }).click();
      const findings = page.getByRole('list', { name: 'Données personnelles trouvées' });
      await expect.poll(() => findings.count(), { timeout: 20_000 }).toBe(1);
      expect(await findings.textContent()).toContain('PRE-2025-001');
      await shot('3-verifier-feuille');
      // Polled: a button's colour transition after a write can be caught half-way.
      await expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');

      await page.getByRole('button', { name: /^Sélectionner la cellule C3 / }).click();
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const host = (
              globalThis as unknown as {
                passerellePreviewWorkbook: {
                  readSelection(): Promise<{ sheetName: string; address: string }>;
                };
              }
            ).passerellePreviewWorkbook;
            const selection = await host.readSelection();
            return `${selection.sheetName}!${selection.address}`;
          }),
        )
        .toBe('Contacts familles!C3');

      await page.getByRole('button', { name: 'Pseudonymiser la copie' }).click();
      await expect
        .poll(() => page.getByText('Copie pseudonymisée écrite').count(), { timeout: 20_000 })
        .toBe(1);
      expect(await page.getByRole('list', { name: 'Risques restants' }).textContent()).toContain(
        'pas anonyme',
      );
      const copy = JSON.stringify(await sheetValues('Contacts familles pseudonymisé'));
      expect(copy).toContain('PRE-2025-001');
      for (const value of [...childNames, 'LEMAIRE', 'Théo', '06 48 27 93 15', 'famille.lemaire'])
        expect(copy).not.toContain(value);
      await shot('4-copie-pseudonymisee');
      // Polled: a button's colour transition after a write can be caught half-way.
      await expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');
      expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
    });

    it('writes the «Bilan» sheet with its tables and native charts', async () => {
      await page.getByRole('tab', { name: 'Bilan' }).click();
      await expect.poll(() => page.getByLabel('Année scolaire').count()).toBe(1);
      await page.getByLabel('Année scolaire').selectOption('2025-2026');
      const figures = page.getByRole('definition');
      await expect.poll(() => figures.count()).toBeGreaterThan(3);
      await shot('5-bilan');
      await expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');

      await page.getByRole('button', { name: 'Écrire la feuille Bilan' }).click();
      await expect.poll(() => page.getByText('Bilan écrit').count(), { timeout: 20_000 }).toBe(1);
      const bilan = await page.evaluate(() => {
        const host = (
          globalThis as unknown as {
            passerellePreviewWorkbook: {
              sheet(n: string): { values: unknown[][]; charts: { title: string }[] };
            };
          }
        ).passerellePreviewWorkbook;
        return host.sheet('Bilan');
      });
      expect(String(bilan.values[0]![0])).toMatch(/^Bilan du PRE — année scolaire 2025-2026/);
      expect(bilan.charts.map((c) => c.title)).toEqual([
        'Enfants par tranche d’âge',
        'Parcours par source d’orientation',
        'Sorties par motif',
        'Actions par domaine',
      ]);

      await page.getByText('Diffusable hors de l’équipe').click();
      await page.getByRole('button', { name: 'Écrire la feuille Bilan' }).click();
      await expect
        .poll(() => page.getByText('Feuille « Bilan diffusable »', { exact: false }).count(), {
          timeout: 20_000,
        })
        .toBe(1);
      const external = await sheetValues('Bilan diffusable');
      const text = JSON.stringify(external);
      expect(text).toContain('< 5');
      for (const name of childNames) expect(text).not.toContain(name);
      expect(text).not.toContain('PRE-2025-001');
      await shot('6-bilan-ecrit');
      await expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');
      expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
    });
  },
);
