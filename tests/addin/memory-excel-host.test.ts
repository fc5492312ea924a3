import { describe, expect, it } from 'vitest';
import { MemoryExcelHost, formatRange, parseRange, columnLetters } from '../../addin/hosts/excel';
import { PasserelleError } from '../../shared/parcours';

function workbook() {
  return new MemoryExcelHost([
    {
      name: 'Suivi',
      values: [
        ['Nom', 'Né(e) le', 'Référent'],
        ['BOUAZZA', 41771, 'Sonia Martel'],
        ['TRAORÉ', 41550, ''],
        ['', '', ''],
      ],
      numberFormats: [
        ['General', 'General', 'General'],
        ['@', 'dd/mm/yyyy', 'General'],
        ['@', 'dd/mm/yyyy', 'General'],
        ['General', 'General', 'General'],
      ],
      mergedAreas: ['C2:C3'],
      tables: [{ address: 'A1:C3' }],
    },
    { name: 'Vide', values: [] },
  ]);
}

describe('A1 references', () => {
  it('round-trips columns and ranges, with or without the sheet', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(parseRange("'Suivi 2025'!$B$2:D10")).toEqual({
      row: 1,
      column: 1,
      rowCount: 9,
      columnCount: 3,
    });
    expect(formatRange(parseRange('AA7')!)).toBe('AA7');
    expect(parseRange('pas une adresse')).toBeNull();
  });
});

describe('MemoryExcelHost', () => {
  it('reads the selection, the current table and a sheet like Excel does', async () => {
    const host = workbook();
    await host.selectCell('Suivi', 'B2');
    expect((await host.readSelection()).values).toEqual([[41771]]);
    const table = await host.readCurrentTable();
    expect(table).toMatchObject({ sheetName: 'Suivi', address: 'A1:C3', mergedAreas: ['C2:C3'] });
    expect(table?.numberFormats[1]).toEqual(['@', 'dd/mm/yyyy', 'General']);
    expect((await host.readSheet('suivi')).address).toBe('A1:C3');
    await host.selectCell('Suivi', 'F9');
    expect(await host.readCurrentTable()).toBeNull();
  });

  it('lists sheets and reports an empty sheet as having no used range', async () => {
    const host = workbook();
    expect(await host.listSheets()).toEqual(['Suivi', 'Vide']);
    expect(await host.usedRange('Vide')).toBeNull();
    expect(await host.readSheet('Vide')).toMatchObject({ values: [], address: 'A1' });
  });

  it('writes a table into a new sheet with real dates, text kept as text, and activates it', async () => {
    const host = workbook();
    const written = await host.writeTable({
      sheetName: 'Suivi',
      headers: ['Code parcours', 'Date de naissance', 'Téléphone'],
      rows: [['PRE-2025-001', { date: '2014-05-12' }, '0612457890']],
    });
    expect(written).toEqual({ sheetName: 'Suivi (2)', address: 'A1:C2' });
    const sheet = host.sheet('Suivi (2)');
    expect(sheet.values[1]).toEqual(['PRE-2025-001', 41771, '0612457890']);
    expect(sheet.numberFormats[1]).toEqual(['@', 'dd/mm/yyyy', '@']);
    expect(sheet.tables[0]).toMatchObject({ address: 'A1:C2', style: 'TableStyleMedium2' });
    expect(host.activeSheet).toBe('Suivi (2)');
  });

  it('writes a column downwards and selects a cell', async () => {
    const host = workbook();
    await host.writeColumn('Suivi', 'D2', ['PRE-2025-001', 'PRE-2025-002']);
    expect(await host.usedRange('Suivi')).toBe('A1:D3');
    await host.selectCell('Suivi', 'D3');
    expect((await host.readSelection()).values).toEqual([['PRE-2025-002']]);
  });

  it('answers bad requests with French errors', async () => {
    const host = workbook();
    await expect(host.readSheet('Archives')).rejects.toThrow(PasserelleError);
    await expect(host.selectCell('Suivi', 'ZZZZ0')).rejects.toThrow('Adresse de cellule invalide');
    await expect(host.writeColumn('Suivi', 'A9', [{ date: '31/12/2024' }])).rejects.toThrow(
      'n’est pas une date AAAA-MM-JJ valide',
    );
  });
});
