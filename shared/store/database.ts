/** Opening the Dexie database on the IndexedDB factory the caller passes in. */
import { PasserelleError } from '../parcours';
import { PasserelleDb } from './schema';
import type { StoreOptions } from './types';

export function openDb(options: StoreOptions): PasserelleDb {
  const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
  if (!options.indexedDB || !keyRange) {
    throw new PasserelleError(
      'store/no-indexeddb',
      'IndexedDB n’est pas disponible : la file active ne peut pas être ouverte ici.',
    );
  }
  return new PasserelleDb(options.name ?? 'passerelle', options.indexedDB, keyRange);
}

/** Opens the database only if it exists: a probe never creates an empty one. */
export function databaseExists(factory: IDBFactory, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    let created = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      request.result.close();
      resolve(!created);
    };
    request.onerror = () => resolve(false);
  });
}
