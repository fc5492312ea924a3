/**
 * The «Bilan» sheet: the report layout (tables stacked, charts beside them
 * never overlapping, the total row left out of a chart), the bilan mapped
 * onto it (numbers and shares Excel can chart, masked counts kept as text,
 * no codes in the diffusable version), and the in-memory host writing it.
 */
import { describe, expect, it } from 'vitest';
import { computeBilan, schoolYearPeriod, viewBilan } from '../../shared/indicators';
import { MemoryExcelHost, layoutReport, parseRange, type NewReport } from '../../addin/hosts/excel';
import { bilanReport, chartedTables, reportCell } from '../../addin/taskpane/bilan-sheet';
import { fixtureRecords } from '../indicators/helpers';

const report = (rows: number[]): NewReport => ({
  sheetName: 'Bilan',
  title: 'Titre',
  subtitle: ['Sous-titre'],
  blocks: rows.map((n, i) => ({
    caption: `Tableau ${i + 1}`,
    headers: ['Catégorie', 'Effectif', 'Part'],
    rows: [
      ...Array.from({ length: n }, (_, r) => [`ligne ${r + 1}`, r + 1, { share: 0.1 }]),
      ['Total', n, { share: 1 }],
    ],
    notes: ['Une note.'],
    chart: { type: 'BarClustered', title: `Graphique ${i + 1}`, skipLastRows: 1 },
  })),
});

describe('layoutReport', () => {
  it('stacks captioned tables and charts their rows without the total', () => {
    const layout = layoutReport(report([3]));
    // Title A1, subtitle A2, blank A3, caption A4, table A5:C9 (header + 3 + total), note A10.
    expect(layout.boldRows).toEqual([0, 3]);
    expect(layout.tables).toEqual([{ row: 4, column: 0, rowCount: 5, columnCount: 3 }]);
    expect(layout.charts).toHaveLength(1);
    expect(layout.charts[0]!.source).toEqual({ row: 5, column: 0, rowCount: 3, columnCount: 2 });
    // The chart sits right of the widest table, one column apart, level with the caption.
    expect(layout.charts[0]!.anchor).toMatchObject({ row: 3, column: 4 });
  });

  it('pads short charted blocks so charts never overlap each other or the next table', () => {
    const layout = layoutReport(report([2, 1, 30]));
    const anchors = layout.charts.map((c) => c.anchor);
    for (let i = 1; i < anchors.length; i++) {
      const previous = anchors[i - 1]!;
      expect(anchors[i]!.row).toBeGreaterThan(previous.row + previous.rowCount);
    }
    // The long third table pushes nothing back up: rows keep increasing.
    const tops = layout.tables.map((t) => t.row);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
  });

  it('draws no chart for a table with nothing but its total', () => {
    expect(layoutReport(report([0])).charts).toEqual([]);
  });
});

describe('bilanReport', () => {
  const bilan = computeBilan(fixtureRecords(), schoolYearPeriod('2025-2026'));

  it('turns counts and shares into numbers, and keeps masked counts as text', () => {
    expect(reportCell('12')).toBe(12);
    expect(reportCell('12,5 %')).toEqual({ share: 0.125 });
    expect(reportCell('100 %')).toEqual({ share: 1 });
    expect(reportCell('< 5')).toBe('< 5');
    expect(reportCell('2,5 mois')).toBe('2,5 mois');
  });

  it('lays out key figures, every indicator table, four charts and the quality list', () => {
    const view = viewBilan(bilan);
    const sheet = bilanReport(view, bilan, '2026-11-23');
    expect(sheet.sheetName).toBe('Bilan');
    expect(sheet.title).toBe(view.title);
    expect(sheet.subtitle[0]).toContain('23/11/2026');
    expect(sheet.blocks[0]!.caption).toBe('Chiffres clés');
    expect(sheet.blocks.slice(1, 1 + view.tables.length).map((b) => b.caption)).toEqual(
      view.tables.map((t) => t.title),
    );
    const charted = sheet.blocks.filter((b) => b.chart);
    expect(charted.map((b) => b.chart!.title)).toEqual([
      'Enfants par tranche d’âge',
      'Parcours par source d’orientation',
      'Sorties par motif',
      'Actions par domaine',
    ]);
    expect(chartedTables).toHaveLength(4);
    const age = sheet.blocks.find((b) => b.caption === 'Enfants en parcours par tranche d’âge')!;
    const total = age.rows.at(-1)!;
    expect(total[0]).toMatch(/^Total/);
    expect(typeof total[1]).toBe('number');
    expect(total[2]).toEqual({ share: 1 });
    expect(sheet.blocks.at(-1)!.caption).toMatch(/^Qualité des données/);
    expect(bilan.quality.length).toBeGreaterThan(0);
  });

  it('writes no code and masks small counts in the diffusable version', () => {
    const view = viewBilan(bilan, { external: true });
    const sheet = bilanReport(view, bilan, '2026-11-23');
    expect(sheet.sheetName).toBe('Bilan diffusable');
    expect(sheet.blocks.some((b) => b.caption.startsWith('Qualité'))).toBe(false);
    const text = JSON.stringify(sheet);
    for (const record of fixtureRecords()) expect(text).not.toContain(record.code);
    expect(text).toContain('< 5');
  });

  it('is written by the in-memory workbook with its tables and charts', async () => {
    const host = new MemoryExcelHost([{ name: 'Suivi', values: [['Nom']] }]);
    const written = await host.writeReport(bilanReport(viewBilan(bilan), bilan, '2026-11-23'));
    const sheet = host.sheet(written.sheetName);
    expect(host.activeSheet).toBe('Bilan');
    expect(sheet.values[0]![0]).toBe(viewBilan(bilan).title);
    expect(sheet.charts).toHaveLength(4);
    expect(sheet.tables.map((t) => t.address)).toEqual(written.tables);
    for (const chart of sheet.charts) {
      // The chart's data: labels then numbers, read back from the sheet.
      const rect = parseRange(chart.source)!;
      const rows = sheet.values.slice(rect.row, rect.row + rect.rowCount);
      for (const row of rows) {
        expect(typeof row[0]).toBe('string');
        expect(typeof row[1]).toBe('number');
      }
    }
    const again = await host.writeReport(bilanReport(viewBilan(bilan), bilan, '2026-11-23'));
    expect(again.sheetName).toBe('Bilan (2)');
  });
});
