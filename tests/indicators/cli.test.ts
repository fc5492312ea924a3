/** `passerelle bilan`: terminal report, JSON, workbook read back with SheetJS, store file, errors. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { computeBilan, schoolYearPeriod, type Bilan } from '../../shared/indicators';
import { FIXTURE, fixtureRecords, memoryIO } from './helpers';

async function run(args: string[], env: Record<string, string> = {}) {
  const m = memoryIO(env);
  const code = await main(['bilan', ...args], m.io);
  return { code, out: m.out(), err: m.err() };
}

const sheetRows = (workbook: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1, defval: '' });

describe('passerelle bilan', () => {
  it('prints a French report with key figures, tables, warnings and the quality list', async () => {
    const { code, out } = await run(['--annee', '2025-2026', '--caseload', FIXTURE]);
    expect(code).toBe(0);
    expect(out).toContain('Bilan du PRE — année scolaire 2025-2026 — usage interne');
    expect(out).toContain('Enfants en parcours : 7 enfants');
    expect(out).toContain('Part de sorties positives : 66,7 %');
    expect(out).toMatch(/17 ans et plus\s+1\s+14,3 %\s+1,5 %/);
    expect(out).toContain(
      'Qualité des données : 9 point(s) à corriger sur 5 fiche(s), dont 2 écartant une fiche du bilan.',
    );
    expect(out).toContain('PRE-2025-008 (consentDate)');
    expect(out).not.toContain('GARNIER');
  });

  it('--json gives the whole structure, equal to the core’s', async () => {
    const { out } = await run(['--annee', '2025-2026', '--caseload', FIXTURE, '--json']);
    const expected = computeBilan(fixtureRecords(), schoolYearPeriod('2025-2026'));
    expect(JSON.parse(out) as Bilan).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('--xlsx writes one sheet per table, quality and rules; read back it matches the figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-bilan-'));
    const file = join(dir, 'bilan.xlsx');
    const { code, out } = await run([
      '--annee',
      '2025-2026',
      '--caseload',
      FIXTURE,
      '--xlsx',
      file,
    ]);
    expect(code).toBe(0);
    expect(out).toContain('15 feuilles');
    const workbook = XLSX.read(await readFile(file));
    expect(workbook.SheetNames).toEqual([
      'Chiffres clés',
      'Sexe',
      'Âge',
      'Classe',
      'Type d’établissement',
      'Quartier',
      'Commune',
      'Orientation',
      'Motifs',
      'Sorties par motif',
      'Sorties et objectifs',
      'Actions par domaine',
      'Actions par financement',
      'Qualité des données',
      'Règles de calcul',
    ]);
    const age = sheetRows(workbook, 'Âge');
    expect(age[0]).toEqual(['Enfants en parcours par tranche d’âge', '', '', '', '']);
    expect(age[3]).toEqual([
      'Enfants',
      'Effectif',
      'Part',
      'Part nationale (ANCT 2021)',
      'Codes parcours',
    ]);
    // Counts are numbers Excel can chart: 2-5 → 1 (2025-014), 6-10 → 2, 11-16 → 2, 17+ → 1, unknown 1.
    expect(age.slice(4, 10).map((r) => r[1])).toEqual([1, 2, 2, 1, 1, 7]);
    expect(age[4]![4]).toBe('PRE-2025-014');
    const quality = sheetRows(workbook, 'Qualité des données');
    expect(quality[3]).toEqual(['Code parcours', 'Champ', 'Gravité', 'Problème']);
    expect(quality.slice(4).map((r) => r[0])).toEqual([
      'PRE-2025-008',
      'PRE-2025-016',
      'PRE-2025-003',
      'PRE-2025-005',
      'PRE-2025-005',
      'PRE-2025-005',
      'PRE-2025-005',
      'PRE-2025-005',
      'PRE-2025-009',
    ]);
    const rules = sheetRows(workbook, 'Règles de calcul');
    expect(rules.some((r) => String(r[1]).startsWith('L’âge est pris au premier jour'))).toBe(true);
    const keys = sheetRows(workbook, 'Chiffres clés');
    expect(keys.find((r) => r[0] === 'Taux de refus des familles')![1]).toBe('14,3 %');
  });

  it('--diffusion externe masks small counts and leaves out codes and the quality sheet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-bilan-'));
    const file = join(dir, 'bilan-externe.xlsx');
    const args = ['--annee', '2025-2026', '--caseload', FIXTURE, '--diffusion', 'externe'];
    expect((await run([...args, '--xlsx', file])).code).toBe(0);
    const workbook = XLSX.read(await readFile(file));
    expect(workbook.SheetNames).not.toContain('Qualité des données');
    const sex = sheetRows(workbook, 'Sexe');
    expect(sex.slice(4, 7).map((r) => r[1])).toEqual(['< 5', '< 5', 7]);
    for (const name of workbook.SheetNames) {
      expect(JSON.stringify(sheetRows(workbook, name))).not.toMatch(/PRE-20\d\d-/);
    }
    // --seuil 3: the 4 girls show, the 3 boys too.
    const json = JSON.parse((await run([...args, '--seuil', '3', '--json'])).out);
    expect(json.view.tables[0].rows.slice(0, 2)).toEqual([
      ['Fille', '4', '57,1 %', '42 %'],
      ['Garçon', '3', '42,9 %', '58 %'],
    ]);
    expect(JSON.stringify(json)).not.toMatch(/PRE-20\d\d-/);
  });

  it('reads an encrypted store file with --store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-bilan-'));
    const store = join(dir, 'file-active.passerelle');
    const input = join(dir, 'fiches.json');
    // Two records only: the store would merge the re-entering child's two parcours into one.
    const two = fixtureRecords().filter((r) => ['PRE-2025-004', 'PRE-2025-015'].includes(r.code));
    await writeFile(input, JSON.stringify({ records: two }));
    const env = { PASSERELLE_PASSPHRASE: 'phrase de passe du bilan' };
    expect(await main(['store', 'create', '--store', store], memoryIO(env).io)).toBe(0);
    expect(await main(['store', 'add', input, '--store', store], memoryIO(env).io)).toBe(0);
    const { code, out } = await run(['--annee', '2025-2026', '--store', store, '--json'], env);
    expect(code).toBe(0);
    const bilan = JSON.parse(out) as Bilan;
    // Both exited in the year: 2025-004 (not reached) and 2025-015 (complete) → 1 positive of 2.
    expect(bilan.keyFigures.find((f) => f.id === 'sorties-positives')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect((await run(['--annee', '2025-2026', '--store', store])).err).toContain(
      'PASSERELLE_PASSPHRASE',
    );
  });

  it('--regles prints the counting rules; --etp sets the full-time référents', async () => {
    expect((await run(['--annee', '2025-2026', '--caseload', FIXTURE, '--regles'])).out).toContain(
      'Parcours à cheval sur deux années scolaires',
    );
    const { out } = await run(['--annee', '2025-2026', '--caseload', FIXTURE, '--etp', '0,5']);
    expect(out).toContain(
      'Enfants par référent à temps plein : 14 enfants (7 enfants ÷ 0,5 référents en ETP (indiqué))',
    );
  });

  it('explains every usage mistake in French with exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--caseload', FIXTURE], /--annee 2025-2026/],
      [['--annee', '2025', '--caseload', FIXTURE], /non reconnue/],
      [['--annee', '2025-2026'], /--store FICHIER/],
      [['--annee', '2025-2026', '--caseload', FIXTURE, '--seuil', '3'], /--diffusion externe/],
      [['--annee', '2025-2026', '--caseload', FIXTURE, '--diffusion', 'publique'], /interne/],
      [['--annee', '2025-2026', '--caseload', FIXTURE, '--etp', 'deux'], /nombre positif/],
      [
        ['--annee', '2025-2026', '--caseload', FIXTURE, '--json', '--xlsx', 'x.xlsx'],
        /pas les deux/,
      ],
      [['--du', '2026-06-30', '--au', '2026-01-01', '--caseload', FIXTURE], /période invalide/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
    }
  });

  it('reports invalid records of the file and leaves them out (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-bilan-'));
    const file = join(dir, 'fiches.json');
    const records = fixtureRecords();
    await writeFile(
      file,
      JSON.stringify({ records: [...records, { code: 'PRE-2025-099', child: {} }] }),
    );
    const { code, out, err } = await run(['--annee', '2025-2026', '--caseload', file]);
    expect(code).toBe(1);
    expect(out).toContain('Enfants en parcours : 7 enfants');
    expect(err).toContain('PRE-2025-099');
  });
});
