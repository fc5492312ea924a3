/**
 * shared/sheets — spreadsheets checked by the anonymisation core cell by
 * cell: findings with their cell under the header row's context, the check
 * of a table before it is shared, and a pseudonymised copy of a sheet.
 * Needs: a grid of values (dates as ISO), a `NamesIndex` when the caseload is
 * open, the caller's A1 cell names. Pure, no I/O, no DOM.
 */
export {
  headerRowIndex,
  pseudonymiseSheet,
  scanSheet,
  sharedTableProblems,
  type CellFinding,
  type PseudonymisedSheet,
  type SheetCell,
  type SheetScanOptions,
} from './sheet-check';
