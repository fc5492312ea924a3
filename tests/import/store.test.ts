// `passerelle import --store`: rows become records in the encrypted store, and
// a second import of the same sheet updates the same children (same codes).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { memoryIO } from '../helpers/memory-io';

const env = { PASSERELLE_PASSPHRASE: 'phrase de passe de test' };
const sheet = 'tests/fixtures/import/exemple-suivi-pissevin.xlsx';

describe('passerelle import --store', () => {
  it('saves the imported records into the store, then updates them without new codes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-import-'));
    const store = join(dir, 'file-active.passerelle');
    expect(await main(['store', 'create', '--store', store], memoryIO(env).io)).toBe(0);

    const first = memoryIO(env);
    expect(await main(['import', sheet, '--store', store], first.io)).toBe(0);
    expect(first.err()).toContain(
      'File active enregistrée : 12 fiches créées, 0 fiche mise à jour.',
    );

    const listed = memoryIO(env);
    expect(await main(['store', 'list', '--json', '--store', store], listed.io)).toBe(0);
    const records = JSON.parse(listed.out()).records as Array<{ code: string }>;
    expect(records).toHaveLength(12);

    const again = memoryIO(env);
    expect(await main(['import', sheet, '--store', store], again.io)).toBe(0);
    expect(again.err()).toContain('0 fiche créée, 12 fiches mises à jour.');
    const relisted = memoryIO(env);
    expect(await main(['store', 'list', '--json', '--store', store], relisted.io)).toBe(0);
    const codesAfter = (JSON.parse(relisted.out()).records as Array<{ code: string }>).map(
      (r) => r.code,
    );
    expect(codesAfter.sort()).toEqual(records.map((r) => r.code).sort());

    // The store file on disk names nobody in clear.
    const json = JSON.parse(listed.out()) as { records: Array<{ child: { lastName: string } }> };
    const bytes = await readFile(store);
    expect(bytes.includes(Buffer.from(json.records[0]!.child.lastName))).toBe(false);
  });

  it('refuses a wrong passphrase without touching the store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-import-'));
    const store = join(dir, 'file-active.passerelle');
    expect(await main(['store', 'create', '--store', store], memoryIO(env).io)).toBe(0);
    const before = await readFile(store);
    const wrong = memoryIO({ PASSERELLE_PASSPHRASE: 'pas la bonne' });
    expect(await main(['import', sheet, '--store', store], wrong.io)).toBe(2);
    expect(wrong.err()).toMatch(/phrase de passe/);
    expect((await readFile(store)).equals(before)).toBe(true);
  });
});
