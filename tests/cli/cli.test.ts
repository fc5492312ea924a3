import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { memoryIO } from '../helpers/memory-io';

const sample = 'shared/samples/suivi-exemple.json';

describe('passerelle command', () => {
  it('prints French help and exits 0 with --help', async () => {
    const m = memoryIO();
    expect(await main(['--help'], m.io)).toBe(0);
    expect(m.out()).toContain('Usage : passerelle <commande> [options]');
    expect(m.out()).toContain('caseload');
  });

  it('prints the version', async () => {
    const m = memoryIO();
    expect(await main(['--version'], m.io)).toBe(0);
    expect(m.out()).toMatch(/^passerelle \d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with exit 2 and a French hint', async () => {
    const m = memoryIO();
    expect(await main(['envoyer'], m.io)).toBe(2);
    expect(m.err()).toContain('commande inconnue « envoyer »');
    expect(m.err()).toContain('passerelle --help');
  });

  it('rejects an unknown option with exit 2', async () => {
    const m = memoryIO();
    expect(await main(['caseload', '--frobnicate', sample], m.io)).toBe(2);
    expect(m.err()).toContain('option non reconnue ou incomplète « --frobnicate »');
  });

  it('prints a subcommand help', async () => {
    const m = memoryIO();
    expect(await main(['caseload', '--help'], m.io)).toBe(0);
    expect(m.out()).toContain('Usage : passerelle caseload');
    expect(m.out()).toContain('--json');
  });

  it('lists the bundled sample caseload', async () => {
    const m = memoryIO();
    expect(await main(['caseload', sample], m.io)).toBe(0);
    expect(m.out()).toContain('PRE-2025-001');
    expect(m.out()).toContain('En attente d’EPS');
    expect(m.out()).toContain('8 fiches valides.');
  });

  it('reports invalid records field by field with exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-'));
    const file = join(dir, 'file-active.json');
    await writeFile(
      file,
      JSON.stringify({
        records: [
          {
            id: '0f8fad5b-d9cb-469f-a165-70867728950e',
            code: 'PRE-2025-001',
            child: { lastName: 'A', firstName: 'B', birthDate: '2016-02-31' },
          },
          {
            id: '0f8fad5b-d9cb-469f-a165-70867728950f',
            code: 'PRE-2025-002',
            child: { firstName: 'C', grade: 'CE7' },
          },
        ],
      }),
    );
    const m = memoryIO();
    expect(await main(['caseload', '--json', file], m.io)).toBe(1);
    expect(JSON.parse(m.out())).toEqual({ records: [] });
    expect(m.err()).toContain('fiche PRE-2025-001 — Date de naissance : date invalide');
    expect(m.err()).toContain('fiche PRE-2025-002 — Nom : champ obligatoire manquant');
    expect(m.err()).toContain('fiche PRE-2025-002 — Classe : valeur inconnue « CE7 »');
  });

  it('says in French when the file is missing or not JSON', async () => {
    const missing = memoryIO();
    expect(await main(['caseload', 'nulle-part.json'], missing.io)).toBe(2);
    expect(missing.err()).toBe(
      'Erreur : Fichier nulle-part.json : fichier introuvable : vérifiez le chemin « nulle-part.json ».',
    );
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-'));
    const file = join(dir, 'abime.json');
    await writeFile(file, Buffer.from([0x7b, 0xff, 0xfe]));
    const broken = memoryIO();
    expect(await main(['caseload', file], broken.io)).toBe(2);
    expect(broken.err()).toContain('le fichier n’est pas un JSON lisible en UTF-8');
  });
});

describe('the installed bin', () => {
  it('answers `npx --no-install passerelle --help` in French', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'passerelle', '--help'], {
      encoding: 'utf8',
    });
    expect(stdout).toContain('Passerelle — outil local et confidentiel');
  }, 60_000);
});
