/**
 * An in-memory workbook behind the ExcelHost interface: the browser preview
 * and the tests run the Excel views against it. It keeps what Excel keeps
 * and the views rely on: values, number formats, merged areas, tables, the
 * active sheet and the selection.
 */
import { PasserelleError } from '../../../shared/parcours';
import { toExcelCell } from './cells';
import { formatRange, parseRange, withoutSheet, type CellRect } from './a1';
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

export interface MemoryTable {
  name: string;
  address: string;
  style: string;
}

export interface MemoryChart {
  type: string;
  title: string;
  /** The data the chart plots, e.g. `A7:B11`. */
  source: string;
  /** The cells it covers. */
  anchor: string;
}

export interface MemorySheet {
  name: string;
  /** Rows of values from A1; missing cells are empty. */
  values: CellValue[][];
  numberFormats: string[][];
  mergedAreas: string[];
  tables: MemoryTable[];
  charts: MemoryChart[];
  /** Cells in bold, A1. */
  bold: string[];
}

/** A sheet to seed the workbook with: rows from A1, optional formats and merges. */
export interface SheetSeed {
  name: string;
  values: CellValue[][];
  numberFormats?: string[][];
  mergedAreas?: string[];
  tables?: { address: string; style?: string }[];
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

function contains(outer: CellRect, inner: CellRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}

function rect(address: string): CellRect {
  const parsed = parseRange(address);
  if (!parsed) {
    throw new PasserelleError(
      'excel/adresse-invalide',
      `Adresse de cellule invalide : «${address}».`,
    );
  }
  return parsed;
}

export class MemoryExcelHost implements ExcelHost {
  readonly sheets: MemorySheet[];
  activeSheet: string;
  /** Selected range of the active sheet; the active cell is its top-left cell. */
  selection: string;
  private tableCount = 0;

  constructor(seeds: SheetSeed[]) {
    if (seeds.length === 0) throw new Error('Un classeur a au moins une feuille.');
    this.sheets = seeds.map((seed) => ({
      name: seed.name,
      values: seed.values.map((row) => [...row]),
      numberFormats:
        seed.numberFormats?.map((row) => [...row]) ??
        seed.values.map((row) => row.map(() => 'General')),
      mergedAreas: [...(seed.mergedAreas ?? [])],
      tables: (seed.tables ?? []).map((t) => ({
        name: `Tableau${++this.tableCount}`,
        address: t.address,
        style: t.style ?? defaultTableStyle,
      })),
      charts: [],
      bold: [],
    }));
    this.activeSheet = this.sheets[0]!.name;
    this.selection = 'A1';
  }

  sheet(name: string): MemorySheet {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) {
      throw new PasserelleError(
        'excel/feuille-introuvable',
        `La feuille «${name}» n’existe pas dans ce classeur : choisissez une feuille de la liste.`,
        { sheet: name },
      );
    }
    return found;
  }

  async readSelection(): Promise<SheetRange> {
    return this.read(this.sheet(this.activeSheet), rect(this.selection));
  }

  async readCurrentTable(): Promise<SheetRange | null> {
    const sheet = this.sheet(this.activeSheet);
    const active = rect(this.selection);
    const cell = { ...active, rowCount: 1, columnCount: 1 };
    const table = sheet.tables.find((t) => contains(rect(t.address), cell));
    return table ? this.read(sheet, rect(table.address)) : null;
  }

  async readSheet(sheetName: string): Promise<SheetRange> {
    const sheet = this.sheet(sheetName);
    const used = this.usedRect(sheet);
    if (!used) {
      return {
        sheetName: sheet.name,
        address: 'A1',
        values: [],
        numberFormats: [],
        mergedAreas: [],
      };
    }
    return this.read(sheet, used);
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async usedRange(sheetName: string): Promise<string | null> {
    const used = this.usedRect(this.sheet(sheetName));
    return used ? formatRange(used) : null;
  }

  async writeTable(table: NewTable): Promise<WrittenTable> {
    const name = uniqueSheetName(
      table.sheetName,
      this.sheets.map((s) => s.name),
    );
    const sheet = this.addSheet(name);
    const columns = table.headers.length;
    this.put(sheet, 0, 0, [table.headers]);
    this.put(
      sheet,
      1,
      0,
      table.rows.map((row) => Array.from({ length: columns }, (_, i) => row[i] ?? null)),
    );
    const address = formatRange({
      row: 0,
      column: 0,
      rowCount: table.rows.length + 1,
      columnCount: columns,
    });
    sheet.tables.push({
      name: `Tableau${++this.tableCount}`,
      address,
      style: table.style ?? defaultTableStyle,
    });
    this.activeSheet = name;
    this.selection = 'A1';
    return { sheetName: name, address };
  }

  async writeReport(report: NewReport): Promise<WrittenReport> {
    const layout = layoutReport(report);
    // Convert first, as Excel would refuse the batch: nothing is written on a bad cell.
    for (const { cells } of layout.writes) cells.forEach((row) => row.forEach(toExcelCell));
    const sheet = this.addSheet(
      uniqueSheetName(
        report.sheetName,
        this.sheets.map((s) => s.name),
      ),
    );
    for (const { at, cells } of layout.writes) this.put(sheet, at.row, at.column, cells);
    sheet.bold = layout.boldRows.map((row) => `A${row + 1}`);
    const written = writtenReport(sheet.name, layout);
    for (const address of written.tables) {
      sheet.tables.push({ name: `Tableau${++this.tableCount}`, address, style: defaultTableStyle });
    }
    sheet.charts = written.charts.map(({ type, title, source, anchor }) => ({
      type,
      title,
      source,
      anchor,
    }));
    this.activeSheet = sheet.name;
    this.selection = 'A1';
    return written;
  }

  async writeColumn(sheetName: string, startCell: string, values: WritableCell[]): Promise<void> {
    const sheet = this.sheet(sheetName);
    const start = rect(startCell);
    this.put(
      sheet,
      start.row,
      start.column,
      values.map((v) => [v]),
    );
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    rect(address);
    this.activeSheet = sheet.name;
    this.selection = withoutSheet(address);
  }

  private addSheet(name: string): MemorySheet {
    const sheet: MemorySheet = {
      name,
      values: [],
      numberFormats: [],
      mergedAreas: [],
      tables: [],
      charts: [],
      bold: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private put(sheet: MemorySheet, row: number, column: number, cells: WritableCell[][]): void {
    cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const { value, numberFormat } = toExcelCell(cell);
        const y = row + r;
        const x = column + c;
        while (sheet.values.length <= y) {
          sheet.values.push([]);
          sheet.numberFormats.push([]);
        }
        const values = sheet.values[y]!;
        const formats = sheet.numberFormats[y]!;
        while (values.length <= x) {
          values.push('');
          formats.push('General');
        }
        values[x] = value;
        formats[x] = numberFormat;
      }),
    );
  }

  private usedRect(sheet: MemorySheet): CellRect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === '') return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    if (bottom < 0) return null;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  private read(sheet: MemorySheet, area: CellRect): SheetRange {
    const rows = Array.from({ length: area.rowCount }, (_, r) => area.row + r);
    const columns = Array.from({ length: area.columnCount }, (_, c) => area.column + c);
    return {
      sheetName: sheet.name,
      address: formatRange(area),
      values: rows.map((r) => columns.map((c) => sheet.values[r]?.[c] ?? '')),
      numberFormats: rows.map((r) => columns.map((c) => sheet.numberFormats[r]?.[c] ?? 'General')),
      mergedAreas: sheet.mergedAreas.filter((m) => overlaps(rect(m), area)),
    };
  }
}
