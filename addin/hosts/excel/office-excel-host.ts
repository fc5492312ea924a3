/// <reference types="office-js" />
/**
 * ExcelHost over Office.js (`Excel.run`). Each call is one batch: load what
 * it needs, one `sync`, so a large sheet costs one round trip to Excel.
 * Needs ExcelApi 1.13 (merged areas); the pane checks it at start-up.
 */
import { PasserelleError } from '../../../shared/parcours';
import { toExcelCell } from './cells';
import { withoutSheet, type CellRect } from './a1';
import {
  defaultTableStyle,
  uniqueSheetName,
  type CellValue,
  type ExcelHost,
  type NewTable,
  type SheetRange,
  type WritableCell,
  type WrittenTable,
} from './excel-host';
import { layoutReport, writtenReport, type NewReport, type WrittenReport } from './report';

/** `Excel.run` as Office.js provides it; tests pass office-addin-mock's. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface PendingRead {
  range: Excel.Range;
  merged: Excel.RangeAreas;
  sheet: Excel.Worksheet;
}

function loadRange(range: Excel.Range): PendingRead {
  range.load('address, values, numberFormat');
  const sheet = range.worksheet;
  sheet.load('name');
  const merged = range.getMergedAreasOrNullObject();
  merged.load('address, isNullObject');
  return { range, merged, sheet };
}

function toSheetRange({ range, merged, sheet }: PendingRead): SheetRange {
  return {
    sheetName: sheet.name,
    address: withoutSheet(range.address),
    values: range.values as CellValue[][],
    numberFormats: range.numberFormat as string[][],
    mergedAreas: merged.isNullObject
      ? []
      : merged.address
          .split(',')
          .map((a) => withoutSheet(a.trim()))
          .filter(Boolean),
  };
}

const missingSheet = (name: string) =>
  new PasserelleError(
    'excel/feuille-introuvable',
    `La feuille «${name}» n’existe pas dans ce classeur : choisissez une feuille de la liste.`,
    { sheet: name },
  );

export class OfficeExcelHost implements ExcelHost {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  readSelection(): Promise<SheetRange> {
    return this.run(async (context) => {
      const read = loadRange(context.workbook.getSelectedRange());
      await context.sync();
      return toSheetRange(read);
    });
  }

  readCurrentTable(): Promise<SheetRange | null> {
    return this.run(async (context) => {
      const tables = context.workbook.getActiveCell().getTables(false);
      const count = tables.getCount();
      await context.sync();
      if (count.value === 0) return null;
      const read = loadRange(tables.getFirst().getRange());
      await context.sync();
      return toSheetRange(read);
    });
  }

  readSheet(sheetName: string): Promise<SheetRange> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true);
      sheet.load('isNullObject, name');
      used.load('isNullObject');
      await context.sync();
      if (sheet.isNullObject) throw missingSheet(sheetName);
      if (used.isNullObject) {
        return {
          sheetName: sheet.name,
          address: 'A1',
          values: [],
          numberFormats: [],
          mergedAreas: [],
        };
      }
      const read = loadRange(used);
      await context.sync();
      return toSheetRange(read);
    });
  }

  listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  usedRange(sheetName: string): Promise<string | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true);
      sheet.load('isNullObject');
      used.load('isNullObject, address');
      await context.sync();
      if (sheet.isNullObject) throw missingSheet(sheetName);
      return used.isNullObject ? null : withoutSheet(used.address);
    });
  }

  async writeTable(table: NewTable): Promise<WrittenTable> {
    // Convert first: a bad date fails before anything is written into the workbook.
    const width = table.headers.length;
    const body = table.rows.map((row) =>
      Array.from({ length: width }, (_, i) => toExcelCell(row[i] ?? null)),
    );
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const name = uniqueSheetName(
        table.sheetName,
        sheets.items.map((s) => s.name),
      );
      const sheet = sheets.add(name);
      const range = sheet.getRangeByIndexes(0, 0, body.length + 1, width);
      range.values = [table.headers, ...body.map((row) => row.map((c) => c.value))];
      range.numberFormat = [
        table.headers.map(() => '@'),
        ...body.map((row) => row.map((c) => c.numberFormat)),
      ];
      const written = sheet.tables.add(range, true);
      written.style = table.style ?? defaultTableStyle;
      range.format.autofitColumns();
      sheet.activate();
      range.load('address');
      await context.sync();
      return { sheetName: name, address: withoutSheet(range.address) };
    });
  }

  async writeColumn(sheetName: string, startCell: string, values: WritableCell[]): Promise<void> {
    const cells = values.map(toExcelCell);
    if (cells.length === 0) return;
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('isNullObject');
      await context.sync();
      if (sheet.isNullObject) throw missingSheet(sheetName);
      const range = sheet.getRange(startCell).getResizedRange(cells.length - 1, 0);
      range.values = cells.map((c) => [c.value]);
      range.numberFormat = cells.map((c) => [c.numberFormat]);
      await context.sync();
    });
  }

  async writeReport(report: NewReport): Promise<WrittenReport> {
    const layout = layoutReport(report);
    // Convert first: a bad cell fails before anything is written into the workbook.
    const writes = layout.writes.map(({ at, cells }) => ({
      at,
      cells: cells.map((row) => row.map(toExcelCell)),
    }));
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const name = uniqueSheetName(
        report.sheetName,
        sheets.items.map((s) => s.name),
      );
      const sheet = sheets.add(name);
      const area = (r: CellRect) =>
        sheet.getRangeByIndexes(r.row, r.column, r.rowCount, r.columnCount);
      for (const { at, cells } of writes) {
        const range = sheet.getRangeByIndexes(
          at.row,
          at.column,
          cells.length,
          cells[0]?.length ?? 1,
        );
        range.values = cells.map((row) => row.map((c) => c.value));
        range.numberFormat = cells.map((row) => row.map((c) => c.numberFormat));
      }
      for (const row of layout.boldRows)
        sheet.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
      for (const rect of layout.tables) {
        sheet.tables.add(area(rect), true).style = defaultTableStyle;
        area(rect).format.autofitColumns();
      }
      for (const placed of layout.charts) {
        const chart = sheet.charts.add(placed.type, area(placed.source), 'Columns');
        chart.title.text = placed.title;
        // One series: its name adds nothing; a pie needs its legend to name the slices.
        chart.legend.visible = placed.type === 'Pie';
        const { anchor } = placed;
        chart.setPosition(
          sheet.getCell(anchor.row, anchor.column),
          sheet.getCell(anchor.row + anchor.rowCount - 1, anchor.column + anchor.columnCount - 1),
        );
      }
      sheet.activate();
      sheet.getRange('A1').select();
      await context.sync();
      return writtenReport(name, layout);
    });
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('isNullObject');
      await context.sync();
      if (sheet.isNullObject) throw missingSheet(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }
}
