/**
 * The Word views in the preview, in real Chromium, against the in-memory
 * document: «Compte rendu EPS» builds a session from the sample caseload,
 * fills the shipped template in the internal version (new document) and the
 * shared one (at the cursor; no child's name in it), a child's name typed in
 * a summary blocks the shared version and is listed; «Vérifier avant
 * partage» checks the sample document (findings highlighted, one shown),
 * clears the highlights and creates the pseudonymised copy. Screenshots, and
 * axe-core finds no serious violation on each screen.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCaseload } from '../../shared/samples';
import { visibleText } from '../minutes/helpers';
import {
  hasChromium,
  openPreview,
  passphrase,
  passphraseLabel,
  refusedTelemetryFrame,
  seriousViolations,
  type Preview,
} from './preview-harness';

interface PreviewDocument {
  inserted: Uint8Array[];
  created: Uint8Array[];
  highlights: unknown[];
  selection: { location: { index: number }; start: number; end: number } | null;
}

describe.skipIf(!hasChromium)(
  '«Compte rendu EPS» and «Vérifier avant partage» in the preview',
  () => {
    let preview: Preview;
    let page: Page;
    const problems: string[] = [];
    const shot = (name: string) => preview.shot(`word-${name}`);
    const noSeriousViolation = () =>
      expect
        .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
        .toBe('');

    beforeAll(async () => {
      preview = await openPreview(problems);
      page = preview.page;
    }, 180_000);

    afterAll(() => preview?.close());

    /** A .docx the preview's document received (`inserted` or `created`), as bytes in Node. */
    const documentFile = async (list: 'inserted' | 'created', index: number) =>
      new Uint8Array(
        await page.evaluate(
          ([which, at]) => {
            const host = (globalThis as unknown as { passerellePreviewDocument: PreviewDocument })
              .passerellePreviewDocument;
            return [...host[which as 'inserted' | 'created'].at(at as number)!];
          },
          [list, index] as const,
        ),
      );
    /** What the preview's document holds now: counts, the selected paragraph, the body's text. */
    const documentState = () =>
      page.evaluate(() => {
        const host = (
          globalThis as unknown as {
            passerellePreviewDocument: PreviewDocument & { body: { text: string }[] };
          }
        ).passerellePreviewDocument;
        return {
          inserted: host.inserted.length,
          created: host.created.length,
          highlights: host.highlights.length,
          selected: host.selection?.location.index ?? null,
          body: host.body.map((p) => p.text).join('\n'),
        };
      });
    const childNames = (
      sampleCaseload.records as {
        child: { lastName: string; firstName: string };
        guardians?: { lastName?: string; firstName?: string }[];
      }[]
    ).flatMap((r) => [
      r.child.lastName,
      r.child.firstName,
      ...(r.guardians ?? []).flatMap((g) => [g.firstName ?? '', g.lastName ?? '']),
    ]);
    const hasName = (text: string) =>
      childNames.filter((name) =>
        new RegExp(
          `(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
          'u',
        ).test(text),
      );

    it('builds a session from the caseload and fills the template in both versions', async () => {
      await page.goto(`${preview.origin}/taskpane.html?vue=eps`);
      await expect.poll(() => page.getByText('Protéger la file active').count()).toBe(1);
      await page.getByLabel(passphraseLabel).fill(passphrase);
      await page.getByLabel(/^Confirmation de la phrase de passe/).fill(passphrase);
      await page.getByRole('button', { name: 'Créer la file active' }).click();
      await expect
        .poll(() => page.getByLabel(/^Date de la séance/).count(), { timeout: 20_000 })
        .toBe(1);
      expect(await page.getByLabel(/^Date de la séance/).inputValue()).toMatch(
        /^\d{4}-\d{2}-\d{2}$/,
      );
      await page.getByLabel(/^Date de la séance/).fill('2026-01-13');
      await page.getByLabel('Lieu').fill('Centre social La Monaque');
      await page.getByLabel('Territoire').fill('Salon-de-Provence');
      await page.getByLabel('Animateur ou animatrice').fill('Karim Haddad');
      await page
        .getByRole('textbox', { name: 'Présents' })
        .fill('Sonia Martel, référente, PRE\nClaire Vidal, CPE, Collège Jean Bernard');
      await page.getByRole('textbox', { name: 'Excusés' }).fill('Dr Paul Lenoir, médecin scolaire');

      await page.getByRole('button', { name: 'Proposer l’ordre du jour' }).click();
      const moussa = page.getByRole('group', { name: 'PRE-2025-002' });
      await expect.poll(() => moussa.count()).toBe(1);
      await moussa.getByLabel('Synthèse').fill('Absentéisme en baisse depuis la rentrée.');
      await moussa.getByLabel('Décision').selectOption({ label: 'Entrée validée' });
      await moussa.getByRole('button', { name: 'Ajouter une action' }).click();
      await moussa.getByRole('textbox', { name: 'Action 1' }).fill('Aide aux devoirs');
      await moussa.getByLabel('Domaine de l’action').selectOption({ label: 'Scolaire' });
      await moussa.getByLabel('Prochaine revue').fill('2026-04-07');
      await shot('1-seance');
      await noSeriousViolation();

      // Internal version, opened as a new document: codes and initials, the summary typed.
      await page.getByRole('button', { name: 'Nouveau document' }).click();
      await expect
        .poll(() => page.getByText(/Version interne du compte rendu ouverte/).count(), {
          timeout: 20_000,
        })
        .toBe(1);
      const internal = visibleText(await documentFile('created', -1));
      expect(internal).toContain('PRE-2025-002');
      expect(internal).toContain('Absentéisme en baisse depuis la rentrée.');
      expect(internal).toContain('Entrée validée');
      expect(internal).toContain('Aide aux devoirs');
      expect(internal).toContain('Centre social La Monaque');

      // Shared version with a child's name typed in a summary: blocked, and what was found is listed.
      await moussa.getByLabel('Synthèse').fill('Moussa TRAORÉ vient davantage en classe.');
      await page.getByRole('radio', { name: /^Version partagée/ }).check();
      await page.getByRole('button', { name: 'Insérer au curseur' }).click();
      await expect
        .poll(() => page.getByText('Version partagée bloquée').count(), { timeout: 20_000 })
        .toBe(1);
      const found = await page
        .getByRole('list', { name: 'Éléments identifiants trouvés' })
        .textContent();
      expect(found).toContain('PRE-2025-002');
      expect(hasName(found ?? '')).toEqual([]);
      expect((await documentState()).inserted).toBe(0);
      await shot('2-version-partagee-bloquee');
      await noSeriousViolation();

      await moussa.getByLabel('Synthèse').fill('Vient davantage en classe.');
      await page.getByRole('button', { name: 'Insérer au curseur' }).click();
      await expect
        .poll(() => page.getByText(/Version partagée .* insérée au curseur/).count(), {
          timeout: 20_000,
        })
        .toBe(1);
      const shared = visibleText(await documentFile('inserted', -1));
      expect(shared).toContain('PRE-2025-002');
      expect(shared).toContain('Vient davantage en classe.');
      expect(hasName(shared)).toEqual([]);
      await shot('3-version-partagee');

      // The user's own template is checked first: its problems are listed with the tags.
      await page.getByRole('radio', { name: 'Mon modèle Word (.docx)' }).check();
      await page
        .getByLabel('Fichier du modèle')
        .setInputFiles(join(process.cwd(), 'tests/fixtures/minutes/modele-eps-casse.docx'));
      const templateProblems = page.getByRole('list', { name: 'Problèmes' });
      await expect.poll(() => templateProblems.count(), { timeout: 20_000 }).toBe(1);
      const listedProblems = (await templateProblems.textContent()) ?? '';
      expect(listedProblems).toContain('{#presents}');
      expect(listedProblems).toContain('date_naissance');
      await shot('4-modele-refuse');
      await noSeriousViolation();
      const inserted = (await documentState()).inserted;
      await page.getByRole('button', { name: 'Insérer au curseur' }).click();
      await expect
        .poll(() => page.getByText(/Choisissez un modèle \.docx sans problème/).count())
        .toBe(1);
      expect((await documentState()).inserted).toBe(inserted);
      await page.getByRole('radio', { name: /^Compte rendu d’EPS/ }).check();

      // The session was saved: it can be opened again from the list.
      await expect
        .poll(() => page.getByRole('option', { name: /^Séance du 13\/01\/2026/ }).count())
        .toBe(1);
    });

    it('checks the sample document, shows a finding, clears highlights, creates the shared version', async () => {
      await page.getByRole('tab', { name: 'Vérifier avant partage' }).click();
      await page.getByRole('button', { name: 'Vérifier le document' }).click();
      const findings = page.getByRole('list', { name: 'Données personnelles trouvées' });
      await expect.poll(() => findings.count(), { timeout: 20_000 }).toBe(1);
      const listed = (await findings.textContent()) ?? '';
      expect(listed).toContain('PRE-2025-002');
      expect(listed).toContain('PRE-2025-007');
      expect(listed).toContain('Pied de page');
      expect(hasName(listed)).toEqual([]);
      expect((await documentState()).highlights).toBeGreaterThan(5);
      await shot('5-verifier-document');
      await noSeriousViolation();

      await page
        .getByRole('button', { name: /^Afficher dans le document § 3 / })
        .first()
        .click();
      await expect.poll(async () => (await documentState()).selected).toBe(2);

      await page.getByRole('button', { name: 'Retirer le surlignage' }).click();
      await expect.poll(async () => (await documentState()).highlights).toBe(0);

      const before = (await documentState()).created;
      await page.getByRole('button', { name: 'Créer la version partagée' }).click();
      await expect
        .poll(() => page.getByText('Version partagée créée').count(), { timeout: 20_000 })
        .toBe(1);
      expect((await documentState()).created).toBe(before + 1);
      const copy = visibleText(await documentFile('created', -1));
      expect(copy).toContain('PRE-2025-002');
      expect(copy).toContain('Sonia Martel');
      for (const value of ['07 45 12 36 98', '06 22 33 44 55', 'ZORLAC'])
        expect(copy).not.toContain(value);
      expect(hasName(copy)).toEqual([]);
      const risks =
        (await page.getByRole('list', { name: 'Risques restants' }).textContent()) ?? '';
      expect(risks).toContain('pseudonymisée, pas anonyme');
      expect(await page.getByText('aucun nom ni coordonnée d’enfant ou de famille').count()).toBe(
        1,
      );
      // The original document is untouched.
      expect((await documentState()).body).toContain('Moussa TRAORÉ');
      await shot('6-version-partagee-document');
      await noSeriousViolation();

      // Leaving the view removes its highlights from the document.
      await page.getByRole('button', { name: 'Vérifier le document' }).click();
      await expect.poll(async () => (await documentState()).highlights).toBeGreaterThan(5);
      await page.getByRole('tab', { name: 'Compte rendu EPS' }).click();
      await expect.poll(async () => (await documentState()).highlights).toBe(0);
      expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
    });
  },
);
