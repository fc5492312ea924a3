/**
 * Journal entries made while the store is locked: the encrypted journal cannot
 * take them yet. What is kept on disk (`storage.local`) is name-free: when,
 * which choice, how many identifiers of each kind. The user's reason may hold
 * a name, so it stays in `storage.session` (memory only, extension pages and
 * worker only) until the store is unlocked, when it is pseudonymised with the
 * caseload and everything goes to the journal.
 */
import type { TypeCounts } from '../finding-words';

export interface PendingShare {
  id: string;
  at: string;
  /** «Envoyer quand même» or «Pseudonymiser et envoyer». */
  action: 'envoyer' | 'pseudonymiser';
  counts: TypeCounts;
}

export interface PendingEntry extends PendingShare {
  /** Gone if the browser was closed before the store was unlocked. */
  reason?: string;
}

export interface PendingLog {
  add(entry: PendingShare, reason?: string): Promise<void>;
  /** Every waiting entry, oldest first. */
  list(): Promise<PendingEntry[]>;
  /** Forgets entries once they are in the journal. */
  drop(ids: readonly string[]): Promise<void>;
}

/** The part of `browser.storage` used here (real, or WXT's `fakeBrowser`). */
export interface StorageAreas {
  local: StorageArea;
  session: StorageArea;
}
interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const PENDING_KEY = 'journalEnAttente';
export const REASONS_KEY = 'motifsEnAttente';
/** A locked store for weeks must not fill the extension's storage. */
const MAX_PENDING = 500;

export function storagePendingLog(storage: StorageAreas): PendingLog {
  const entries = async () =>
    ((await storage.local.get(PENDING_KEY))[PENDING_KEY] as PendingShare[] | undefined) ?? [];
  const reasons = async () =>
    ((await storage.session.get(REASONS_KEY))[REASONS_KEY] as Record<string, string> | undefined) ??
    {};
  // Writes one after another: two choices logged at once must not overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    add: (entry, reason) =>
      serial(async () => {
        const kept = [...(await entries()), entry].slice(-MAX_PENDING);
        await storage.local.set({ [PENDING_KEY]: kept });
        if (reason)
          await storage.session.set({
            [REASONS_KEY]: { ...(await reasons()), [entry.id]: reason },
          });
      }),
    list: () =>
      serial(async () => {
        const held = await reasons();
        return (await entries()).map((e) => (held[e.id] ? { ...e, reason: held[e.id] } : e));
      }),
    drop: (ids) =>
      serial(async () => {
        const gone = new Set(ids);
        const held = await reasons();
        for (const id of gone) delete held[id];
        await storage.local.set({
          [PENDING_KEY]: (await entries()).filter((e) => !gone.has(e.id)),
        });
        await storage.session.set({ [REASONS_KEY]: held });
      }),
  };
}
