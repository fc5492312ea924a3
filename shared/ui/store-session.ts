/**
 * A shell's caseload session (task pane, side panel, options page): which screen to show (first use, unlock,
 * restore after a wipe, the open caseload), the store once opened, and the
 * lock after the configured inactivity. Inactivity is the user's (keys,
 * pointer), not the store's: someone typing a long note must not find the
 * caseload locked when saving it, so the store's own timer is off here.
 */
import type { RecordInput } from '../store';
import {
  createStore,
  storeFromBackup,
  storeState,
  unlockStore,
  type CaseloadStore,
  type StoreOptions,
} from '../store';

export type SessionState =
  | { kind: 'checking' }
  | { kind: 'new' }
  | { kind: 'locked'; afterInactivity: boolean }
  | { kind: 'wiped' }
  | { kind: 'open'; store: CaseloadStore }
  | { kind: 'failed'; error: unknown };

export interface SessionOptions {
  store: StoreOptions;
  /** Records put into a store just created (the preview's sample caseload). */
  seed?: () => Promise<RecordInput[]>;
  /** Calls `touch` on every user action; returns how to stop listening. */
  watchActivity: (touch: () => void) => () => void;
  /**
   * Told when the caseload opens (with the passphrase typed) and when it
   * locks: the extension's side panel passes them on to its background,
   * which scans webmails with the caseload's names.
   */
  onOpened?: (passphrase: string) => void;
  onLocked?: () => void;
  /** Only tests lower the key derivation cost, as shared/store requires. */
  weakKdfForTests?: { iterations: number };
}

export class StoreSession {
  private state: SessionState = { kind: 'checking' };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lockAfterMs = 0;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly options: SessionOptions) {}

  get current(): SessionState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Finds out whether this device has a store, had one (wiped), or never had. */
  async check(): Promise<void> {
    try {
      const found = await storeState(this.storeOptions());
      this.set(found === 'locked' ? { kind: 'locked', afterInactivity: false } : { kind: found });
    } catch (error) {
      this.set({ kind: 'failed', error });
    }
  }

  async create(passphrase: string): Promise<void> {
    const store = await createStore({
      ...this.storeOptions(),
      passphrase,
      ...(this.options.weakKdfForTests
        ? { iterations: this.options.weakKdfForTests.iterations, allowWeakKdfForTests: true }
        : {}),
    });
    if (this.options.seed) await store.putRecords(await this.options.seed());
    await this.open(store, passphrase);
  }

  async unlock(passphrase: string): Promise<void> {
    await this.open(await unlockStore({ ...this.storeOptions(), passphrase }), passphrase);
  }

  /** After a wipe: a new store built from the backup file. */
  async restore(backup: Uint8Array, passphrase: string): Promise<void> {
    await this.open(await storeFromBackup(backup, passphrase, this.storeOptions()), passphrase);
  }

  /** After a wipe, the user chose to start with an empty caseload. */
  startOver(): void {
    this.set({ kind: 'new' });
  }

  /** Drops the keys and closes the database: reading again needs the passphrase. */
  lock(afterInactivity = false): void {
    if (this.state.kind !== 'open') return;
    this.state.store.close();
    this.stopTimer();
    this.set({ kind: 'locked', afterInactivity });
    this.options.onLocked?.();
  }

  /** The lock delay currently applied, in minutes (0: never). */
  get lockAfterMinutes(): number {
    return this.lockAfterMs / 60_000;
  }

  private storeOptions(): StoreOptions {
    return { ...this.options.store, lockAfterMs: 0 };
  }

  private async open(store: CaseloadStore, passphrase: string): Promise<void> {
    this.lockAfterMs = (await store.settings()).lockAfterMinutes * 60_000;
    this.set({ kind: 'open', store });
    this.options.onOpened?.(passphrase);
    this.touch();
    this.stopWatching ??= this.options.watchActivity(() => this.touch());
  }

  private touch(): void {
    if (this.state.kind !== 'open') return;
    this.stopTimer();
    if (this.lockAfterMs > 0) this.timer = setTimeout(() => this.lock(true), this.lockAfterMs);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
