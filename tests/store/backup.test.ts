import { describe, expect, it } from 'vitest';
import { isStoreFile, readBackupHeader, storeFromBackup, MIN_ITERATIONS } from '../../shared/store';
import { PASSPHRASE, memoryDb, newStore, rawText, sampleRecords } from './helpers';

describe('backup and restore', () => {
  it('round-trips the whole store through an encrypted file', async () => {
    const store = await newStore();
    await store.putRecords(sampleRecords());
    await store.putSession({
      date: '2026-01-13',
      members: [],
      apologies: [],
      situations: [{ code: 'PRE-2025-001' }],
    });
    await store.pseudonymMemory.remember('claire roux', 'Personne A');
    await store.mappingMemory.remember('nom|prénom', { Nom: 'child.lastName' });
    await store.eraseChild('PRE-2025-008');
    const file = await store.backup();
    expect(isStoreFile(file)).toBe(true);
    expect(rawText(file)).not.toContain('BOUAZZA');
    const { header } = readBackupHeader(file);
    expect(header).toMatchObject({ format: 1, kdf: 'PBKDF2-SHA-256', iterations: 1000 });

    const copy = await storeFromBackup(file, PASSPHRASE, memoryDb());
    expect((await copy.allRecords()).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      (await store.allRecords()).sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect(await copy.sessions()).toEqual(await store.sessions());
    expect(await copy.pseudonymMemory.resolve('Personne A')).toBe('claire roux');
    expect(await copy.mappingMemory.recall('nom|prénom')).toEqual({ Nom: 'child.lastName' });
    expect(await copy.allCodes()).toContain('PRE-2025-008');
    expect((await copy.auditLog()).map((e) => e.kind)).toEqual(
      (await store.auditLog()).map((e) => e.kind),
    );
  });

  it('merges a backup without duplicating children and keeps their codes', async () => {
    const source = await newStore();
    await source.putRecords(sampleRecords());
    const file = await source.backup();

    const target = await newStore();
    const ines = sampleRecords()[0]!;
    // The same child, typed differently and numbered by this store.
    await target.putRecords([
      {
        code: 'PRE-2025-050',
        child: { ...ines.child, lastName: 'Bouazza', firstName: 'INES' },
        status: 'attente_eps',
      },
      { child: { lastName: 'AUTRE', firstName: 'Zoé' }, referral: { date: '2024-10-01' } },
    ]);
    const result = await target.restore(file, PASSPHRASE);
    expect(result.merged).toEqual(['PRE-2025-050']);
    expect(result.notes[0]).toContain('PRE-2025-050');
    expect(result.added.length).toBe(7);
    expect(await target.countRecords()).toBe(2 + 7);
    const [merged] = await target.findChildren({ lastName: 'BOUAZZA', firstName: 'Inès' });
    // Current values win, the backup fills the gaps.
    expect(merged).toMatchObject({
      code: 'PRE-2025-050',
      status: 'attente_eps',
      referent: 'Sonia Martel',
    });
    expect(merged!.guardians?.[0]?.phone).toBe(ines.guardians?.[0]?.phone);
    // Restoring the same file again changes nothing.
    await target.restore(file, PASSPHRASE);
    expect(await target.countRecords()).toBe(9);
    expect(await target.allCodes()).toContain('PRE-2025-001');
  });

  it('refuses a wrong passphrase or a damaged file and leaves the store unchanged', async () => {
    const source = await newStore();
    await source.putRecords(sampleRecords());
    const file = await source.backup();
    const target = await newStore();
    await target.putRecords(sampleRecords().slice(0, 2));
    await expect(target.restore(file, 'mauvaise phrase')).rejects.toMatchObject({
      code: 'store/wrong-passphrase',
    });
    const damaged = file.slice();
    damaged[damaged.length - 5]! ^= 1;
    await expect(target.restore(damaged, PASSPHRASE)).rejects.toMatchObject({
      code: 'store/wrong-passphrase',
    });
    await expect(
      target.restore(new TextEncoder().encode('{"records":[]}'), PASSPHRASE),
    ).rejects.toMatchObject({
      code: 'backup/unreadable',
    });
    await expect(target.restore(file.slice(0, 20), PASSPHRASE)).rejects.toMatchObject({
      code: 'backup/unreadable',
    });
    expect(await target.countRecords()).toBe(2);
    const hostile = file.slice();
    new DataView(hostile.buffer).setUint32(17, 0xffffffff);
    expect(() => readBackupHeader(hostile)).toThrow(/sauvegarde Passerelle lisible/);
    expect(MIN_ITERATIONS).toBe(600_000);
  });

  it('restores in one transaction: a clash anywhere writes nothing', async () => {
    const source = await newStore();
    await source.putRecords(sampleRecords());
    const file = await source.backup();
    const target = await newStore();
    // Another child already holds PRE-2025-003 here.
    await target.putRecords([
      { code: 'PRE-2025-003', child: { lastName: 'DURAND', firstName: 'Paul' } },
    ]);
    const error = await target.restore(file, PASSPHRASE).catch((e) => e);
    expect(error.code).toBe('store/invalid-records');
    expect(error.details.join('\n')).toContain('PRE-2025-003 appartient déjà à un autre enfant');
    expect(await target.countRecords()).toBe(1);
  });

  it('writes a batch atomically: one invalid record and nothing is stored', async () => {
    const store = await newStore();
    const records = sampleRecords();
    const bad = { ...records[1]!, child: { ...records[1]!.child, birthDate: '2014-02-31' } };
    const error = await store.putRecords([records[0]!, bad]).catch((e) => e);
    expect(error.code).toBe('store/invalid-records');
    expect(error.details[0]).toContain('fiche PRE-2025-002');
    expect(await store.countRecords()).toBe(0);
    expect(await store.allCodes()).toEqual([]);
  });
});
