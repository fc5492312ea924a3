import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesIndexFromPeople } from '../../shared/anonymisation';
import { exportTable } from '../../shared/import';
import { peopleFromRecords, type ParcoursRecord } from '../../shared/parcours';
import { groupFindings } from '../../shared/ui';
import {
  headerRowIndex,
  pseudonymiseSheet,
  scanSheet,
  sharedTableProblems,
  type SheetCell,
} from '../../shared/sheets';

const records = (
  JSON.parse(readFileSync('tests/fixtures/store/suivi-exemple.json', 'utf8')) as {
    records: ParcoursRecord[];
  }
).records;
const referents = [...new Set(records.flatMap((r) => (r.referent ? [r.referent] : [])))];
const names = namesIndexFromPeople(peopleFromRecords(records), { professionals: referents });
const cellName = (row: number, column: number) => `${String.fromCharCode(65 + column)}${row + 1}`;
const first = records[0]!;

/** A team's contact sheet: one known child, one family nobody knows, a phone, a note. */
const grid: SheetCell[][] = [
  ['Nom', 'Prénom', 'Date de naissance', 'Téléphone', 'École', 'Remarque', 'Référent'],
  [
    first.child.lastName,
    first.child.firstName,
    { date: '2014-05-12' },
    '06 12 34 56 78',
    'École Jean Moulin',
    'RAS',
    'Sonia Martel',
  ],
  ['Zarkovitch', 'Elvire', null, '', '', 'bilan orthophonique en cours', 'Karim Haddad'],
];

describe('scanning a sheet cell by cell', () => {
  const found = scanSheet(grid, { names, headerRow: true, cellName });

  it('finds the known child with its code, in its cells', () => {
    const child = found.filter((f) => f.person === first.code && f.type === 'PERSONNE');
    expect(child.map((f) => f.cell).sort()).toEqual(['A2', 'B2']);
    expect(child.every((f) => f.beneficiary)).toBe(true);
  });

  it('takes an unknown name in a «Nom» column for a person, from the header alone', () => {
    const unknown = found.filter((f) => f.cell === 'A3');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ type: 'PERSONNE', direct: true, beneficiary: true });
    expect(unknown[0]!.reason).toContain('colonne');
  });

  it('gives a row’s phone to the person the row names', () => {
    expect(found.find((f) => f.cell === 'D2')).toMatchObject({
      person: first.code,
      beneficiary: true,
    });
    expect(found.find((f) => f.cell === 'A3')?.person).toBe('Personne non suivie (ligne 3)');
  });

  it('reports birth dates by column and phones, never the header row', () => {
    expect(found.find((f) => f.cell === 'C2')?.type).toBe('DATE_NAISSANCE');
    expect(found.find((f) => f.cell === 'D2')?.type).toBe('TELEPHONE');
    expect(found.some((f) => f.row === 0)).toBe(false);
  });

  it('takes names in the «Référent» column for professionals, not children', () => {
    const referent = found.filter((f) => f.column === 6);
    expect(referent.length).toBeGreaterThan(0);
    expect(referent.some((f) => f.beneficiary)).toBe(false);
  });

  it('never carries the value found', () => {
    const text = JSON.stringify(found);
    for (const value of [first.child.lastName, 'Zarkovitch', 'Elvire', '06 12 34 56 78'])
      expect(text).not.toContain(value);
  });

  it('groups findings by person then by type', () => {
    const groups = groupFindings(found);
    const child = groups.find((g) => g.person === first.code);
    expect(child?.types.map((t) => t.type)).toEqual(['PERSONNE', 'TELEPHONE']);
    expect(child?.types[0]?.findings).toHaveLength(2);
    expect(new Set(groups.map((g) => g.person)).size).toBe(groups.length);
  });
});

describe('the shared version check', () => {
  it('lets the shared export of the caseload through', () => {
    const table = exportTable(records, { version: 'shared' });
    expect(sharedTableProblems(table.headers, table.rows, { names, cellName })).toEqual([]);
  });

  it('blocks the internal export and says which kinds and cells, without values', () => {
    const table = exportTable(records, { version: 'internal' });
    const problems = sharedTableProblems(table.headers, table.rows, { names, cellName });
    const kinds = new Set(problems.map((p) => p.type));
    expect(kinds.has('PERSONNE')).toBe(true);
    expect(kinds.has('TELEPHONE')).toBe(true);
    expect(problems.some((p) => p.cell === 'B2')).toBe(true);
    expect(JSON.stringify(problems)).not.toContain(first.child.lastName);
  });
});

describe('a pseudonymised copy of a sheet', () => {
  const copy = pseudonymiseSheet(grid, { names, headerRow: true });

  it('writes codes for known children, placeholders for the others, no name nor contact', () => {
    const text = JSON.stringify(copy.values);
    for (const value of [
      first.child.lastName,
      first.child.firstName,
      'Zarkovitch',
      'Elvire',
      '06 12',
    ])
      expect(text).not.toContain(value);
    expect(copy.values[0]).toEqual(grid[0]);
    expect(String(copy.values[1]![1])).toContain(first.code);
    expect(String(copy.values[2]![0])).toMatch(/^\[/);
    expect(copy.values[1]![2]).not.toEqual(grid[1]![2]);
    expect(copy.codes).toEqual([first.code]);
  });

  it('says it is pseudonymised, not anonymous, and lists the residual risks', () => {
    expect(copy.residualRisks[0]).toMatch(/pseudonymisée, pas anonyme/);
    expect(copy.residualRisks[0]).toContain('santé');
    expect(copy.residualRisks.join(' ')).not.toContain('anonymisé');
  });
});

describe('the header row of a sheet', () => {
  it('skips a merged title row above the headers', () => {
    expect(
      headerRowIndex([
        ['Suivi PRE 2025-2026', '', ''],
        ['Code', 'Nom', 'Prénom'],
        ['PRE-2025-001', 'X', 'Y'],
      ]),
    ).toBe(1);
    expect(headerRowIndex(grid)).toBe(0);
    expect(headerRowIndex([])).toBe(0);
  });
});
