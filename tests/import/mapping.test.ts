/** Header matching, header-row detection, guardian grouping and remembered corrections. */
import { describe, expect, it } from 'vitest';
import {
  importGrid,
  matchHeader,
  readSpreadsheet,
  type CellValue,
  type Grid,
} from '../../shared/import';
import type { MappingMemory } from '../../shared/parcours';

const grid = (rows: CellValue[][], name: string | null = 'Suivi', extra = {}): Grid => ({
  sheets: [{ name, rows, ...extra }],
});

describe('matchHeader', () => {
  it.each([
    ['NOM', 'child.lastName', 1],
    ['Né(e) le', 'child.birthDate', 1],
    ['date de naissance', 'child.birthDate', 1],
    ['Date de naisance', 'child.birthDate', undefined],
    ['Date de naissance (jj/mm/aaaa)', 'child.birthDate', undefined],
    ['Classe de l’enfant', 'child.grade', undefined],
    ['Tél. mère', 'guardians[].phone', undefined],
    ['Téléphones', 'guardians[].phone', undefined],
    ['Nom du responsable 2', 'guardians[].lastName', undefined],
    ['Statuts', 'status', undefined],
    ['Nom et prénom', 'child.fullName', undefined],
  ])('%s → %s', (header, key, confidence) => {
    const match = matchHeader(header);
    expect(match?.key).toBe(key);
    if (confidence) expect(match?.confidence).toBe(confidence);
    else expect(match!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('names the relation a guardian header gives', () => {
    expect(matchHeader('Nom de la mère')?.relation).toBe('mere');
    expect(matchHeader('Prénom du père')?.relation).toBe('pere');
    expect(matchHeader('Nom du responsable')?.relation).toBeUndefined();
  });

  it('leaves unknown headers unmatched', () => {
    expect(matchHeader('Transport')).toBeUndefined();
    expect(matchHeader('N° dossier CAF interne')?.key).not.toBe('child.lastName');
  });
});

describe('sheet layout', () => {
  it('finds the header below titles and blank rows, and skips totals and notes', async () => {
    const result = await importGrid(
      grid([
        ['PRE de Nîmes – suivi 2025/2026'],
        [],
        ['Nom', 'Prénom', 'DDN', 'Classe', 'Transport'],
        ['ROCHE', 'Marius', '02/01/2012', 'CE 1', 'bus'],
        [],
        ['TOTAL', 1],
        ['* Légende : les enfants en gras sont sortis du dispositif'],
      ]),
      { today: '2026-01-15' },
    );
    expect(result.mapping[0]!.headerRow).toBe(3);
    expect(result.records).toHaveLength(1);
    expect(result.badRows).toEqual([]);
    expect(result.unmappedColumns).toEqual([{ sheet: 'Suivi', column: 'E', header: 'Transport' }]);
    expect(result.report.rows.map((r) => [r.row, r.outcome])).toEqual([
      [4, 'imported'],
      [5, 'skipped'],
      [6, 'skipped'],
      [7, 'skipped'],
    ]);
  });

  it('groups guardian columns per guardian, with the relation of a group row above', async () => {
    const result = await importGrid(
      grid(
        [
          ['ENFANT', 'ENFANT', 'MÈRE', 'MÈRE', 'PÈRE', 'PÈRE'],
          ['Nom', 'Prénom', 'Nom', 'Téléphone', 'Nom', 'Téléphone'],
          ['ROCHE', 'Marius', 'ROCHE', '06 12 34 56 78', 'DURAND', '07 12 34 56 78'],
        ],
        'Suivi',
      ),
    );
    expect(result.records[0]!.stated.child).toEqual({ lastName: 'ROCHE', firstName: 'Marius' });
    expect(result.records[0]!.stated.guardians).toEqual([
      { lastName: 'ROCHE', phone: '+33612345678', relation: 'mere' },
      { lastName: 'DURAND', phone: '+33712345678', relation: 'pere' },
    ]);
  });

  it('splits a full-name column and fills merged cells', async () => {
    const result = await importGrid(
      grid(
        [
          ['Nom Prénom', 'École', 'Date de naissance'],
          ['ROCHE Marius', 'École Jean Zay', 41000],
          ['Lina DURAND', null, 41500],
        ],
        'Suivi',
        { merges: [{ startRow: 1, startColumn: 1, endRow: 2, endColumn: 1 }] },
      ),
    );
    expect(result.records.map((r) => r.stated.child)).toEqual([
      { lastName: 'ROCHE', firstName: 'Marius', school: 'École Jean Zay', birthDate: '2012-04-01' },
      { lastName: 'DURAND', firstName: 'Lina', school: 'École Jean Zay', birthDate: '2013-08-14' },
    ]);
  });

  it('takes the sheet name as référent, and skips sheets without children', async () => {
    const result = await importGrid({
      sheets: [
        {
          name: 'Karima',
          rows: [
            ['Nom', 'Prénom'],
            ['ROCHE', 'Marius'],
          ],
        },
        {
          name: 'Listes',
          rows: [
            ['Référentes', 'Statuts'],
            ['Karima', 'en cours'],
          ],
        },
      ],
    });
    expect(result.records[0]!.stated.referent).toBe('Karima');
    expect(result.report.skippedSheets.map((s) => s.sheet)).toEqual(['Listes']);
  });

  it('applies the user’s corrections and remembers them per header signature', async () => {
    const stored = new Map<string, Record<string, string>>();
    const memory: MappingMemory = {
      recall: async (signature) => stored.get(signature),
      remember: async (signature, mapping) => void stored.set(signature, mapping),
    };
    const rows: CellValue[][] = [
      ['Nom', 'Prénom', 'Suivi EPS', 'Transport'],
      ['ROCHE', 'Marius', '16/01/2025', 'bus'],
    ];
    const first = await importGrid(grid(rows), {
      mappingMemory: memory,
      mappingOverrides: { 'Suivi EPS': 'epsDates', Transport: null },
    });
    expect(first.records[0]!.stated.epsDates).toEqual(['2025-01-16']);
    const again = await importGrid(grid(rows), { mappingMemory: memory });
    expect(again.records[0]!.stated.epsDates).toEqual(['2025-01-16']);
    expect(again.mapping[0]!.columns.find((c) => c.header === 'Suivi EPS')?.origin).toBe('memory');
  });
});

describe('merged cells below the header', () => {
  it('repeat a vertical merge but not a note merged across the table', async () => {
    const result = await importGrid(
      grid(
        [
          ['Nom', 'Prénom', 'École'],
          ['ROCHE', 'Marius', 'École Jean Zay'],
          ['PONS', 'Côme', null],
          ['Famille relogée', null, null],
        ],
        'Suivi',
        {
          merges: [
            { startRow: 1, startColumn: 2, endRow: 2, endColumn: 2 },
            { startRow: 3, startColumn: 0, endRow: 3, endColumn: 2 },
          ],
        },
      ),
    );
    expect(result.records.map((r) => r.stated.child.school)).toEqual([
      'École Jean Zay',
      'École Jean Zay',
    ]);
    expect(result.badRows.map((b) => [b.row, b.reason])).toEqual([[4, 'prénom manquant']]);
  });
});

describe('rows around the table', () => {
  it('skips numbered empty rows, keeps surnames that look like totals, reads starred headers', async () => {
    const result = await importGrid(
      grid([
        ['N°', 'Nom*', 'Prénom*', 'Date de naissance*'],
        [1, 'SOMME', 'Léa', '03/04/2015'],
        [2, 'Nombret', 'Ali', '04/04/2015'],
        [3, null, null, null],
        ['Total', 2, null, null],
      ]),
    );
    expect(result.records.map((r) => r.stated.child.lastName)).toEqual(['SOMME', 'Nombret']);
    expect(result.report.rows.map((r) => (r.outcome === 'skipped' ? r.reason : r.outcome))).toEqual(
      ['imported', 'imported', 'aucune donnée dans les colonnes reconnues', 'ligne de total'],
    );
  });

  it('takes the last name from a whole-name column beside a first-name column', async () => {
    const result = await importGrid(
      grid([
        ['Enfant', 'Prénom'],
        ['ROCHE Marius', 'Marius'],
      ]),
    );
    expect(result.records[0]!.stated.child).toEqual({ lastName: 'ROCHE', firstName: 'Marius' });
  });
});

describe('header spellings', () => {
  it.each([
    ['D.D.N.', 'child.birthDate'],
    ['Etat du suivi', 'status'],
    ['EPS 1', 'epsDates'],
    ['Adresse de la famille', 'guardians[].address'],
  ])('%s → %s', (header, key) => expect(matchHeader(header)?.key).toBe(key));

  it('does not take «Code postal» for the parcours code', () => {
    expect(matchHeader('Code postal')?.key).not.toBe('code');
  });
});

describe('repeated name columns and Excel hints', () => {
  it('reads a second «Nom | Prénom» pair as a guardian', async () => {
    const result = await importGrid(
      grid([
        ['Nom', 'Prénom', 'Classe', 'Nom', 'Prénom', 'Tél'],
        ['ROCHE', 'Marius', 'CP', 'ROCHE', 'Pascale', '0612345678'],
      ]),
    );
    expect(result.records[0]!.stated.child).toEqual({
      lastName: 'ROCHE',
      firstName: 'Marius',
      grade: 'CP',
    });
    expect(result.records[0]!.stated.guardians).toEqual([
      { lastName: 'ROCHE', firstName: 'Pascale', phone: '+33612345678' },
    ]);
  });

  it('honours a «sep=» first line', async () => {
    const csv = new TextEncoder().encode('sep=,\r\nNom,Prénom;x\r\nROCHE,Marius;y\r\n');
    const result = await importGrid(await readSpreadsheet(csv, { fileName: 'a.csv' }));
    expect(result.records[0]!.stated.child).toEqual({ lastName: 'ROCHE', firstName: 'Marius;y' });
    expect(result.records[0]!.row).toBe(3);
  });
});
