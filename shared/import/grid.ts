/**
 * The one shape every reader produces and the importer consumes: sheets of
 * cell values, as an Excel selection read through the Office JavaScript API gives them
 * (`Range.values`, `Range.numberFormat`, dates as serial numbers).
 */
export type CellValue = string | number | boolean | null;

export interface MergedRange {
  /** 0-based first and last row and column, inclusive. */
  startRow: number;
  startColumn: number;
  endRow: number;
  endColumn: number;
}

export interface GridSheet {
  /** Sheet name; `null` for a CSV file or an unnamed selection. */
  name: string | null;
  rows: CellValue[][];
  /** Excel number format of each cell when known (`Range.numberFormat`). */
  numberFormats?: Array<Array<string | null>>;
  /** Merged ranges whose value sits in their top-left cell only. */
  merges?: MergedRange[];
  /** Row number the user sees for each row (CSV lines shift with quoted line breaks); default index + 1. */
  rowNumbers?: number[];
}

export interface Grid {
  sheets: GridSheet[];
}

/** A cell holds something the user typed. */
export function isFilled(value: CellValue | undefined): value is string | number | boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/**
 * Copies the top-left value of every merged range into its other cells. Below
 * `acrossUntilRow` only the range's first column is filled: a vertical merge
 * («École» over the children of one school) repeats a value, a horizontal one
 * (a note spread across the table) does not make it every column's value.
 */
export function fillMerges(sheet: GridSheet, acrossUntilRow = Infinity): CellValue[][] {
  if (!sheet.merges?.length) return sheet.rows;
  const rows = sheet.rows.map((row) => row.slice());
  for (const m of sheet.merges) {
    const value = rows[m.startRow]?.[m.startColumn] ?? null;
    if (!isFilled(value)) continue;
    for (let r = m.startRow; r <= m.endRow && r < rows.length; r++) {
      const row = rows[r]!;
      const last = r <= acrossUntilRow ? m.endColumn : m.startColumn;
      for (let c = m.startColumn; c <= last; c++) {
        if (!isFilled(row[c])) row[c] = value;
      }
    }
  }
  return rows;
}

export function userRowNumber(sheet: GridSheet, index: number): number {
  return sheet.rowNumbers?.[index] ?? index + 1;
}
