/** `passerelle import` and `export`, and spreadsheet caseloads for `--caseload`. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import type { ParcoursRecord } from '../../shared/parcours';
import { memoryIO } from '../helpers/memory-io';

const fixtures = 'tests/fixtures/import';

describe('passerelle import', () => {
  it('prints records, bad rows and mapping as JSON', async () => {
    const m = memoryIO();
    const code = await main(
      ['import', '--json', `${fixtures}/exemple-referentes-avignon.xlsx`],
      m.io,
    );
    expect(code).toBe(1);
    const json = JSON.parse(m.out());
    expect(Object.keys(json)).toEqual(['records', 'badRows', 'mapping']);
    expect(json.records).toHaveLength(12);
    expect(json.records[0].code).toBeUndefined();
    expect(json.badRows).toEqual([
      {
        sheet: 'Samir Khaldi',
        row: 7,
        reason: 'date de naissance impossible : 31/02/2016 (colonne Né(e) le)',
      },
    ]);
    expect(json.mapping['Né(e) le']).toBe('child.birthDate');
  });

  it('prints a French summary with the unrecognised columns', async () => {
    const m = memoryIO();
    expect(await main(['import', `${fixtures}/exemple-suivi-pissevin.xlsx`], m.io)).toBe(0);
    expect(m.out()).toContain('12 fiches lues');
    expect(m.out()).toContain('colonne O « Transport »');
  });

  it('reads one sheet, and says which sheets exist when the name is wrong', async () => {
    const m = memoryIO();
    await main(
      [
        'import',
        '--json',
        '--sheet',
        'aurelie fabre',
        `${fixtures}/exemple-referentes-avignon.xlsx`,
      ],
      m.io,
    );
    expect(JSON.parse(m.out()).records).toHaveLength(6);
    const bad = memoryIO();
    expect(
      await main(
        ['import', '--sheet', 'Karima', `${fixtures}/exemple-referentes-avignon.xlsx`],
        bad.io,
      ),
    ).toBe(2);
    expect(bad.err()).toContain('« Samir Khaldi »');
  });

  it('writes a copy with the codes, then matches the same children as updates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-import-'));
    const copy = join(dir, 'avec-codes.csv');
    const m = memoryIO();
    await main(['import', '--write-codes', copy, `${fixtures}/exemple-export-1252.csv`], m.io);
    const text = await readFile(copy, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/;Code parcours$/);
    const again = memoryIO();
    await main(['import', '--caseload', copy, `${fixtures}/exemple-export-1252.csv`], again.io);
    expect(again.out()).toContain('(0 nouvelle, 10 mises à jour)');
  });

  it('exports a caseload as internal and shared tables', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-export-'));
    const m = memoryIO();
    expect(
      await main(
        ['export', `${fixtures}/caseload-anon.csv`, '--out', join(dir, 'p.csv'), '--shared'],
        m.io,
      ),
    ).toBe(0);
    const shared = await readFile(join(dir, 'p.csv'), 'utf8');
    expect(shared).toContain('Code parcours');
    expect(shared).not.toContain('MEZIANE');
  });
});

describe('spreadsheet caseloads (--caseload)', () => {
  it('reads a French Excel CSV caseload, with codes in file order', async () => {
    const m = memoryIO();
    expect(await main(['caseload', '--json', `${fixtures}/caseload-anon.csv`], m.io)).toBe(0);
    const { records } = JSON.parse(m.out()) as { records: ParcoursRecord[] };
    expect(records.length).toBeGreaterThan(10);
    expect(records[0]!.child).toMatchObject({
      lastName: 'MEZIANE',
      firstName: 'Rayane',
      birthDate: '2015-06-14',
    });
    expect(records[0]!.guardians).toEqual([{ lastName: 'MEZIANE', firstName: 'Karima' }]);
    const sequence = records.map((r) => Number(r.code.slice(-3)));
    expect(sequence).toEqual(sequence.map((_, i) => sequence[0]! + i));
  });
});
