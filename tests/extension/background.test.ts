/**
 * The background's message handling, through WXT's `fakeBrowser` (the
 * project's single vitest config is kept: `listen` takes the browser object,
 * so the fake is passed in directly instead of through the WxtVitest plugin).
 * Answers carry offsets, types and French reasons, never a caseload name;
 * editors travel as units, only the changed ones; journal entries made while
 * the store is locked wait name-free and reach the journal at unlock.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { nirKey } from '../../shared/anonymisation';
import { unlockStore } from '../../shared/store';
import { listen, type PortLike } from '../../extension/background/listen';
import {
  PENDING_KEY,
  REASONS_KEY,
  storagePendingLog,
} from '../../extension/background/pending-log';
import { createBackgroundService } from '../../extension/background/service';
import {
  CHECK_PORT,
  type PageFinding,
  type PseudonymiseAnswer,
  type ScanAnswer,
  type StateAnswer,
} from '../../extension/messages';
import { memoryDb, newStore, PASSPHRASE, sampleRecords } from '../store/helpers';

const NIR = `1 78 02 99 352 083 ${String(nirKey('1780299352083')).padStart(2, '0')}`;
const TEXT = `Bonjour,\n\nJe vous écris au sujet d’Inès Bouazza. Son NIR : ${NIR}.\n\nCordialement,\nAnne Roux`;
const tab = { tab: { id: 7 } as never, frameId: 0, id: fakeBrowser.runtime.id };
const extensionPage = { id: fakeBrowser.runtime.id, url: 'chrome-extension://x/panneau.html' };

/** A whole editor, one unit per line, as a content script sends it first. */
const whole = (text: string, editor = 'e1') => {
  const lines = text.split('\n');
  return {
    kind: 'scan',
    editor,
    full: true,
    order: lines.map((_, i) => `u${i}`),
    units: lines.map((line, i) => ({ id: `u${i}`, text: line })),
  };
};

async function setUp() {
  const options = memoryDb({ name: 'passerelle' });
  const store = await newStore(options);
  await store.putRecords(sampleRecords());
  store.close();
  let connect: (port: PortLike) => void = () => undefined;
  /** A service worker start: storage survives, memory does not. */
  const start = () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    listen(
      {
        runtime: {
          id: fakeBrowser.runtime.id,
          onMessage: fakeBrowser.runtime.onMessage,
          // Not implemented by fakeBrowser: the test holds the listener and opens ports itself.
          onConnect: { addListener: (listener) => void (connect = listener) },
        },
      },
      createBackgroundService({
        indexedDB: options.indexedDB,
        IDBKeyRange: options.IDBKeyRange,
        pending: storagePendingLog(fakeBrowser.storage),
      }),
    );
  };
  start();
  const send = async <T>(message: unknown, sender: object = tab) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender as never))[0] as T;
  const journal = async () => {
    const open = await unlockStore({ ...options, passphrase: PASSPHRASE });
    const entries = (await open.auditLog()).filter((e) => e.kind === 'share');
    open.close();
    return entries;
  };
  /** A content script's port: what it posts, and what comes back. */
  const openPort = (name = CHECK_PORT) => {
    let onMessage: (message: unknown) => void = () => undefined;
    const answers: unknown[] = [];
    connect({
      name,
      sender: tab,
      onMessage: { addListener: (listener) => void (onMessage = listener) },
      postMessage: (message) => void answers.push(message),
    });
    return { post: (message: unknown) => onMessage(message), answers };
  };
  return { send, start, journal, openPort, options };
}

const unitFindings = (answer: ScanAnswer, id: string): PageFinding[] =>
  answer.units.find((u) => u.id === id)?.findings ?? [];

describe('extension background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('scans without the caseload while locked and says so', async () => {
    const { send } = await setUp();
    const answer = await send<ScanAnswer>(whole(TEXT));
    expect(answer.store).toBe('verrouillé');
    const line = TEXT.split('\n')[2]!;
    const nir = unitFindings(answer, 'u2').find((f) => f.type === 'NIR')!;
    expect(line.slice(nir.start, nir.end)).toBe(NIR);
    expect(nir.blocking).toBe(true);
    expect(Object.keys(nir).sort()).toEqual(['blocking', 'end', 'label', 'start', 'type']);
    // Units without findings are not mentioned.
    expect(answer.units.map((u) => u.id)).not.toContain('u0');
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
    const answer = await send<ScanAnswer>(whole(text));
    const child = unitFindings(answer, 'u0').find((f) => f.type === 'PERSONNE')!;
    expect(text.slice(child.start, child.end)).toBe('BOUAZZA');
    expect(child.label).toMatch(/famille suivie|enfant suivi/);
    const rewritten = await send<PseudonymiseAnswer>({ kind: 'pseudonymise', text });
    expect(rewritten.codes).toEqual(['PRE-2025-001']);
    expect(rewritten.leftovers).toBe(0);
    const wire = JSON.stringify([answer, rewritten]);
    for (const name of ['Inès', 'Nadia', 'Bouazza', 'Sonia']) expect(wire).not.toContain(name);
  });

  it('answers only the units whose findings changed, and cuts a finding over two lines', async () => {
    const { send } = await setUp();
    await send(whole('Bonjour,\n\nSon NIR : \n\nÀ bientôt'));
    // A keystroke in one unit: only that unit travels, only that unit comes back.
    const typed = await send<ScanAnswer>({
      kind: 'scan',
      editor: 'e1',
      units: [{ id: 'u2', text: `Son NIR : ${NIR}` }],
    });
    expect(typed.units.map((u) => u.id)).toEqual(['u2']);
    expect(unitFindings(typed, 'u2').map((f) => [f.type, f.start])).toEqual([['NIR', 10]]);
    const same = await send<ScanAnswer>({
      kind: 'scan',
      editor: 'e1',
      units: [{ id: 'u4', text: 'À bientôt !' }],
    });
    expect(same.units).toEqual([]);
    // A new line inserted: the order travels with the new unit's text only.
    const moved = await send<ScanAnswer>({
      kind: 'scan',
      editor: 'e1',
      order: ['u0', 'u1', 'u9', 'u2', 'u3', 'u4'],
      units: [{ id: 'u9', text: 'Courriel : parent.eleve@exemple.fr' }],
    });
    expect(moved.units.map((u) => u.id)).toEqual(['u9']);
    // Removing the NIR's line clears its findings on the page.
    const removed = await send<ScanAnswer>({
      kind: 'scan',
      editor: 'e1',
      order: ['u0', 'u1', 'u9', 'u3', 'u4'],
      units: [],
    });
    expect(removed.units).toEqual([]);
    const cleared = await send<ScanAnswer>({
      kind: 'scan',
      editor: 'e1',
      units: [{ id: 'u9', text: 'Courriel : aucun' }],
    });
    expect(cleared.units).toEqual([{ id: 'u9', findings: [] }]);

    // An address written over two lines is one finding: counted once, highlighted on both.
    const split = await send<ScanAnswer>(
      whole('Adresse de la famille : 12 rue des Lilas\n69003 Lyon, merci.', 'e2'),
    );
    const first = unitFindings(split, 'u0').filter((f) => f.type === 'ADRESSE');
    const rest = unitFindings(split, 'u1').filter((f) => f.type === 'ADRESSE');
    expect(first).toHaveLength(1);
    expect(first[0]!.continued).toBeUndefined();
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatchObject({ start: 0, end: '69003 Lyon'.length, continued: true });
  });

  it('takes a splice of a textarea unit, and asks for everything again after a restart', async () => {
    const { send, start } = await setUp();
    const base = 'Bonjour,\n\nSon NIR : ';
    await send({
      kind: 'scan',
      editor: 't',
      full: true,
      order: ['v'],
      units: [{ id: 'v', text: base }],
    });
    const at = base.length;
    const change = { from: at, to: at, insert: NIR, length: at + NIR.length };
    const answer = await send<ScanAnswer>({
      kind: 'scan',
      editor: 't',
      units: [{ id: 'v', change }],
    });
    expect(unitFindings(answer, 'v').map((f) => [f.type, f.start])).toEqual([['NIR', at]]);
    const wrong = { from: 0, to: 0, insert: 'x', length: 99 };
    expect(
      await send({ kind: 'scan', editor: 't', units: [{ id: 'v', change: wrong }] }),
    ).toMatchObject({ resend: true });
    await send(whole('Bonjour'));
    start();
    expect(
      await send({ kind: 'scan', editor: 'e1', units: [{ id: 'u0', text: 'Bonjour !' }] }),
    ).toEqual({
      units: [],
      store: 'verrouillé',
      resend: true,
    });
    // An order naming a unit whose text never came does not fit either.
    expect(await send({ ...whole('Bonjour'), order: ['u0', 'u7'] })).toMatchObject({
      resend: true,
    });
  });

  it('keeps answering after the service worker restarts (the store is locked again)', async () => {
    const { send, start } = await setUp();
    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    await send(whole(TEXT));
    start();
    const answer = await send<ScanAnswer>(whole(TEXT));
    expect(answer.store).toBe('verrouillé');
    expect(unitFindings(answer, 'u2').some((f) => f.type === 'NIR')).toBe(true);
  });

  it('«Envoyer quand même» while locked waits name-free, and reaches the journal at unlock', async () => {
    const { send, journal, start } = await setUp();
    const reason = 'Urgence signalée par Inès Bouazza';
    expect(await send({ kind: 'log-share', text: TEXT, reason })).toEqual({ logged: 'en attente' });
    const disk = await fakeBrowser.storage.local.get(PENDING_KEY);
    const waiting = disk[PENDING_KEY] as Array<{ action: string; counts: Record<string, number> }>;
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.action).toBe('envoyer');
    expect(waiting[0]!.counts.NIR).toBe(1);
    // On disk: no name, no reason; the reason waits in session memory only.
    expect(JSON.stringify(disk)).not.toMatch(/Inès|Bouazza|Urgence/);
    const session = await fakeBrowser.storage.session.get(REASONS_KEY);
    expect(JSON.stringify(session)).toContain('Urgence');

    start(); // a service worker restart keeps both
    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    const [entry, ...others] = await journal();
    expect(others).toEqual([]);
    expect(entry!.detail).toMatch(/^Envoyé en clair depuis la messagerie le \d{4}-\d\d-\d\d/);
    expect(entry!.detail).toContain('1 NIR');
    expect(entry!.detail).toContain('Urgence signalée par');
    expect(JSON.stringify(entry)).not.toMatch(/Inès|Bouazza/);
    expect((await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY]).toEqual([]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(REASONS_KEY))).not.toContain(
      'Urgence',
    );
  });

  it('logs both choices in the journal with codes and counts by kind when unlocked', async () => {
    const { send, journal } = await setUp();
    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    const reason = 'Demande du juge pour Inès Bouazza';
    expect(await send({ kind: 'log-share', text: TEXT, reason })).toEqual({ logged: 'journal' });
    const rewritten = await send<PseudonymiseAnswer>({
      kind: 'pseudonymise',
      text: TEXT,
      sending: true,
    });
    expect(rewritten.leftovers).toBe(0);
    // Without `sending` (a check, not a send), nothing is logged.
    await send({ kind: 'pseudonymise', text: TEXT });
    const entries = await journal();
    expect(entries).toHaveLength(2);
    expect(entries[0]!.codes).toEqual(['PRE-2025-001']);
    expect(entries[0]!.detail).toMatch(/^Envoyé en clair depuis la messagerie \(.*1 NIR.*\) : /);
    expect(entries[1]!.codes).toEqual(['PRE-2025-001']);
    expect(entries[1]!.detail).toMatch(/^Pseudonymisé puis envoyé depuis la messagerie \(.*nom/);
    expect(JSON.stringify(entries)).not.toMatch(/Inès|Bouazza/);
  });

  it('«Pseudonymiser et envoyer» while locked waits with its counts', async () => {
    const { send } = await setUp();
    await send({ kind: 'pseudonymise', text: TEXT, sending: true });
    const waiting = (await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY] as Array<{
      action: string;
      counts: Record<string, number>;
    }>;
    expect(waiting.map((w) => w.action)).toEqual(['pseudonymiser']);
    expect(waiting[0]!.counts.NIR).toBe(1);
  });

  it('answers a content script’s port with each request’s id; other ports are ignored', async () => {
    const { openPort } = await setUp();
    const port = openPort();
    port.post({ id: 1, request: whole(TEXT) });
    port.post({ id: 2, request: { kind: 'effacer-tout' } });
    port.post({ request: whole(TEXT) });
    await expect.poll(() => port.answers.length).toBe(2);
    const byId = new Map(
      (port.answers as Array<{ id: number; answer: unknown }>).map((a) => [a.id, a.answer]),
    );
    expect(
      (byId.get(1) as ScanAnswer).units.some((u) => u.findings.some((f) => f.type === 'NIR')),
    ).toBe(true);
    expect(byId.get(2)).toEqual({ error: expect.stringContaining('Demande inconnue') });
    const other = openPort('autre');
    other.post({ id: 1, request: whole(TEXT) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(other.answers).toEqual([]);
  });

  it('«caseload-changed» from an extension page makes it read the names again', async () => {
    const { send, options } = await setUp();
    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    const text = 'Nous avons reçu Théo Marchetti hier.';
    const knowsTheo = async (editor: string) => {
      const answer = await send<ScanAnswer>(whole(text, editor));
      return unitFindings(answer, 'u0').some((f) => f.type === 'PERSONNE' && /suivi/.test(f.label));
    };
    expect(await knowsTheo('a')).toBe(false);

    // The side panel imports a child into the same IndexedDB.
    const panel = await unlockStore({ ...options, passphrase: PASSPHRASE });
    await panel.putRecords([
      { child: { firstName: 'Théo', lastName: 'Marchetti' }, status: 'attente_eps' },
    ]);
    panel.close();

    expect(await send({ kind: 'caseload-changed' })).toEqual({
      error: expect.stringContaining('Seules les pages de l’extension'),
    });
    expect(await send({ kind: 'caseload-changed' }, extensionPage)).toEqual({ done: true });
    expect(await knowsTheo('b')).toBe(true);
  });

  it('refuses hostile requests with a French error', async () => {
    const { send } = await setUp();
    expect(await send(whole('x'.repeat(3_000_000)))).toEqual({
      error: expect.stringContaining('Message trop long'),
    });
    const many = {
      ...whole('x'),
      order: ['u0'],
      units: [{ id: 'u0', text: 'x'.repeat(1_500_000) }],
    };
    await send(many);
    expect(
      await send({
        kind: 'scan',
        editor: 'e1',
        order: ['u0', 'u1'],
        units: [{ id: 'u1', text: 'y'.repeat(1_500_000) }],
      }),
    ).toEqual({ error: expect.stringContaining('Message trop long') });
    expect(await send({ ...whole('x'), units: [{ id: 'u0', text: 42 }] })).toEqual({
      error: expect.stringContaining('Aucun texte'),
    });
    expect(await send({ kind: 'scan', editor: 'e1', units: 'rien' })).toMatchObject({
      resend: true,
    });
    expect(await send({ kind: 'effacer-tout' })).toEqual({
      error: expect.stringContaining('Demande inconnue'),
    });
  });
});
