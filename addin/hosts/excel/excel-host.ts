/**
 * What the Excel views need from Excel, and nothing else: views know only
 * this interface; `office-excel-host.ts` implements it with Office.js and
 * `memory-excel-host.ts` with a small workbook model (preview and tests).
 * Addresses are A1 references without the sheet name (`B2:D10`).
 */

import type { NewReport, WrittenReport } from './report';

/** A cell as Excel gives it: dates come as serial numbers with a date number format. */
export type CellValue = string | number | boolean;

export interface SheetRange {
  sheetName: string;
  /** The range read, e.g. `A1:F40`; an empty sheet reads as `A1` with no rows. */
  address: string;
  /** Rows of cells; merged cells hold their value in the top-left cell and `''` elsewhere. */
  values: CellValue[][];
  /** Excel number format of each cell (`General`, `dd/mm/yyyy`, `@`…), same shape as `values`. */
  numberFormats: string[][];
  /** Merged areas inside the range, e.g. `['A2:A4']`. */
  mergedAreas: string[];
}

/**
 * A cell to write: a date is given as ISO `YYYY-MM-DD` and written as a real
 * Excel date; a share (0–1) is written as a number shown as a percentage.
 */
export type WritableCell = string | number | boolean | null | { date: string } | { share: number };

export interface NewTable {
  /** Wanted sheet name; a number is added when the workbook already has it. */
  sheetName: string;
  headers: string[];
  rows: WritableCell[][];
  /** Excel table style, `TableStyleMedium2` by default. */
  style?: string;
}

export interface WrittenTable {
  sheetName: string;
  /** The table with its header row, e.g. `A1:G31`. */
  address: string;
}

export interface ExcelHost {
  /** The selected range of the active sheet. */
  readSelection(): Promise<SheetRange>;
  /** The Excel table holding the active cell, or null when it is not in a table. */
  readCurrentTable(): Promise<SheetRange | null>;
  /** The used range of a sheet (by name); a PasserelleError when the sheet does not exist. */
  readSheet(sheetName: string): Promise<SheetRange>;
  /** Sheet names in workbook order. */
  listSheets(): Promise<string[]>;
  /** Address of a sheet's used range (values only), or null for an empty sheet. */
  usedRange(sheetName: string): Promise<string | null>;
  /** Writes a formatted Excel table into a new sheet and activates it. */
  writeTable(table: NewTable): Promise<WrittenTable>;
  /** Writes values downwards from `startCell` (e.g. a «Code parcours» column). */
  writeColumn(sheetName: string, startCell: string, values: WritableCell[]): Promise<void>;
  /** Activates the sheet and selects the cell, e.g. to show a faulty cell. */
  selectCell(sheetName: string, address: string): Promise<void>;
  /** Writes a report (title, captioned tables, native charts) into a new sheet and activates it. */
  writeReport(report: NewReport): Promise<WrittenReport>;
}

/** Number format written for date cells (Excel's locale-independent code: shown as 12/05/2014 in French Excel). */
export const dateNumberFormat = 'dd/mm/yyyy';
/** Locale-independent code: French Excel shows 0,125 as «12,5 %». */
export const shareNumberFormat = '0.0%';
export const defaultTableStyle = 'TableStyleMedium2';
/** Excel caps sheet names at 31 characters and forbids these characters. */
export const sheetNameLimit = 31;
const forbiddenSheetCharacters = /[\\/?*[\]:]/g;

/** A sheet name Excel accepts and that the workbook does not use yet. */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const base =
    wanted.replace(forbiddenSheetCharacters, ' ').trim().slice(0, sheetNameLimit) || 'Feuille';
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, sheetNameLimit - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
