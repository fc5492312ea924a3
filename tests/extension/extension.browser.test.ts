/**
 * The BUILT extension in real Chromium against local replicas of Outlook on
 * the web and Gmail (tests/extension/replicas): badge and highlights as the
 * user types, send guard on the button and on Ctrl+Entrée, «Pseudonymiser»
 * rewriting in place with formatting and caret kept, «Envoyer quand même»
 * logged without names, nothing readable by the page. Screenshots go to
 * tests/artifacts/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type RunningServer } from '../../addin/build/serve';
import { nirKey } from '../../shared/anonymisation';
import { buildExtension, chromiumPath, launchWithExtension, overlayView } from './built-extension';

/** The worker's `chrome.storage.local`, typed for the evaluated functions. */
interface ExtensionGlobal {
  chrome: {
    storage: {
      local: {
        set(items: object): Promise<void>;
        get(key: string): Promise<Record<string, unknown>>;
      };
      session: { get(key: string): Promise<Record<string, unknown>> };
    };
  };
}

const artifacts = join(process.cwd(), 'tests', 'artifacts');
const NIR = `1 78 02 99 352 083 ${String(nirKey('1780299352083')).padStart(2, '0')}`;
const MESSAGE = `Bonjour,\n\nJe vous écris au sujet de Lucas Bernard, suivi par notre équipe. Son NIR : ${NIR}.\n\nCordialement,\nAnne Roux`;

describe.skipIf(!existsSync(chromiumPath))('the extension in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let worker: Worker;

  beforeAll(async () => {
    const dir = buildExtension('ci-browser', { test: true });
    server = await serveDirectory(join(process.cwd(), 'tests', 'extension', 'replicas'), {
      port: 0,
      host: '127.0.0.1',
    });
    ({ context, worker } = await launchWithExtension(dir));
    mkdirSync(artifacts, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const open = async (replica: string, recipients: string[]) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/${replica}.html`);
    await page.waitForTimeout(300);
    // The compose window opens after the content script started (MutationObserver).
    await page.evaluate(
      (to) => (window as never as { ouvrirMessage(t: string[]): void }).ouvrirMessage(to),
      recipients,
    );
    return page;
  };
  const sent = (page: Page) =>
    page.evaluate(
      () => (window as never as { envois: Array<{ corps: string; html: string }> }).envois,
    );
  const setDomains = (domains: string[]) =>
    worker.evaluate(
      (d) =>
        (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({
          domainesInternes: d,
        }),
      domains,
    );

  it('Outlook: badge and highlights as the user types; the editor is left untouched', async () => {
    const page = await open('outlook', ['marie.durand@partenaire.fr']);
    const body = page.locator('[aria-label="Corps du message"]');
    await body.click();
    await page.keyboard.type(MESSAGE);
    await expect
      .poll(async () => (await overlayView(page)).marks, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    const view = await overlayView(page);
    // Lucas Bernard and the NIR block sending; the signature's professional does not.
    expect(view.blocking).toBe(2);
    expect(view.badge).toMatch(/^\d+ données personnelles · verrouillé$/);
    await page.screenshot({ path: join(artifacts, 'extension-outlook-surlignage.png') });
    // What a page script can see: no mark in the editor, a closed overlay, no extension channel.
    const seen = await page.evaluate(() => ({
      marksInEditor: document.querySelectorAll('[aria-label="Corps du message"] *:not(div):not(br)')
        .length,
      shadow: document.querySelector('passerelle-overlay')?.shadowRoot ?? null,
      overlayText: document.querySelector('passerelle-overlay')?.textContent ?? '',
      runtime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime?.sendMessage,
      reasons: document.documentElement.outerHTML.includes('NIR valide'),
    }));
    expect(seen).toEqual({
      marksInEditor: 0,
      shadow: null,
      overlayText: '',
      runtime: 'undefined',
      reasons: false,
    });
    await page.close();
  });

  it('Outlook: highlights follow their text when lines are added above, and go with it', async () => {
    const page = await open('outlook', ['marie.durand@partenaire.fr']);
    await page.locator('[aria-label="Corps du message"]').click();
    await page.keyboard.type(`Bonjour,\nSon NIR : ${NIR}\nÀ bientôt`);
    await expect.poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 }).toBe(1);
    const before = (await overlayView(page)).boxes[0]!;
    // Two new lines at the very top: only the new units travel, the mark moves down.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await overlayView(page)).boxes[0]?.top ?? 0)
      .toBeGreaterThan(before.top + 30);
    expect((await overlayView(page)).boxes[0]!.left).toBeCloseTo(before.left, 0);
    // Deleting the line: its mark goes with it.
    await page.evaluate(() => {
      const editor = document.querySelector('[aria-label="Corps du message"]')!;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (node.data.includes('NIR')) getSelection()!.collapse(node, node.data.length);
      }
    });
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await overlayView(page)).marks).toBe(0);
    expect((await overlayView(page)).badge).toMatch(/^Rien à signaler/);
    await page.close();
  });

  it('Outlook: a line above that wraps moves the marks below; typing after a mark leaves it', async () => {
    const page = await open('outlook', ['marie.durand@partenaire.fr']);
    await page.locator('[aria-label="Corps du message"]').click();
    await page.keyboard.type(`Bonjour,\nSon NIR : ${NIR}\nÀ bientôt`);
    await expect.poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 }).toBe(1);
    const before = (await overlayView(page)).boxes[0]!;
    // Typing at the end of the NIR's line: the mark stays over the NIR.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type(' à retirer');
    await page.waitForTimeout(300);
    expect((await overlayView(page)).boxes).toEqual([before]);
    // The first line grows onto more lines: the NIR's line moves down, its mark with it.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' la réunion de suivi'.repeat(30));
    await expect
      .poll(async () => (await overlayView(page)).boxes[0]?.top ?? 0)
      .toBeGreaterThan(before.top + 30);
    expect((await overlayView(page)).boxes[0]!.left).toBeCloseTo(before.left, 0);
    await page.close();
  });

  it('Outlook: Send is stopped for an external recipient; «Pseudonymiser» rewrites in place and keeps the caret', async () => {
    const page = await open('outlook', ['marie.durand@partenaire.fr']);
    await page.locator('[aria-label="Corps du message"]').click();
    await page.keyboard.type(MESSAGE);
    await expect
      .poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.locator('button[aria-label="Envoyer"]').click();
    await expect
      .poll(async () => (await overlayView(page)).dialog)
      .toContain('Pseudonymiser et envoyer');
    expect(await sent(page)).toHaveLength(0);
    await page.screenshot({ path: join(artifacts, 'extension-outlook-dialogue.png') });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await overlayView(page)).dialog).toBe('');
    expect(await sent(page)).toHaveLength(0);

    // Caret after «Cordialement,»: it must stay there through the rewrite.
    await page.evaluate(() => {
      const editor = document.querySelector('[aria-label="Corps du message"]')!;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf('Cordialement,');
        if (at >= 0) getSelection()!.collapse(node, at + 'Cordialement,'.length);
      }
      (window as never as { caret: string }).caret = '';
      editor.addEventListener('input', () => {
        const sel = getSelection()!;
        const range = document.createRange();
        range.setStart(editor, 0);
        range.setEnd(sel.anchorNode!, sel.anchorOffset);
        (window as never as { caret: string }).caret = range.toString();
      });
    });
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await overlayView(page)).dialog).toContain('Revenir au message');
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toHaveLength(1);
    const [mail] = await sent(page);
    expect(mail!.corps).toContain('[NIR]');
    expect(mail!.corps).not.toContain('352 083');
    expect(mail!.corps).not.toContain('Lucas Bernard');
    const caret = await page.evaluate(() => (window as never as { caret: string }).caret);
    expect(caret.endsWith('Cordialement,')).toBe(true);
    await page.close();
  });

  it('Outlook: nothing is stopped when every recipient is inside the team', async () => {
    await setDomains(['partenaire.fr']);
    try {
      const page = await open('outlook', ['marie.durand@partenaire.fr']);
      await page.locator('[aria-label="Corps du message"]').click();
      await page.keyboard.type(MESSAGE);
      await expect
        .poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => sent(page)).toHaveLength(1);
      expect((await sent(page))[0]!.corps).toContain('352 083');
      await page.close();
    } finally {
      await setDomains([]);
    }
  });

  it('Gmail: formatting kept; «Envoyer quand même» asks a reason and logs it without names', async () => {
    const page = await open('gmail', ['contact@association-externe.org']);
    await page.evaluate((nir) => {
      const body = document.querySelector('[g_editable]')!;
      body.innerHTML = `<div>Bonjour,</div><div><br></div><div>Le dossier de <b>Lucas Bernard</b> (NIR ${nir}) est complet.</div>`;
      body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, NIR);
    await expect
      .poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(artifacts, 'extension-gmail-surlignage.png') });
    await page.locator('[g_editable]').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await overlayView(page)).dialog).toContain('Envoyer quand même');
    expect(await sent(page)).toHaveLength(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Demande urgente du juge pour Lucas Bernard');
    await page.keyboard.press('Tab');
    await page.screenshot({ path: join(artifacts, 'extension-gmail-motif.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toHaveLength(1);
    expect((await sent(page))[0]!.html).toContain('<b>Lucas Bernard</b>');
    // The store is locked: the entry waits on disk with counts only; the reason in memory.
    const [disk, memory] = (await worker.evaluate(() =>
      Promise.all([
        (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get('journalEnAttente'),
        (globalThis as unknown as ExtensionGlobal).chrome.storage.session.get('motifsEnAttente'),
      ]),
    )) as [
      { journalEnAttente: Array<{ action: string; counts: Record<string, number> }> },
      { motifsEnAttente: Record<string, string> },
    ];
    const entry = disk.journalEnAttente.at(-1)!;
    expect(entry.action).toBe('envoyer');
    expect(entry.counts.NIR).toBe(1);
    expect(JSON.stringify(disk)).not.toMatch(/Lucas|Bernard|juge/);
    expect(Object.values(memory.motifsEnAttente)).toContain(
      'Demande urgente du juge pour Lucas Bernard',
    );
    await page.close();
  });

  it('Gmail: «Pseudonymiser» keeps the bold around the replaced name', async () => {
    const page = await open('gmail', ['contact@association-externe.org']);
    await page.evaluate(() => {
      const body = document.querySelector('[g_editable]')!;
      body.innerHTML = '<div>Le dossier de <b>Lucas Bernard</b> est suivi.</div>';
      body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await expect
      .poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.locator('div[role="button"][data-tooltip^="Envoyer"]').click();
    await expect.poll(async () => (await overlayView(page)).dialog).toContain('Pseudonymiser');
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toHaveLength(1);
    expect((await sent(page))[0]!.html).toMatch(/<b>\[Enfant [A-Z]\]<\/b>/);
    await page.close();
  });

  it('a textarea (a site the user enabled): highlights over the right characters, value, caret and undo untouched; «Pseudonymiser» keeps the caret', async () => {
    const page = await open('portail', ['accueil@partenaire-externe.org']);
    const area = page.locator('#message');
    await area.click();
    const text = `Bonjour,\nSon NIR : ${NIR}`;
    await page.keyboard.type(text);
    await expect.poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 }).toBe(1);
    // Where the NIR really is: line 2, column 10, in a monospace font of known advance.
    const expected = await page.evaluate(() => {
      const el = document.querySelector('textarea')!;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = style.font;
      const advance = ctx.measureText('0123456789').width / 10;
      return {
        left: box.left + el.clientLeft + parseFloat(style.paddingLeft) + 10 * advance,
        top: box.top + el.clientTop + parseFloat(style.paddingTop) + parseFloat(style.lineHeight),
        advance,
      };
    });
    const [mark] = (await overlayView(page)).boxes;
    expect(Math.abs(mark!.left - expected.left)).toBeLessThan(2);
    expect(Math.abs(mark!.top - expected.top)).toBeLessThan(4);
    expect(Math.abs(mark!.width - NIR.length * expected.advance)).toBeLessThan(3);
    await page.screenshot({ path: join(artifacts, 'extension-portail-textarea.png') });
    const untouched = await page.evaluate(() => {
      const el = document.querySelector('textarea')!;
      return { value: el.value, caret: el.selectionStart, end: el.selectionEnd };
    });
    expect(untouched).toEqual({ value: text, caret: text.length, end: text.length });
    // The undo history is the page's own: Ctrl+Z takes back the last typing.
    await page.keyboard.press('Control+z');
    const undone = await area.inputValue();
    expect(undone.length).toBeLessThan(text.length);
    expect(text.startsWith(undone)).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => area.inputValue()).toBe(text);

    // Sending: stopped, «Pseudonymiser» rewrites the value and the caret stays after «Bonjour,».
    await area.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(8, 8));
    await page.locator('button[type="submit"]').click();
    await expect.poll(async () => (await overlayView(page)).dialog).toContain('Pseudonymiser');
    expect(await sent(page)).toHaveLength(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toHaveLength(1);
    expect((await sent(page))[0]!.corps).toBe('Bonjour,\nSon NIR : [NIR]');
    expect(await area.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(8);
    await page.close();
  });

  it('keeps checking after the service worker is stopped; says so when the editor is not recognised', async () => {
    const page = await open('outlook', ['marie.durand@partenaire.fr']);
    await page.locator('[aria-label="Corps du message"]').click();
    await page.keyboard.type('Bonjour,');
    await expect.poll(async () => (await overlayView(page)).badge).toMatch(/Rien à signaler/);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.keyboard.type(` le NIR est ${NIR}.`);
    await expect.poll(async () => (await overlayView(page)).blocking, { timeout: 10_000 }).toBe(1);

    // The webmail changed its editor: the check must not go quiet.
    await page.evaluate(() => {
      const body = document.querySelector('[aria-label="Corps du message"]')!;
      const other = document.createElement('div');
      other.setAttribute('contenteditable', 'true');
      other.setAttribute('aria-label', 'Zone de rédaction nouvelle');
      body.replaceWith(other);
    });
    await expect
      .poll(async () => (await overlayView(page)).notice, { timeout: 10_000 })
      .toContain('ne reconnaît pas la zone de rédaction');
    await page.screenshot({ path: join(artifacts, 'extension-editeur-non-reconnu.png') });
    await page.close();
  });
});
