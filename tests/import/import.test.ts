/** Coercion errors, caseload matching, codes, progress, readers' encodings and the write-back of codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  importGrid,
  readSpreadsheet,
  writeCodesBack,
  type CellValue,
  type Grid,
} from '../../shared/import';
import {
  caseloadLookupFromRecords,
  type ParcoursRecord,
  type Progress,
} from '../../shared/parcours';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../fixtures/import', name)));
const sheet = (name: string | null, rows: CellValue[][]): Grid => ({ sheets: [{ name, rows }] });

const existing: ParcoursRecord = {
  id: '0b7f2a52-3f7e-4a55-9a4f-2f2a7c1d9e01',
  code: 'PRE-2025-007',
  child: { lastName: 'Roché', firstName: 'marius', birthDate: '2012-01-02', grade: '5e' },
  status: 'attente_eps',
};

describe('cells and rows', () => {
  it('reports an unreadable cell with its sheet, row and column, and rejects blocking rows', async () => {
    const result = await importGrid(
      sheet('Karima', [
        ['Nom', 'Prénom', 'DDN', 'Statut', 'Tél'],
        ['ROCHE', 'Marius', '02/01/2012', 'peut-être', 'appeler'],
        ['SYLLA', 'Awa', '31/02/2016', 'en cours', ''],
        ['', '', '03/04/2015', 'en cours', ''],
        ['PONS', 'Côme', '14/09/2031', '', ''],
      ]),
      { today: '2026-01-15' },
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.stated).toEqual({
      child: { lastName: 'ROCHE', firstName: 'Marius', birthDate: '2012-01-02' },
      referent: 'Karima',
    });
    expect(result.report.cellIssues.map((i) => i.message)).toContain(
      'Feuille Karima, ligne 3, colonne DDN : date impossible : 31/02/2016',
    );
    expect(result.records[0]!.issues.map((i) => i.column)).toEqual(['Statut', 'Tél']);
    expect(result.badRows.map((b) => [b.row, b.reason])).toEqual([
      [3, 'date de naissance impossible : 31/02/2016 (colonne DDN)'],
      [4, 'nom et prénom manquants'],
      [5, 'date de naissance dans le futur : 14/09/2031 (colonne DDN)'],
    ]);
    expect(result.report.counts).toEqual({ created: 1, updated: 0, rejected: 3, skipped: 0 });
  });
});

describe('caseload matching and codes', () => {
  it('updates the same child (accents and case aside) with a field-by-field diff', async () => {
    const result = await importGrid(
      sheet(null, [
        ['Nom', 'Prénom', 'Date de naissance', 'Classe', 'Statut'],
        ['ROCHE', 'Marius', '02/01/2012', '4e', 'attente EPS'],
        ['PONS', 'Côme', '22/07/2013', 'CM2', 'en cours'],
      ]),
      { caseload: caseloadLookupFromRecords([existing]), today: '2026-01-15' },
    );
    const [update, created] = result.records;
    expect(update!.action).toBe('update');
    expect(update!.record.code).toBe('PRE-2025-007');
    expect(update!.record.id).toBe(existing.id);
    expect(update!.changes.map((c) => [c.key, c.before, c.after])).toEqual([
      ['child.lastName', 'Roché', 'ROCHE'],
      ['child.firstName', 'marius', 'Marius'],
      ['child.grade', '5e', '4e'],
    ]);
    expect(created!.action).toBe('create');
    expect(created!.record.code).toBe('PRE-2025-008');
    expect(result.report.rows.map((r) => r.outcome)).toEqual(['updated', 'imported']);
  });

  it('keeps a code column as the code and reports duplicates', async () => {
    const result = await importGrid(
      sheet(null, [
        ['Code parcours', 'Nom', 'Prénom'],
        ['PRE-2024-031', 'ROCHE', 'Marius'],
        ['PRE-2024-031', 'PONS', 'Côme'],
        ['', 'SYLLA', 'Awa'],
      ]),
      { today: '2026-01-15' },
    );
    expect(result.records.map((r) => r.record.code)).toEqual([
      'PRE-2024-031',
      'PRE-2024-031',
      'PRE-2025-001',
    ]);
    expect(result.report.duplicateCodes).toEqual([
      {
        code: 'PRE-2024-031',
        places: [
          { sheet: null, row: 2 },
          { sheet: null, row: 3 },
        ],
        alreadyInCaseload: false,
      },
    ]);
  });

  it('reports a sheet code the caseload already gives another child', async () => {
    const result = await importGrid(
      sheet(null, [
        ['Code parcours', 'Nom', 'Prénom'],
        ['PRE-2025-007', 'PONS', 'Côme'],
      ]),
      { caseload: caseloadLookupFromRecords([existing]) },
    );
    expect(result.report.duplicateCodes).toEqual([
      { code: 'PRE-2025-007', places: [{ sheet: null, row: 2 }], alreadyInCaseload: true },
    ]);
  });

  it('reports progress, yields between chunks and can be cancelled', async () => {
    const rows: CellValue[][] = [['Nom', 'Prénom']];
    for (let i = 0; i < 250; i++) rows.push([`NOM${i}`, 'Awa']);
    const seen: Progress[] = [];
    const result = await importGrid(sheet(null, rows), {
      chunkSize: 100,
      onProgress: (p) => seen.push(p),
    });
    expect(result.records).toHaveLength(250);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[seen.length - 1]).toMatchObject({ done: 251, total: 251 });
    const controller = new AbortController();
    controller.abort();
    await expect(importGrid(sheet(null, rows), { signal: controller.signal })).rejects.toThrow(
      /annulé/,
    );
  });
});

describe('readers', () => {
  it('decodes Windows-1252 with a real table (€ ’ – œ) and counts CSV lines, not records', async () => {
    const grid = await readSpreadsheet(fixture('exemple-export-1252.csv'), { fileName: 'a.csv' });
    const rows = grid.sheets[0]!.rows;
    expect(rows.flat().join(' ')).toContain('Sortie piscine 3 € à prévoir');
    expect(rows.flat().join(' ')).toContain('Difficultés à l’écrit – sœur aînée déjà suivie');
    // «FEKIR» follows a quoted cell holding a line break: its record starts on line 7.
    const fekir = rows.findIndex((r) => r[0] === 'FEKIR');
    expect(grid.sheets[0]!.rowNumbers![fekir]).toBe(7);
    expect(grid.sheets[0]!.rowNumbers![fekir + 1]).toBe(9);
  });

  it('detects comma and tab separators and a UTF-8 BOM', async () => {
    for (const separator of [',', '\t']) {
      const text = `\uFEFFNom${separator}Prénom${separator}DDN\r\nÉLOÏSE${separator}Zoé${separator}3/4/15\r\n`;
      const grid = await readSpreadsheet(new TextEncoder().encode(text), { fileName: 'a.csv' });
      expect(grid.sheets[0]!.rows).toEqual([
        ['Nom', 'Prénom', 'DDN'],
        ['ÉLOÏSE', 'Zoé', '3/4/15'],
      ]);
    }
    const latin = iconv.encode('Nom;Prénom\nCŒUR;Noël\n', 'windows-1252');
    const grid = await readSpreadsheet(new Uint8Array(latin), { fileName: 'a.csv' });
    expect(grid.sheets[0]!.rows[1]).toEqual(['CŒUR', 'Noël']);
  });
});

describe('codes written back', () => {
  it.each(['exemple-liste-utf8bom.csv', 'exemple-suivi-pissevin.xlsx'])(
    'adds a «Code parcours» column to %s that a new import keeps',
    async (file) => {
      const bytes = fixture(file);
      const first = await importGrid(await readSpreadsheet(bytes, { fileName: file }), {
        today: '2026-01-15',
      });
      const copy = writeCodesBack(bytes, file, first);
      const again = await importGrid(await readSpreadsheet(copy, { fileName: file }), {
        today: '2026-01-15',
      });
      expect(again.records.every((r) => r.codeFromSheet)).toBe(true);
      expect(again.records.map((r) => r.record.code)).toEqual(
        first.records.map((r) => r.record.code),
      );
      expect(again.badRows.map((b) => b.row)).toEqual(first.badRows.map((b) => b.row));
    },
  );
});

describe('phones', () => {
  it('keeps the first number of a cell holding two', async () => {
    const result = await importGrid(
      sheet(null, [
        ['Nom', 'Prénom', 'Tél'],
        ['ROCHE', 'Marius', '06 12 34 56 78 / 04 66 27 50 00'],
      ]),
    );
    expect(result.records[0]!.stated.guardians).toEqual([{ phone: '+33612345678' }]);
  });
});
