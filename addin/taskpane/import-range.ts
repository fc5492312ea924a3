/**
 * Between an Excel range and the core importer: the range as an import grid
 * (row numbers and merges as the sheet has them), a cell of that grid back to
 * its sheet address, and the «Code parcours» column to write next to the
 * sheet's data. Pure: the import view does the Excel calls.
 */
import type { Grid, ImportResult, MergedRange } from '../../shared/import';
import {
  columnLetters,
  parseRange,
  type CellRect,
  type SheetRange,
  type WritableCell,
} from '../hosts/excel';

export interface RangeOrigin {
  sheetName: string;
  /** Where the range starts in its sheet (0-based). */
  start: { row: number; column: number };
  grid: Grid;
}

const CODE_HEADER = 'Code parcours';

export function gridOfRange(range: SheetRange): RangeOrigin {
  const rect: CellRect = parseRange(range.address) ?? {
    row: 0,
    column: 0,
    rowCount: 0,
    columnCount: 0,
  };
  const merges: MergedRange[] = [];
  for (const area of range.mergedAreas) {
    const m = parseRange(area);
    if (!m) continue;
    merges.push({
      startRow: m.row - rect.row,
      startColumn: m.column - rect.column,
      endRow: m.row - rect.row + m.rowCount - 1,
      endColumn: m.column - rect.column + m.columnCount - 1,
    });
  }
  return {
    sheetName: range.sheetName,
    start: { row: rect.row, column: rect.column },
    grid: {
      sheets: [
        {
          name: range.sheetName,
          rows: range.values,
          numberFormats: range.numberFormats,
          merges,
          rowNumbers: range.values.map((_, i) => rect.row + i + 1),
        },
      ],
    },
  };
}

/**
 * A cell address given by the importer (column letter within the range, row
 * as the sheet numbers it) → its address in the sheet.
 */
export function sheetAddress(address: string, origin: RangeOrigin): string {
  const cell = parseRange(address);
  if (!cell) return address;
  return `${columnLetters(cell.column + origin.start.column)}${cell.row + 1}`;
}

/**
 * The codes column: header on the header row, each imported row's code on
 * its row, in the first column right of the sheet's used range.
 */
export function codeColumnWrite(
  result: ImportResult,
  origin: RangeOrigin,
  usedRange: string | null,
): { startCell: string; values: WritableCell[] } {
  const used = usedRange ? parseRange(usedRange) : null;
  const column = used ? used.column + used.columnCount : origin.start.column;
  const headerRow = result.mapping[0]?.headerRow ?? origin.start.row + 1;
  const codes = new Map(result.records.map((r) => [r.row, r.record.code]));
  const lastRow = Math.max(headerRow, ...codes.keys());
  const values: WritableCell[] = [CODE_HEADER];
  for (let row = headerRow + 1; row <= lastRow; row++) values.push(codes.get(row) ?? null);
  return { startCell: `${columnLetters(column)}${headerRow}`, values };
}
