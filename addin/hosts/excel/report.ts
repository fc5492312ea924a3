/**
 * A report sheet: a title, then blocks stacked downwards — each a bold
 * caption, an Excel table and its notes — with an optional native chart
 * beside its table. `layoutReport` places everything once, as plain data,
 * so the Office.js and in-memory hosts write exactly the same sheet.
 */
import { formatRange, type CellRect } from './a1';
import type { WritableCell } from './excel-host';

/** Chart types used by reports, named as Office.js names them (`Excel.ChartType`). */
export type ReportChartType = 'ColumnClustered' | 'BarClustered' | 'Pie';

/** A chart of a block's first two columns: categories, then the values. */
export interface ReportChart {
  type: ReportChartType;
  /** French chart title. */
  title: string;
  /** Table rows left out of the chart, counted from the end (a «Total» row). */
  skipLastRows?: number;
}

export interface ReportBlock {
  caption: string;
  headers: string[];
  rows: WritableCell[][];
  notes?: string[];
  chart?: ReportChart;
}

export interface NewReport {
  /** Wanted sheet name; a number is added when the workbook already has it. */
  sheetName: string;
  title: string;
  /** Lines under the title (period, version, warnings). */
  subtitle: string[];
  blocks: ReportBlock[];
}

export interface PlacedChart {
  type: ReportChartType;
  title: string;
  /** Categories and values, the table's first two columns without its header, e.g. `A7:B11`. */
  source: CellRect;
  /** Where the chart sits, e.g. `G5:N20`. */
  anchor: CellRect;
}

export interface ReportLayout {
  /** Every written cell block, from its top-left corner. */
  writes: { at: { row: number; column: number }; cells: WritableCell[][] }[];
  /** Rows written in bold (title and captions). */
  boldRows: number[];
  tables: CellRect[];
  charts: PlacedChart[];
  /** Columns the content spans, for autofit. */
  columnCount: number;
}

export interface WrittenReport {
  sheetName: string;
  tables: string[];
  charts: { title: string; type: ReportChartType; source: string; anchor: string }[];
}

/** Rows a chart needs to be readable; a shorter block is padded so charts never overlap. */
export const chartHeightRows = 16;
const chartWidthColumns = 7;

export function layoutReport(report: NewReport): ReportLayout {
  const columnCount = Math.max(1, ...report.blocks.map((b) => b.headers.length));
  const chartColumn = columnCount + 1;
  const layout: ReportLayout = {
    writes: [],
    boldRows: [],
    tables: [],
    charts: [],
    columnCount,
  };
  const line = (row: number, text: string) =>
    layout.writes.push({ at: { row, column: 0 }, cells: [[text]] });

  line(0, report.title);
  layout.boldRows.push(0);
  let row = 1;
  for (const text of report.subtitle) line(row++, text);
  row += 1;

  for (const block of report.blocks) {
    const top = row;
    line(row, block.caption);
    layout.boldRows.push(row);
    row += 1;
    const width = block.headers.length;
    const table: CellRect = { row, column: 0, rowCount: block.rows.length + 1, columnCount: width };
    layout.writes.push({
      at: { row, column: 0 },
      cells: [
        block.headers,
        ...block.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
      ],
    });
    layout.tables.push(table);
    row += table.rowCount;
    for (const note of block.notes ?? []) line(row++, note);
    if (block.chart) {
      const charted = block.rows.length - (block.chart.skipLastRows ?? 0);
      if (charted > 0) {
        layout.charts.push({
          type: block.chart.type,
          title: block.chart.title,
          source: { row: table.row + 1, column: 0, rowCount: charted, columnCount: 2 },
          anchor: {
            row: top,
            column: chartColumn,
            rowCount: chartHeightRows - 1,
            columnCount: chartWidthColumns,
          },
        });
        row = Math.max(row, top + chartHeightRows);
      }
    }
    row += 1;
  }
  return layout;
}

/** What `writeReport` answers: addresses in A1 form. */
export function writtenReport(sheetName: string, layout: ReportLayout): WrittenReport {
  return {
    sheetName,
    tables: layout.tables.map(formatRange),
    charts: layout.charts.map((c) => ({
      title: c.title,
      type: c.type,
      source: formatRange(c.source),
      anchor: formatRange(c.anchor),
    })),
  };
}
