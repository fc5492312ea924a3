import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, schemaVersions, storeFromBackup, unlockStore } from '../../shared/store';
import { PASSPHRASE, memoryDb, newStore, sampleRecords } from './helpers';

describe('schema migrations', () => {
  it('migrates a version 1 database to the current schema', async () => {
    // A current store gives real sealed rows; they are written into a v1 database.
    const source = await newStore();
    await source.putRecords(sampleRecords());
    const file = await source.backup();
    const current = memoryDb();
    (await storeFromBackup(file, PASSPHRASE, current)).close();
    const raw = new Dexie('test', {
      indexedDB: current.indexedDB,
      IDBKeyRange: current.IDBKeyRange,
    });
    await raw.open();
    const rows = await raw.table('records').toArray();
    const settings = await raw.table('settings').toArray();
    raw.close();

    const old = memoryDb();
    const v1 = new Dexie('test', { indexedDB: old.indexedDB, IDBKeyRange: old.IDBKeyRange });
    v1.version(1).stores(schemaVersions[0]!.stores);
    await v1.open();
    await v1.table('records').bulkAdd(rows.map(({ retentionFrom: _r, ...row }) => row));
    await v1.table('settings').bulkAdd(settings);
    v1.close();

    const store = await unlockStore({ ...old, passphrase: PASSPHRASE });
    expect(CURRENT_VERSION).toBeGreaterThan(1);
    expect((await store.allCodes()).sort()).toEqual(
      sampleRecords()
        .map((r) => r.code)
        .sort(),
    );
    expect(await store.purgeCandidates()).toEqual([]);
    expect((await store.activeCaseload('Sonia Martel')).length).toBe(3);
    store.close();
    const check = new Dexie('test', { indexedDB: old.indexedDB, IDBKeyRange: old.IDBKeyRange });
    await check.open();
    expect(check.verno).toBe(CURRENT_VERSION);
    const migrated = await check.table('records').where('code').equals('PRE-2025-005').first();
    expect(migrated.retentionFrom).toBe('2026-06-30');
    check.close();
  });
});
