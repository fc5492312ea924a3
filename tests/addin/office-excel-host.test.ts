/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { OfficeExcelHost, type ExcelRun } from '../../addin/hosts/excel';
import { PasserelleError } from '../../shared/parcours';

/** An ExcelHost over office-addin-mock's Excel, and the mock to inspect what was written. */
function mockedHost(context: Record<string, unknown>) {
  const excel = new OfficeMockObject({
    context,
    run: async function (this: { context: unknown }, batch: (c: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test inspects what the adapter wrote into the mock
  }) as unknown as { context: Record<string, any>; run: ExcelRun };
  return { host: new OfficeExcelHost((batch) => excel.run(batch)), excel };
}

describe('OfficeExcelHost (office-addin-mock)', () => {
  it('reads the selection with numbers, date serials, formats and merged cells', async () => {
    const { host } = mockedHost({
      workbook: {
        selection: {
          address: "'Suivi 2025'!A1:D3",
          values: [
            ['Nom', 'Date de naissance', 'Âge', 'Référent'],
            ['BOUAZZA', 41771, 11, 'Sonia Martel'],
            ['TRAORÉ', 41550, 12, ''],
          ],
          numberFormat: [
            ['General', 'General', 'General', 'General'],
            ['@', 'dd/mm/yyyy', '0', 'General'],
            ['@', 'dd/mm/yyyy', '0', 'General'],
          ],
          worksheet: { name: 'Suivi 2025' },
          merged: { address: "'Suivi 2025'!D2:D3", isNullObject: false },
          getMergedAreasOrNullObject: function (this: { merged: unknown }) {
            return this.merged;
          },
        },
        getSelectedRange: function (this: { selection: unknown }) {
          return this.selection;
        },
      },
    });
    const read = await host.readSelection();
    expect(read).toEqual({
      sheetName: 'Suivi 2025',
      address: 'A1:D3',
      values: [
        ['Nom', 'Date de naissance', 'Âge', 'Référent'],
        ['BOUAZZA', 41771, 11, 'Sonia Martel'],
        ['TRAORÉ', 41550, 12, ''],
      ],
      numberFormats: [
        ['General', 'General', 'General', 'General'],
        ['@', 'dd/mm/yyyy', '0', 'General'],
        ['@', 'dd/mm/yyyy', '0', 'General'],
      ],
      mergedAreas: ['D2:D3'],
    });
  });

  it('writes a typed table into a new sheet with a unique name, style and real dates', async () => {
    const { host, excel } = mockedHost({
      workbook: {
        worksheets: {
          load: function (this: { items: unknown }) {
            this.items = [{ name: 'Suivi' }, { name: 'Passerelle' }];
          },
          add: function (this: { added: string; sheet: unknown }, name: string) {
            this.added = name;
            return this.sheet;
          },
          sheet: {
            range: {
              address: "'Passerelle (2)'!A1:C3",
              format: { autofitColumns: function () {} },
            },
            getRangeByIndexes: function (
              this: { range: unknown; size: number[] },
              ...at: number[]
            ) {
              this.size = at;
              return this.range;
            },
            tables: {
              table: { style: '' },
              add: function (this: { table: unknown; headers: boolean }, _r: unknown, h: boolean) {
                this.headers = h;
                return this.table;
              },
            },
            activate: function (this: { active: boolean }) {
              this.active = true;
            },
          },
        },
      },
    });
    const written = await host.writeTable({
      sheetName: 'Passerelle',
      headers: ['Code parcours', 'Date de naissance', 'Classe'],
      rows: [
        ['PRE-2025-001', { date: '2014-05-12' }, 'CM2'],
        ['PRE-2025-002', { date: '2013-10-03' }, null],
      ],
    });
    const worksheets = excel.context.workbook.worksheets;
    const sheet = worksheets.sheet;
    expect(written).toEqual({ sheetName: 'Passerelle (2)', address: 'A1:C3' });
    expect(worksheets.added).toBe('Passerelle (2)');
    expect(sheet.size).toEqual([0, 0, 3, 3]);
    expect(sheet.range.values).toEqual([
      ['Code parcours', 'Date de naissance', 'Classe'],
      ['PRE-2025-001', 41771, 'CM2'],
      ['PRE-2025-002', 41550, ''],
    ]);
    expect(sheet.range.numberFormat[1]).toEqual(['@', 'dd/mm/yyyy', '@']);
    expect(sheet.tables.headers).toBe(true);
    expect(sheet.tables.table.style).toBe('TableStyleMedium2');
    expect(sheet.active).toBe(true);
  });

  interface MockChart {
    title: { text?: string };
    legend: { visible?: boolean };
    position?: unknown[];
    setPosition: (from: unknown, to: unknown) => void;
  }

  it('writes a report: cells, bold captions, tables and native charts placed beside them', async () => {
    const writes: {
      at: number[];
      values?: unknown[][];
      numberFormat?: unknown[][];
      bold?: boolean;
    }[] = [];
    const charts: {
      type: string;
      source: unknown;
      seriesBy: string;
      chart: MockChart;
    }[] = [];
    const range = (...at: number[]) => {
      const written: (typeof writes)[number] = { at };
      writes.push(written);
      return {
        set values(v: unknown[][]) {
          written.values = v;
        },
        set numberFormat(f: unknown[][]) {
          written.numberFormat = f;
        },
        format: {
          font: {
            set bold(b: boolean) {
              written.bold = b;
            },
          },
          autofitColumns: () => {},
        },
        at,
      };
    };
    const { host, excel } = mockedHost({
      workbook: {
        worksheets: {
          load: function (this: { items: unknown }) {
            this.items = [{ name: 'Bilan' }];
          },
          add: function (this: { added: string; sheet: unknown }, name: string) {
            this.added = name;
            return this.sheet;
          },
          sheet: {
            getRangeByIndexes: (...at: number[]) => range(...at),
            getCell: (row: number, column: number) => ({ cell: [row, column] }),
            getRange: () => ({ select: () => {} }),
            tables: {
              add: function (this: { added: unknown[] }, r: { at: number[] }) {
                this.added = [...(this.added ?? []), r.at];
                return {};
              },
            },
            charts: {
              add: (type: string, source: { at: number[] }, seriesBy: string) => {
                const chart: MockChart = {
                  title: {},
                  legend: {},
                  setPosition: (from: unknown, to: unknown) => {
                    chart.position = [from, to];
                  },
                };
                charts.push({ type, source: source.at, seriesBy, chart });
                return chart;
              },
            },
            activate: function (this: { active: boolean }) {
              this.active = true;
            },
          },
        },
      },
    });
    const written = await host.writeReport({
      sheetName: 'Bilan',
      title: 'Bilan du PRE',
      subtitle: [],
      blocks: [
        {
          caption: 'Enfants par tranche d’âge',
          headers: ['Âge', 'Effectif', 'Part'],
          rows: [
            ['6-10 ans', 3, { share: 0.75 }],
            ['11-16 ans', 1, { share: 0.25 }],
            ['Total', 4, { share: 1 }],
          ],
          chart: { type: 'ColumnClustered', title: 'Enfants par tranche d’âge', skipLastRows: 1 },
        },
      ],
    });
    const sheet = excel.context.workbook.worksheets.sheet;
    expect(excel.context.workbook.worksheets.added).toBe('Bilan (2)');
    expect(written).toEqual({
      sheetName: 'Bilan (2)',
      tables: ['A4:C7'],
      charts: [
        {
          title: 'Enfants par tranche d’âge',
          type: 'ColumnClustered',
          source: 'A5:B6',
          anchor: 'E3:K17',
        },
      ],
    });
    const table = writes.find((w) => w.values?.[0]?.[0] === 'Âge')!;
    expect(table.at).toEqual([3, 0, 4, 3]);
    expect(table.values![1]).toEqual(['6-10 ans', 3, 0.75]);
    expect(table.numberFormat![1]).toEqual(['@', 'General', '0.0%']);
    expect(writes.filter((w) => w.bold).map((w) => w.at)).toEqual([
      [0, 0, 1, 1],
      [2, 0, 1, 1],
    ]);
    expect(sheet.tables.added).toEqual([[3, 0, 4, 3]]);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      type: 'ColumnClustered',
      source: [4, 0, 2, 2],
      seriesBy: 'Columns',
    });
    expect(charts[0]!.chart.title.text).toBe('Enfants par tranche d’âge');
    expect(charts[0]!.chart.legend.visible).toBe(false);
    expect(charts[0]!.chart.position).toEqual([{ cell: [2, 4] }, { cell: [16, 10] }]);
    expect(sheet.active).toBe(true);
  });

  it('refuses an impossible date before touching the workbook', async () => {
    const { host } = mockedHost({ workbook: {} });
    await expect(
      host.writeTable({ sheetName: 'X', headers: ['Date'], rows: [[{ date: '2014-02-30' }]] }),
    ).rejects.toThrow(PasserelleError);
  });

  it('activates the sheet and selects the cell', async () => {
    const { host, excel } = mockedHost({
      workbook: {
        worksheets: {
          sheet: {
            isNullObject: false,
            cell: {
              select: function (this: { selected: boolean }) {
                this.selected = true;
              },
            },
            activate: function (this: { active: boolean }) {
              this.active = true;
            },
            getRange: function (this: { cell: unknown; at: string }, address: string) {
              this.at = address;
              return this.cell;
            },
          },
          getItemOrNullObject: function (this: { sheet: unknown; asked: string }, name: string) {
            this.asked = name;
            return this.sheet;
          },
        },
      },
    });
    await host.selectCell('Suivi', 'C7');
    const worksheets = excel.context.workbook.worksheets;
    expect(worksheets.asked).toBe('Suivi');
    expect(worksheets.sheet.active).toBe(true);
    expect(worksheets.sheet.at).toBe('C7');
    expect(worksheets.sheet.cell.selected).toBe(true);
  });

  it('says in French which sheet is missing', async () => {
    const { host } = mockedHost({
      workbook: {
        worksheets: {
          sheet: { isNullObject: true },
          getItemOrNullObject: function (this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    await expect(host.selectCell('Archives', 'A1')).rejects.toThrow(
      'La feuille «Archives» n’existe pas dans ce classeur',
    );
  });

  it('reads the current table, or null when the active cell is in none', async () => {
    const table = (count: number) =>
      mockedHost({
        workbook: {
          tables: {
            range: {
              address: 'Suivi!B2:C3',
              values: [
                ['Code parcours', 'Classe'],
                ['PRE-2025-001', 'CM2'],
              ],
              numberFormat: [
                ['General', 'General'],
                ['@', '@'],
              ],
              worksheet: { name: 'Suivi' },
              merged: { isNullObject: true, address: '' },
              getMergedAreasOrNullObject: function (this: { merged: unknown }) {
                return this.merged;
              },
            },
            // A ClientResult needs no load: a plain object, not a mocked property.
            getCount: () => ({ value: count }),
            getFirst: function (this: { range: unknown }) {
              const range = this.range;
              return { getRange: () => range };
            },
          },
          getActiveCell: function (this: { tables: unknown }) {
            const tables = this.tables;
            return { getTables: () => tables };
          },
        },
      }).host;
    expect(await table(0).readCurrentTable()).toBeNull();
    expect(await table(1).readCurrentTable()).toEqual({
      sheetName: 'Suivi',
      address: 'B2:C3',
      values: [
        ['Code parcours', 'Classe'],
        ['PRE-2025-001', 'CM2'],
      ],
      numberFormats: [
        ['General', 'General'],
        ['@', '@'],
      ],
      mergedAreas: [],
    });
  });

  it('reads an empty sheet as no rows', async () => {
    const { host } = mockedHost({
      workbook: {
        worksheets: {
          sheet: {
            isNullObject: false,
            name: 'Notes',
            used: { isNullObject: true, address: '' },
            getUsedRangeOrNullObject: function (this: { used: unknown }) {
              return this.used;
            },
          },
          getItemOrNullObject: function (this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    expect(await host.readSheet('Notes')).toEqual({
      sheetName: 'Notes',
      address: 'A1',
      values: [],
      numberFormats: [],
      mergedAreas: [],
    });
    expect(await host.usedRange('Notes')).toBeNull();
  });
});
