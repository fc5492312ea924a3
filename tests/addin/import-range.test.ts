import { describe, expect, it } from 'vitest';
import { importGrid } from '../../shared/import';
import { MemoryExcelHost } from '../../addin/hosts/excel';
import { codeColumnWrite, gridOfRange, sheetAddress } from '../../addin/taskpane/import-range';
import { sampleWorkbook } from '../../addin/taskpane/preview/sample-workbook';

describe('Excel range ↔ import grid', () => {
  it('keeps the sheet’s row numbers and merges for a range that does not start at A1', async () => {
    const host = new MemoryExcelHost(sampleWorkbook());
    await host.selectCell('Orientations 2026', 'B2:I5');
    const origin = gridOfRange(await host.readSelection());
    expect(origin.start).toEqual({ row: 1, column: 1 });
    expect(origin.grid.sheets[0]?.rowNumbers).toEqual([2, 3, 4, 5]);
    // The grid's column B is the sheet's column C (DDN).
    expect(sheetAddress('B4', origin)).toBe('C4');
    const sheet = gridOfRange(await host.readSheet('Orientations 2026'));
    expect(sheet.grid.sheets[0]?.merges).toEqual([
      { startRow: 0, startColumn: 0, endRow: 0, endColumn: 8 },
    ]);
  });

  it('writes the codes on their rows in the first free column, header on the header row', async () => {
    const host = new MemoryExcelHost(sampleWorkbook());
    const origin = gridOfRange(await host.readSheet('Orientations 2026'));
    const result = await importGrid(origin.grid, { today: '2026-09-15' });
    const write = codeColumnWrite(result, origin, await host.usedRange('Orientations 2026'));
    const codes = result.records.map((r) => r.record.code);
    expect(write).toEqual({ startCell: 'J2', values: ['Code parcours', codes[0], null, codes[1]] });
    await host.writeColumn('Orientations 2026', write.startCell, write.values);
    const after = await host.readSheet('Orientations 2026');
    expect(after.values.map((row) => row[9])).toEqual([
      '',
      'Code parcours',
      codes[0],
      '',
      codes[1],
    ]);
  });
});
