/**
 * The pane's store session in Node (fake-indexeddb): first use, sample seed,
 * lock after the user's inactivity (not while they act), unlock, and a wiped
 * IndexedDB told apart from a first use thanks to the marker, then restored.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreSession, localStorageMarker, type SessionOptions } from '../../shared/ui';
import { sampleCaseload } from '../../shared/samples';
import type { RecordInput } from '../../shared/store';

const PASSPHRASE = 'girafe poivre trottinette lundi';

/** localStorage as the pane sees it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function sessionOn(indexedDB: IDBFactory, storage: Storage, extra: Partial<SessionOptions> = {}) {
  const activity: { touch?: () => void } = {};
  const session = new StoreSession({
    store: { indexedDB, IDBKeyRange, name: 'volet', marker: localStorageMarker(storage) },
    watchActivity: (touch) => {
      activity.touch = touch;
      return () => undefined;
    },
    weakKdfForTests: { iterations: 1000 },
    ...extra,
  });
  return { session, activity };
}

afterEach(() => vi.useRealTimers());

describe('store session (task pane, side panel, options page)', () => {
  it('goes from first use to an open caseload seeded with the samples', async () => {
    const { session } = sessionOn(new IDBFactory(), memoryStorage(), {
      seed: async () => structuredClone(sampleCaseload.records) as RecordInput[],
    });
    await session.check();
    expect(session.current.kind).toBe('new');
    await session.create(PASSPHRASE);
    const state = session.current;
    expect(state.kind).toBe('open');
    if (state.kind !== 'open') return;
    expect(await state.store.countRecords()).toBe(sampleCaseload.records.length);
  });

  it('locks after the stored delay without activity, not while the user acts', async () => {
    const { session, activity } = sessionOn(new IDBFactory(), memoryStorage());
    await session.check();
    await session.create(PASSPHRASE);
    expect(session.lockAfterMinutes).toBe(15);
    // Only the session's timers: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const open = session.current;
    if (open.kind !== 'open') throw new Error('store not open');
    await open.store.updateSettings({ lockAfterMinutes: 2 });
    session.lock();
    await session.unlock(PASSPHRASE);
    expect(session.lockAfterMinutes).toBe(2);
    vi.advanceTimersByTime(90_000);
    activity.touch!();
    vi.advanceTimersByTime(90_000);
    expect(session.current.kind).toBe('open');
    vi.advanceTimersByTime(31_000);
    expect(session.current).toEqual({ kind: 'locked', afterInactivity: true });
  });

  it('tells the shell when it opens (with the passphrase) and when it locks', async () => {
    const events: string[] = [];
    const { session } = sessionOn(new IDBFactory(), memoryStorage(), {
      onOpened: (passphrase) => events.push(`ouverte:${passphrase}`),
      onLocked: () => events.push('verrouillée'),
    });
    await session.check();
    await session.create(PASSPHRASE);
    session.lock();
    session.lock();
    await expect(session.unlock('pas la bonne phrase')).rejects.toThrow();
    await session.unlock(PASSPHRASE);
    expect(events).toEqual([`ouverte:${PASSPHRASE}`, 'verrouillée', `ouverte:${PASSPHRASE}`]);
  });

  it('keeps the store locked on a wrong passphrase and says why', async () => {
    const indexedDB = new IDBFactory();
    const storage = memoryStorage();
    await sessionOn(indexedDB, storage).session.create(PASSPHRASE);
    const { session } = sessionOn(indexedDB, storage);
    await session.check();
    expect(session.current).toEqual({ kind: 'locked', afterInactivity: false });
    await expect(session.unlock('une autre phrase')).rejects.toMatchObject({
      code: 'store/wrong-passphrase',
    });
    expect(session.current.kind).toBe('locked');
    await session.unlock(PASSPHRASE);
    expect(session.current.kind).toBe('open');
  });

  it('tells a wiped IndexedDB from a first use, and rebuilds it from a backup', async () => {
    const storage = memoryStorage();
    const first = sessionOn(new IDBFactory(), storage, {
      seed: async () => structuredClone(sampleCaseload.records) as RecordInput[],
    }).session;
    await first.create(PASSPHRASE);
    const open = first.current;
    if (open.kind !== 'open') throw new Error('store not open');
    const backup = await open.store.backup();

    const { session } = sessionOn(new IDBFactory(), storage); // the host emptied IndexedDB
    await session.check();
    expect(session.current.kind).toBe('wiped');
    await expect(session.restore(backup, 'pas la bonne')).rejects.toMatchObject({
      code: expect.stringMatching(/passphrase/),
    });
    await session.restore(backup, PASSPHRASE);
    const restored = session.current;
    expect(restored.kind).toBe('open');
    if (restored.kind !== 'open') return;
    expect(await restored.store.countRecords()).toBe(sampleCaseload.records.length);

    const fresh = sessionOn(new IDBFactory(), memoryStorage()).session;
    await fresh.check();
    expect(fresh.current.kind).toBe('new');
  });
});
