/** Whatever the cells hold, an import accounts for every row below the header or says why it cannot. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGrid, readSpreadsheet, type CellValue } from '../../shared/import';
import { PasserelleError } from '../../shared/parcours';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '06 12 34 56 78',
    '31/02/2016',
    '3 avril 2015',
    'CE 1',
    'en cours',
    'Total',
    '=1+1',
  ),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
);
const header = ['Nom', 'Prénom', 'DDN', 'Classe', 'Statut', 'Tél', 'Remarques'];

describe('any grid', () => {
  it('gives every row below the header exactly one outcome', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }),
        async (rows) => {
          const result = await importGrid({ sheets: [{ name: 'Suivi', rows: [header, ...rows] }] });
          expect(result.report.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
          expect(result.records.length + result.badRows.length).toBe(
            result.report.rows.filter((r) => r.outcome !== 'skipped').length,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads arbitrary bytes into a grid or a PasserelleError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 0, maxLength: 400 }),
          // Zip and compound-file signatures followed by noise reach the workbook parsers.
          fc
            .tuple(
              fc.constantFrom(
                [0x50, 0x4b, 0x03, 0x04],
                [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
              ),
              fc.uint8Array({ maxLength: 600 }),
            )
            .map(([head, rest]) => new Uint8Array([...head, ...rest])),
        ),
        fc.constantFrom('a.csv', 'a.xlsx', 'a.xls', 'a.ods', 'a'),
        async (bytes, fileName) => {
          try {
            const grid = await readSpreadsheet(bytes, { fileName });
            expect(Array.isArray(grid.sheets)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(PasserelleError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
