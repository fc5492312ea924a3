import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ParcoursRecord } from '../../shared/parcours';
import { createStore, type StoreOptions } from '../../shared/store';

export const PASSPHRASE = 'une phrase de passe assez longue';

/** A fresh in-memory IndexedDB per test: nothing leaks between tests. */
export function memoryDb(extra: Partial<StoreOptions> = {}): StoreOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange, name: 'test', lockAfterMs: 0, ...extra };
}

/** Low iterations through the explicit test option only, to keep tests fast. */
export function newStore(options: StoreOptions = memoryDb()) {
  return createStore({
    ...options,
    passphrase: PASSPHRASE,
    iterations: 1000,
    allowWeakKdfForTests: true,
  });
}

export function sampleRecords(): ParcoursRecord[] {
  return (
    JSON.parse(readFileSync('tests/fixtures/store/suivi-exemple.json', 'utf8')) as {
      records: ParcoursRecord[];
    }
  ).records;
}

/** Every string reachable in a raw IndexedDB value, bytes decoded as Latin-1 and UTF-8. */
export function rawText(value: unknown): string {
  if (value instanceof Uint8Array) {
    return new TextDecoder('latin1').decode(value) + new TextDecoder().decode(value);
  }
  if (Array.isArray(value)) return value.map(rawText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(rawText).join('\n');
  return String(value);
}
