/** The dev corpus of messy spreadsheets: every expected field and bad row, no invented record. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importGrid, readSpreadsheet } from '../../shared/import';

const dir = join(__dirname, '../fixtures/import');
const files = readdirSync(dir).filter((f) => /^exemple-.*\.(xlsx|csv)$/.test(f));

type Flat = Record<string, unknown>;
function flatten(value: unknown, prefix = '', out: Flat = {}): Flat {
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
    out[prefix] = [...value].map(String).sort();
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k !== 'id' && k !== 'code') flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (value !== undefined && value !== '') {
    out[prefix] = value;
  }
  return out;
}
const norm = (v: unknown) => JSON.stringify(v).normalize('NFC').replace(/\s+/g, ' ').toLowerCase();
const nameOf = (r: { child: { lastName?: string; firstName?: string } }) =>
  `${r.child.lastName}|${r.child.firstName}`.toLowerCase();

describe.each(files)('%s', (file) => {
  const expected = JSON.parse(
    readFileSync(join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8'),
  ) as {
    records: Array<{ child: { lastName?: string; firstName?: string } }>;
    badRows: Array<{ sheet: string | null; row: number }>;
  };

  it('gives every expected record with every expected field, and nothing else', async () => {
    const grid = await readSpreadsheet(new Uint8Array(readFileSync(join(dir, file))), {
      fileName: file,
    });
    const result = await importGrid(grid, { today: '2026-01-15' });
    const got = result.records.map((r) => r.stated);
    expect(got.map(nameOf)).toEqual(expected.records.map(nameOf));
    let compared = 0;
    expected.records.forEach((record, i) => {
      const want = flatten(record);
      compared += Object.keys(want).length;
      const have = flatten(got[i]);
      for (const [key, value] of Object.entries(want)) {
        if (/phone/.test(key))
          expect(String(have[key]).replace(/^\+33/, '0')).toBe(String(value).replace(/^\+33/, '0'));
        else expect(norm(have[key]), `${nameOf(record)} ${key}`).toBe(norm(value));
      }
    });
    expect(compared).toBeGreaterThan(expected.records.length * 8);
    expect(result.badRows.map((b) => ({ sheet: b.sheet, row: b.row }))).toEqual(
      expected.badRows.map((b) => ({ sheet: b.sheet, row: b.row })),
    );
  });
});

describe('the same workbook saved as .ods and .xls', () => {
  it.each(['ods', 'xls'] as const)('gives the same records as .xlsx (%s)', async (kind) => {
    const file = 'exemple-suivi-pissevin.xlsx';
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const original = await importGrid(await readSpreadsheet(bytes, { fileName: file }));
    const workbook = XLSX.read(bytes, { type: 'array', cellNF: true });
    const converted = new Uint8Array(
      XLSX.write(workbook, { type: 'array', bookType: kind === 'xls' ? 'biff8' : 'ods' }),
    );
    const again = await importGrid(await readSpreadsheet(converted, { fileName: `suivi.${kind}` }));
    expect(again.records.map((r) => r.stated)).toEqual(original.records.map((r) => r.stated));
  });
});
