/**
 * The Outlook views in the preview, in real Chromium, on the in-memory
 * mailbox seeded with the sample referral emails: a referral extracted into
 * the store (each value with its sentence), a meeting invitation proposing
 * nothing; a message to an external partner naming a child blocked by the
 * on-send handler, pseudonymised (codes, formatting kept), then only
 * prompting for its remaining clues (school, CMP); a message to the team
 * sent; a
 * partner's reply read with names; screenshots, no serious axe violation.
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

describe.skipIf(!hasChromium)('Outlook views in the task pane preview', () => {
  let preview: Preview;
  let page: Page;
  const problems: string[] = [];
  const shot = (name: string) => preview.shot(`outlook-${name}`);
  const noSeriousViolation = () =>
    expect
      .poll(async () => (await seriousViolations(page)).join('\n'), { timeout: 10_000 })
      .toBe('');

  beforeAll(async () => {
    preview = await openPreview(problems);
    page = preview.page;
  }, 180_000);

  afterAll(() => preview?.close());

  /** The preview's message being written, as the handler would read it. */
  const composed = () =>
    page.evaluate(async () => {
      const outlook = (
        globalThis as unknown as {
          passerellePreviewOutlook: {
            compose: { bodyHtml(): Promise<string>; subject(): Promise<string> };
          };
        }
      ).passerellePreviewOutlook;
      return { html: await outlook.compose.bodyHtml(), subject: await outlook.compose.subject() };
    });

  it('extracts a referral into the store, and proposes nothing for an invitation', async () => {
    await page.goto(`${preview.origin}/taskpane.html?vue=courriel`);
    await expect
      .poll(() => page.getByText('Protéger la file active').count(), { timeout: 20_000 })
      .toBe(1);
    await page.getByLabel(passphraseLabel).fill(passphrase);
    await page.getByLabel(/^Confirmation de la phrase de passe/).fill(passphrase);
    await page.getByRole('button', { name: 'Créer la file active' }).click();

    const child = page.getByRole('region', { name: 'Enfant 1' });
    await expect.poll(() => child.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByLabel('Prénom').first().inputValue()).toBe('Lyna');
    // The sentence each value came from, the value marked in it.
    expect(await child.locator('mark', { hasText: '08/02/2017' }).count()).toBeGreaterThan(0);
    await shot('1-saisine');
    await noSeriousViolation();

    await page.getByLabel('Prénom').first().fill('Lyna-Rose');
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await expect
      .poll(() => page.getByText(/^Fiche PRE-\d{4}-\d{3} enregistrée$/).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await shot('2-fiche-creee');

    await page.getByLabel('Message (exemples de l’aperçu)').selectOption({ index: 3 });
    await expect.poll(() => page.getByText('Ce message n’est pas une saisine').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Créer la fiche' }).count()).toBe(0);
    await shot('3-invitation');
    await noSeriousViolation();

    await page.getByRole('tab', { name: 'File active' }).click();
    await expect
      .poll(() => page.getByText(/GHALEM/).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('blocks a child’s name going to a partner, pseudonymises, then lets it go', async () => {
    await page.getByRole('tab', { name: 'Vérifier avant envoi' }).click();
    await expect
      .poll(() => page.getByText(/^À l’envoi, Passerelle bloquera ce message/).count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const findings = page.getByRole('list', { name: 'Données personnelles trouvées' });
    expect(await findings.textContent()).toContain('PRE-2025-002');
    await page.getByRole('button', { name: 'Envoyer (aperçu)' }).click();
    await expect.poll(() => page.getByText('Envoi bloqué').count()).toBe(1);
    const alert = await page
      .getByText(/^Passerelle : ce message part vers/)
      .first()
      .textContent();
    expect(alert?.length).toBeLessThanOrEqual(500);
    expect(alert).not.toMatch(/Moussa|TRAOR|06 12/);
    await shot('4-envoi-bloque');
    await noSeriousViolation();

    await page.getByRole('button', { name: 'Pseudonymiser' }).click();
    await expect
      .poll(() => page.getByText('Message pseudonymisé').count(), { timeout: 20_000 })
      .toBe(1);
    const { html, subject } = await composed();
    expect(html).toContain('<b>PRE-2025-002</b>');
    expect(html).not.toMatch(/Moussa|TRAOR|06 12 34/);
    expect(subject).not.toContain('Moussa');
    // Codes only now: no block; the school and the CMP still hint at the child, so Outlook
    // asks once (PromptUser, «Envoyer quand même») instead of blocking.
    await page.getByRole('button', { name: 'Envoyer (aperçu)' }).click();
    await expect
      .poll(() => page.getByText('Outlook demanderait confirmation').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await page.getByText('Envoi bloqué').count()).toBe(0);
    await expect
      .poll(() => page.getByText(/^À l’envoi, Passerelle demandera confirmation/).count())
      .toBeGreaterThan(0);
    await shot('5-envoi-confirmation');
    await noSeriousViolation();

    // The same message to the team only goes without a word.
    await page.evaluate(() =>
      (
        globalThis as unknown as {
          passerellePreviewOutlook: {
            compose: { setRecipients(r: { to: unknown[]; cc: unknown[] }): void };
          };
        }
      ).passerellePreviewOutlook.compose.setRecipients({
        to: [{ name: 'Karim Haddad', address: 'k.haddad@nimes.fr' }],
        cc: [],
      }),
    );
    await page.getByRole('button', { name: 'Envoyer (aperçu)' }).click();
    await expect
      .poll(() => page.getByText('Message envoyé (aperçu)').count(), { timeout: 20_000 })
      .toBe(1);
  });

  it('reads a partner’s reply with the names, in the pane only', async () => {
    await page
      .getByLabel('Texte de la réponse (avec des codes)')
      .fill('Bonjour, nous recevrons PRE-2025-002 et sa mère le 12 mars.');
    await page.getByRole('button', { name: 'Lire avec les noms' }).click();
    const readable = page.getByRole('region', { name: 'Réponse avec les noms' });
    await expect.poll(() => readable.textContent()).toContain('Moussa TRAORÉ');
    expect((await composed()).html).not.toContain('Moussa');
    await shot('6-reponse-partenaire');
    await noSeriousViolation();
    expect(problems.filter((p) => !refusedTelemetryFrame.test(p))).toEqual([]);
  });
});
