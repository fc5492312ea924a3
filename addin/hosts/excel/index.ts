/**
 * The Excel host adapter: the `ExcelHost` interface the Excel views use, its
 * Office.js implementation and the in-memory workbook of the preview/tests.
 */
export * from './excel-host';
export * from './report';
export {
  MemoryExcelHost,
  type MemoryChart,
  type MemorySheet,
  type MemoryTable,
  type SheetSeed,
} from './memory-excel-host';
export { OfficeExcelHost, type ExcelRun } from './office-excel-host';
export { columnLetters, formatRange, parseRange, withoutSheet, type CellRect } from './a1';
