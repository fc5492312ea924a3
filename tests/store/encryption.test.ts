import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isPasserelleError } from '../../shared/parcours';
import { createStore, storeState, unlockStore, type StoreMarker } from '../../shared/store';
import { PASSPHRASE, memoryDb, newStore, rawText, sampleRecords } from './helpers';

async function rawContent(options: ReturnType<typeof memoryDb>): Promise<string> {
  const raw = new Dexie(options.name!, {
    indexedDB: options.indexedDB,
    IDBKeyRange: options.IDBKeyRange,
  });
  await raw.open();
  const parts: string[] = [];
  for (const table of raw.tables) parts.push(rawText(await table.toArray()));
  raw.close();
  return parts.join('\n');
}

describe('encryption at rest', () => {
  it('keeps no name, birth date, phone or référent in the raw IndexedDB content', async () => {
    const options = memoryDb();
    const store = await newStore(options);
    const records = sampleRecords();
    await store.putRecords(records);
    await store.pseudonymMemory.remember('claire roux', 'Personne A');
    store.close();
    const raw = await rawContent(options);
    for (const r of records) {
      expect(raw).not.toContain(r.child.lastName);
      expect(raw).not.toContain(r.child.firstName);
      expect(raw).not.toContain(r.child.birthDate!);
      for (const g of r.guardians ?? []) if (g.phone) expect(raw).not.toContain(g.phone);
      if (r.referent) expect(raw).not.toContain(r.referent);
      expect(raw).toContain(r.code);
    }
    expect(raw).not.toContain('claire roux');
    expect(raw).toContain('en_cours');
  });

  it('reads records back after unlocking with the passphrase', async () => {
    const options = memoryDb();
    const store = await newStore(options);
    await store.putRecords(sampleRecords());
    store.close();
    const again = await unlockStore({ ...options, passphrase: PASSPHRASE });
    expect((await again.allRecords()).map((r) => r.code).sort()).toEqual(
      sampleRecords()
        .map((r) => r.code)
        .sort(),
    );
    expect((await again.getRecord('PRE-2025-001'))?.child.firstName).toBe('Inès');
  });

  it('refuses a wrong passphrase with a French error and changes nothing', async () => {
    const options = memoryDb();
    const store = await newStore(options);
    await store.putRecords(sampleRecords());
    store.close();
    const before = await rawContent(options);
    const error = await unlockStore({ ...options, passphrase: 'pas la bonne phrase' }).catch(
      (e) => e,
    );
    expect(isPasserelleError(error) && error.code).toBe('store/wrong-passphrase');
    expect(error.message).toContain('phrase de passe incorrecte');
    expect(await rawContent(options)).toBe(before);
  });

  it('requires 600 000 iterations unless the test option says otherwise', async () => {
    const error = await createStore({
      ...memoryDb(),
      passphrase: PASSPHRASE,
      iterations: 1000,
    }).catch((e) => e);
    expect(error.code).toBe('store/kdf-iterations');
    const short = await createStore({ ...memoryDb(), passphrase: 'court' }).catch((e) => e);
    expect(short.code).toBe('store/weak-passphrase');
  });

  it('locks after inactivity and drops the keys', async () => {
    const store = await newStore(memoryDb({ lockAfterMs: 30 }));
    await store.putRecords(sampleRecords().slice(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(store.isLocked).toBe(true);
    await expect(store.allRecords()).rejects.toMatchObject({ code: 'store/locked' });
    await expect(store.unlock('mauvaise phrase')).rejects.toMatchObject({
      code: 'store/wrong-passphrase',
    });
    await store.unlock(PASSPHRASE);
    expect(await store.countRecords()).toBe(1);
    store.close();
  });

  it('changes the passphrase by re-encrypting everything at once', async () => {
    const options = memoryDb();
    const store = await newStore(options);
    await store.putRecords(sampleRecords());
    await store.pseudonymMemory.remember('claire roux', 'Personne A');
    await expect(
      store.changePassphrase('mauvaise phrase', 'nouvelle phrase secrète'),
    ).rejects.toMatchObject({
      code: 'store/wrong-passphrase',
    });
    await store.changePassphrase(PASSPHRASE, 'nouvelle phrase secrète');
    expect((await store.findChildren({ lastName: 'bouazza' })).length).toBe(1);
    store.close();
    await expect(unlockStore({ ...options, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'store/wrong-passphrase',
    });
    const again = await unlockStore({ ...options, passphrase: 'nouvelle phrase secrète' });
    expect(await again.countRecords()).toBe(8);
    expect(await again.pseudonymMemory.recall('claire roux')).toBe('Personne A');
    expect((await again.activeCaseload('sonia martel')).length).toBe(3);
    expect((await again.auditLog()).some((e) => e.kind === 'passphrase')).toBe(true);
    again.close();
  });

  it('tells a new store from a locked one and from a wiped one', async () => {
    let flag = false;
    const marker: StoreMarker = { read: () => flag, write: () => void (flag = true) };
    const options = memoryDb({ marker });
    expect(await storeState(options)).toBe('new');
    expect(await storeState(options)).toBe('new'); // probing creates nothing
    const store = await newStore(options);
    store.close();
    expect(flag).toBe(true);
    expect(await storeState(options)).toBe('locked');
    // The host clears IndexedDB; the marker kept elsewhere remembers.
    const wiped = {
      ...options,
      indexedDB: new (options.indexedDB.constructor as { new (): IDBFactory })(),
    };
    expect(await storeState(wiped)).toBe('wiped');
    await expect(unlockStore({ ...wiped, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'store/absent',
    });
  });
});
