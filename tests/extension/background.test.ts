/**
 * The background's message handling, through WXT's `fakeBrowser` (the
 * project's single vitest config is kept: `listen` takes the browser object,
 * so the fake is passed in directly instead of through the WxtVitest plugin).
 * Answers carry offsets, types and French reasons, never a caseload name.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { nirKey } from '../../shared/anonymisation';
import { listen } from '../../extension/background/listen';
import { createBackgroundService, type LocalLogEntry } from '../../extension/background/service';
import type { PseudonymiseAnswer, ScanAnswer, StateAnswer } from '../../extension/messages';
import { memoryDb, newStore, PASSPHRASE, sampleRecords } from '../store/helpers';

const NIR = `1 78 02 99 352 083 ${String(nirKey('1780299352083')).padStart(2, '0')}`;
const TEXT = `Bonjour,\n\nJe vous écris au sujet d’Inès Bouazza. Son NIR : ${NIR}.\n\nCordialement,\nAnne Roux`;
const tab = { tab: { id: 7 } as never, frameId: 0, id: fakeBrowser.runtime.id };
const extensionPage = { id: fakeBrowser.runtime.id, url: 'chrome-extension://x/panneau.html' };

async function setUp() {
  const options = memoryDb({ name: 'passerelle' });
  const store = await newStore(options);
  await store.putRecords(sampleRecords());
  store.close();
  const log: LocalLogEntry[] = [];
  const start = () => {
    fakeBrowser.reset();
    listen(
      fakeBrowser,
      createBackgroundService({
        indexedDB: options.indexedDB,
        IDBKeyRange: options.IDBKeyRange,
        appendLocalLog: async (entry) => void log.push(entry),
      }),
    );
  };
  start();
  const send = async <T>(message: unknown, sender: object = tab) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender as never))[0] as T;
  return { options, log, send, start };
}

describe('extension background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('scans without the caseload while locked and says so', async () => {
    const { send } = await setUp();
    const answer = await send<ScanAnswer>({ kind: 'scan', editor: 'e1', text: TEXT });
    expect(answer.store).toBe('verrouillé');
    const nir = answer.findings.find((f) => f.type === 'NIR')!;
    expect(TEXT.slice(nir.start, nir.end)).toBe(NIR);
    expect(nir.blocking).toBe(true);
    expect(Object.keys(nir).sort()).toEqual(['blocking', 'end', 'label', 'start', 'type']);
  });

  it('uses the caseload once unlocked from an extension page, and never answers a name', async () => {
    const { send } = await setUp();
    expect(await send<{ error: string }>({ kind: 'unlock', passphrase: PASSPHRASE }, tab)).toEqual({
      error: expect.stringContaining('Seules les pages de l’extension'),
    });
    const state = await send<StateAnswer>(
      { kind: 'unlock', passphrase: PASSPHRASE },
      extensionPage,
    );
    expect(state.store).toBe('déverrouillé');
    const text = 'Point sur BOUAZZA : la famille est venue.';
    const answer = await send<ScanAnswer>({ kind: 'scan', editor: 'e1', text });
    const child = answer.findings.find((f) => f.type === 'PERSONNE')!;
    expect(text.slice(child.start, child.end)).toBe('BOUAZZA');
    expect(child.label).toMatch(/famille suivie|enfant suivi/);
    const rewritten = await send<PseudonymiseAnswer>({ kind: 'pseudonymise', text });
    expect(rewritten.codes).toEqual(['PRE-2025-001']);
    expect(rewritten.leftovers).toBe(0);
    const wire = JSON.stringify([answer, rewritten]);
    for (const name of ['Inès', 'Nadia', 'Bouazza', 'Sonia']) expect(wire).not.toContain(name);
  });

  it('keeps answering after the service worker restarts (the store is locked again)', async () => {
    const { send, start } = await setUp();
    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    await send({ kind: 'scan', editor: 'e1', text: TEXT });
    start();
    const answer = await send<ScanAnswer>({ kind: 'scan', editor: 'e1', text: TEXT });
    expect(answer.store).toBe('verrouillé');
    expect(answer.findings.some((f) => f.type === 'NIR')).toBe(true);
  });

  it('logs «envoyer quand même» in the journal with codes when unlocked, locally without names otherwise', async () => {
    const { send, log, options } = await setUp();
    const reason = 'Urgence signalée par Inès Bouazza';
    expect(await send({ kind: 'log-share', text: TEXT, reason })).toEqual({ logged: 'local' });
    expect(log).toHaveLength(1);
    expect(log[0]!.count).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(log)).not.toMatch(/Inès|Bouazza/);

    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    expect(await send({ kind: 'log-share', text: TEXT, reason })).toEqual({ logged: 'journal' });
    const { unlockStore } = await import('../../shared/store');
    const store = await unlockStore({ ...options, passphrase: PASSPHRASE });
    const entry = (await store.auditLog()).find((e) => e.kind === 'share')!;
    expect(entry.codes).toEqual(['PRE-2025-001']);
    expect(JSON.stringify(entry)).not.toMatch(/Inès|Bouazza/);
    store.close();
  });

  it('takes only the changed span after the first text, and asks again for the whole text after a restart', async () => {
    const { send, start } = await setUp();
    const base = 'Bonjour,\n\nSon NIR : ';
    await send({ kind: 'scan', editor: 'e1', text: base });
    const at = base.length;
    const change = { from: at, to: at, insert: NIR, length: at + NIR.length };
    const answer = await send<ScanAnswer>({ kind: 'scan', editor: 'e1', change });
    expect(answer.findings.map((f) => [f.type, f.start])).toEqual([['NIR', at]]);
    const wrong = { from: 0, to: 0, insert: 'x', length: 99 };
    expect(await send({ kind: 'scan', editor: 'e1', change: wrong })).toMatchObject({
      resend: true,
    });
    start();
    expect(await send({ kind: 'scan', editor: 'e1', change })).toEqual({
      findings: [],
      store: 'verrouillé',
      resend: true,
    });
  });

  it('refuses hostile requests with a French error', async () => {
    const { send } = await setUp();
    expect(await send({ kind: 'scan', editor: 'e1', text: 'x'.repeat(3_000_000) })).toEqual({
      error: expect.stringContaining('Message trop long'),
    });
    expect(await send({ kind: 'scan', editor: 'e1', text: 42 })).toEqual({
      error: expect.stringContaining('Aucun texte'),
    });
    expect(await send({ kind: 'effacer-tout' })).toEqual({
      error: expect.stringContaining('Demande inconnue'),
    });
  });
});
