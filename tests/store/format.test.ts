/**
 * The backup format as documented in shared/store/backup.ts, written here
 * independently with WebCrypto: the store must read such a file, and refuse
 * one whose decrypted contents have the wrong shape.
 */
import { describe, expect, it } from 'vitest';
import { storeFromBackup } from '../../shared/store';
import { PASSPHRASE, memoryDb, newStore, sampleRecords } from './helpers';

async function independentBackup(contents: unknown, iterations = 1000): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const enc = new TextEncoder();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const base = await subtle.importKey('raw', enc.encode(PASSPHRASE), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const master = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    256,
  );
  const hkdf = await subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: enc.encode('passerelle/backup'),
    },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const header = enc.encode(
    JSON.stringify({
      format: 1,
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: btoa(String.fromCharCode(...salt)),
      createdAt: '2026-01-01T00:00:00.000Z',
    }),
  );
  const magic = enc.encode('PASSERELLE/STORE\n');
  const aad = new Uint8Array(magic.length + 4 + header.length);
  aad.set(magic);
  new DataView(aad.buffer).setUint32(magic.length, header.length);
  aad.set(header, magic.length + 4);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad },
      key,
      enc.encode(JSON.stringify(contents)),
    ),
  );
  const out = new Uint8Array(aad.length + 12 + sealed.length);
  out.set(aad);
  out.set(iv, aad.length);
  out.set(sealed, aad.length + 12);
  return out;
}

describe('backup file format', () => {
  it('reads a file written from the documented format alone', async () => {
    const file = await independentBackup({ records: sampleRecords(), usedCodes: ['PRE-2024-031'] });
    const store = await storeFromBackup(file, PASSPHRASE, memoryDb());
    expect(await store.countRecords()).toBe(8);
    expect(await store.allCodes()).toContain('PRE-2024-031');
    store.close();
  });

  it('refuses decrypted contents of the wrong shape and changes nothing', async () => {
    const store = await newStore();
    for (const contents of [
      null,
      { sessions: [] },
      { records: [], sessions: [{ id: 'x', date: 'hier' }] },
      { records: [], pseudonyms: [{ personKey: 1 }] },
      { records: 'tout' },
    ]) {
      await expect(
        store.restore(await independentBackup(contents), PASSPHRASE),
      ).rejects.toMatchObject({ code: 'backup/unreadable' });
    }
    for (const records of [
      [{ ...sampleRecords()[0], child: { lastName: 'SANS' } }],
      [{ code: 'PRE-2025-001' }],
      [{ child: 'Inès', referral: 'hier', code: 42 }],
    ]) {
      await expect(
        store.restore(await independentBackup({ records }), PASSPHRASE),
      ).rejects.toMatchObject({ code: 'store/invalid-records' });
    }
    expect(await store.countRecords()).toBe(0);
    expect((await store.auditLog()).length).toBe(0);
  });
});
