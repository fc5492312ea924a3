/**
 * shared/import — caseload spreadsheets → parcours records, and back.
 *
 * Reads .xlsx (its own single-pass reader), .xls/.ods (SheetJS) and CSV/TSV
 * (PapaParse, encoding and separator detected) into one grid shape — the shape an Excel selection read
 * through the Office JavaScript API gives — after safety checks (size, zip bombs, fake
 * workbooks). `importGrid` finds the header row, maps columns to the data
 * dictionary, coerces cells with the normalisers of `shared/parcours`,
 * matches children with the caseload (`CaseloadLookup`) and remembers mapping
 * corrections (`MappingMemory`). `exportRecords` writes clean tables
 * (internal or shared version), `writeCodesBack` adds the assigned codes to
 * the original file. Needs `shared/parcours`, `shared/zip`, SheetJS, PapaParse, iconv-lite;
 * no DOM, no network; runs in Node and browsers.
 */
export type { CellValue, Grid, GridSheet, MergedRange } from './grid';
export { importLimits, type ImportLimits } from './limits';
export { readSpreadsheet, type ReadOptions } from './read-spreadsheet';
export { decodeText, detectSeparator } from './read-csv';
export { matchHeader, FULL_NAME_KEY, type HeaderMatch } from './header-match';
export { importGrid } from './import-grid';
export type {
  BadRow,
  CellIssue,
  ColumnMapping,
  FieldChange,
  ImportOptions,
  ImportReport,
  ImportResult,
  ImportedRecord,
  RowOutcome,
  SheetMapping,
  UnmappedColumn,
} from './types';
export { writeCodesBack } from './write-codes';
export {
  exportRecords,
  exportTable,
  neutraliseFormula,
  type ExportOptions,
  type ExportTable,
} from './export';
