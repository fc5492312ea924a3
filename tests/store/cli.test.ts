import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { sampleRecords } from './helpers';
import { memoryIO } from '../helpers/memory-io';

const env = { PASSERELLE_PASSPHRASE: 'phrase de passe de test' };

describe('passerelle store', () => {
  it('creates a store file, adds, lists, erases, exports and purges in batch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-store-'));
    const file = join(dir, 'file-active.passerelle');
    const input = join(dir, 'fiches.json');
    await writeFile(input, JSON.stringify({ records: sampleRecords() }));
    const run = async (...args: string[]) => {
      const m = memoryIO(env);
      const code = await main(['store', ...args, '--store', file], m.io);
      return { code, out: m.out(), err: m.err() };
    };

    expect((await run('create')).code).toBe(0);
    expect((await run('create')).err).toContain('existe déjà');
    expect((await run('add', input)).out).toContain('8 fiches ajoutée(s)');
    expect((await run('add', input)).out).toContain('8 fiches fusionnée(s)');
    expect((await readFile(file)).includes(Buffer.from('BOUAZZA'))).toBe(false);

    const listed = await run('list', '--referent', 'sonia martel', '--status', 'en_cours');
    expect(listed.out).toContain('PRE-2025-001');
    expect(listed.out).toContain('1 fiche.');

    expect((await run('erase', 'PRE-2025-002')).code).toBe(0);
    const exported = await run('export-child', 'PRE-2025-001');
    expect(JSON.parse(exported.out).record.child.lastName).toBe('BOUAZZA');
    expect((await run('purge', '--dry-run')).out).toMatch(/^0 fiche à purger/);
    expect((await run('settings', '--retention-months', '36')).out).toContain('36 mois');
    expect((await run('settings')).out).toContain('36 mois');
    expect((await run('settings', '--retention-months', 'deux ans')).code).toBe(2);
    const audit = await run('audit');
    expect(audit.out).toContain('Effacement');
    expect(audit.out).toContain('PRE-2025-001');
    expect(audit.out).not.toContain('BOUAZZA');

    // --caseload reads a store file too.
    const caseload = memoryIO(env);
    expect(await main(['caseload', file], caseload.io)).toBe(0);
    expect(caseload.out()).toContain('7 fiches valides.');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('backs up, restores and changes the passphrase; never takes it as an argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-store-'));
    const file = join(dir, 'a.passerelle');
    const copy = join(dir, 'b.passerelle');
    const backup = join(dir, 'sauvegarde.passerelle');
    const input = join(dir, 'fiches.json');
    await writeFile(input, JSON.stringify(sampleRecords()));
    const m = () => memoryIO(env);
    expect(await main(['store', 'create', '--store', file], m().io)).toBe(0);
    expect(await main(['store', 'add', input, '--store', file], m().io)).toBe(0);
    expect(await main(['store', 'backup', '--out', backup, '--store', file], m().io)).toBe(0);
    const restored = m();
    expect(await main(['store', 'restore', backup, '--store', copy], restored.io)).toBe(0);
    expect(restored.out()).toContain('8 fiches');

    const change = memoryIO({ ...env, PASSERELLE_NEW_PASSPHRASE: 'nouvelle phrase de passe' });
    expect(await main(['store', 'passphrase', '--store', copy], change.io)).toBe(0);
    const wrong = memoryIO(env);
    expect(await main(['store', 'list', '--store', copy], wrong.io)).toBe(2);
    expect(wrong.err()).toContain('phrase de passe incorrecte');
    const right = memoryIO({ PASSERELLE_PASSPHRASE: 'nouvelle phrase de passe' });
    expect(await main(['store', 'list', '--store', copy], right.io)).toBe(0);

    const none = memoryIO({});
    expect(await main(['store', 'list', '--store', file], none.io)).toBe(2);
    expect(none.err()).toContain('PASSERELLE_PASSPHRASE');
    const asArgument = memoryIO(env);
    expect(await main(['store', 'list', '--passphrase', 'x', '--store', file], asArgument.io)).toBe(
      2,
    );
  });

  it('exits 1 on an invalid record and leaves the file as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-store-'));
    const file = join(dir, 'a.passerelle');
    const input = join(dir, 'fiches.json');
    const records = sampleRecords();
    await writeFile(input, JSON.stringify([records[0], { ...records[1], status: 'perdu' }]));
    expect(await main(['store', 'create', '--store', file], memoryIO(env).io)).toBe(0);
    const before = await readFile(file);
    const m = memoryIO(env);
    expect(await main(['store', 'add', input, '--store', file], m.io)).toBe(1);
    expect(m.err()).toContain('fiche PRE-2025-002');
    expect((await readFile(file)).equals(before)).toBe(true);
    const usage = memoryIO(env);
    expect(await main(['store', 'list'], usage.io)).toBe(2);
    expect(usage.err()).toContain('--store FICHIER');
    await writeFile(input, '\u00ff\u00fe pas du JSON');
    const notJson = memoryIO(env);
    expect(await main(['store', 'add', input, '--store', file], notJson.io)).toBe(2);
    expect(notJson.err()).toContain('n’est pas un JSON lisible');
    const broken = join(dir, 'broken.passerelle');
    await writeFile(broken, 'PASSERELLE/STORE\n\u0000\u0000');
    const bad = memoryIO(env);
    expect(await main(['store', 'list', '--store', broken], bad.io)).toBe(2);
    expect(bad.err()).toContain('n’est pas une sauvegarde Passerelle lisible');
  });
});
