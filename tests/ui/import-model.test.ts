import { describe, expect, it } from 'vitest';
import { importGrid, type ImportResult } from '../../shared/import';
import {
  cellErrors,
  fieldChoices,
  importSummary,
  lacksCodeColumn,
  mappingLines,
  previewRows,
  rowsLabel,
  withOverride,
} from '../../shared/ui';
import { MemoryExcelHost } from '../../addin/hosts/excel';
import { sampleWorkbook } from '../../addin/taskpane/preview/sample-workbook';
import { gridOfRange } from '../../addin/taskpane/import-range';

async function importSheet(
  name: string,
  overrides?: Record<string, string | null>,
): Promise<ImportResult> {
  const host = new MemoryExcelHost(sampleWorkbook());
  const origin = gridOfRange(await host.readSheet(name));
  return importGrid(origin.grid, {
    today: '2026-09-15',
    ...(overrides ? { mappingOverrides: overrides } : {}),
  });
}

describe('import screen model', () => {
  it('lists each column with its field, confidence and origin; unknown ones unmapped', async () => {
    const lines = mappingLines((await importSheet('Orientations 2026')).mapping);
    expect(lines.map((l) => [l.letter, l.header, l.key])).toEqual([
      ['A', 'NOM', 'child.lastName'],
      ['B', 'Prénom', 'child.firstName'],
      ['C', 'DDN', 'child.birthDate'],
      ['D', 'Ecole', 'child.school'],
      ['E', 'Classe', 'child.grade'],
      ['F', 'Suivi par', 'referent'],
      ['G', 'Orienté par', 'referral.source'],
      ['H', 'Tél. mère', 'guardians[].phone'],
      ['I', 'Remarque éduc', null],
    ]);
    expect(lines.find((l) => l.letter === 'H')?.confidence).toBe(90);
  });

  it('offers every dictionary field but the internal id, and the full name in one cell', () => {
    const keys = fieldChoices.map((c) => c.key);
    expect(keys).toContain('child.fullName');
    expect(keys).toContain('notes');
    expect(keys).not.toContain('id');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes a correction: the column is imported, marked as the user’s choice', async () => {
    const overrides = withOverride({}, 'Remarque éduc', 'notes');
    const result = await importSheet('Orientations 2026', overrides);
    const line = mappingLines(result.mapping).find((l) => l.letter === 'I');
    expect(line).toMatchObject({ key: 'notes', origin: 'user' });
    expect(result.unmappedColumns).toEqual([]);
    expect(result.records[0]?.record.notes).toBe('Timide en classe');
    expect(withOverride(overrides, 'Tél. mère', null)).toEqual({
      'Remarque éduc': 'notes',
      'Tél. mère': null,
    });
  });

  it('gives each faulty cell its sheet row and address, and the rows their outcome', async () => {
    const result = await importSheet('Orientations 2026');
    expect(cellErrors(result)).toEqual([
      expect.objectContaining({ sheet: 'Orientations 2026', row: 4, column: 'DDN', address: 'C4' }),
    ]);
    expect(cellErrors(result)[0]?.message).toMatch(/ligne 4, colonne DDN.*31\/02\/2016/);
    expect(previewRows(result).map((r) => [r.row, r.action])).toEqual([
      [3, 'Nouvelle fiche'],
      [4, 'Rejetée'],
      [5, 'Nouvelle fiche'],
    ]);
    expect(previewRows(result, 1)).toHaveLength(1);
  });

  it('sums up created, updated and ignored rows with their reasons', async () => {
    const summary = importSummary(await importSheet('Orientations 2026'));
    expect(summary).toMatchObject({ created: 2, updated: 0, ignoredTotal: 1 });
    expect(summary.ignored).toEqual([
      { reason: expect.stringMatching(/date de naissance impossible/), rows: [4] },
    ]);
    expect(rowsLabel([4])).toBe('ligne 4');
    expect(rowsLabel([4, 7, 9])).toBe('lignes 4, 7 et 9');
  });

  it('asks about codes only when the sheet has no «Code parcours» column', async () => {
    expect(lacksCodeColumn(await importSheet('Orientations 2026'))).toBe(true);
    expect(lacksCodeColumn(await importSheet('Suivi 2025-2026'))).toBe(false);
  });
});
