/**
 * Hostile and broken files, generated here: each gives a clear French
 * PasserelleError (never a crash, never a hang) or, for formulas, values only.
 */
import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import PizZip from 'pizzip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGrid, readSpreadsheet, type ReadOptions } from '../../shared/import';
import { PasserelleError } from '../../shared/parcours';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../fixtures/import', name)));

async function failure(bytes: Uint8Array, options: ReadOptions): Promise<PasserelleError> {
  try {
    await importGrid(await readSpreadsheet(bytes, options));
  } catch (error) {
    expect(error).toBeInstanceOf(PasserelleError);
    return error as PasserelleError;
  }
  throw new Error('aucune erreur levée');
}

interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Size written in the headers (a bomb lies here). */
  declaredSize?: number;
}

/** A minimal zip writer: deflated parts, local headers, central directory. */
function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

const workbook = (rows: unknown[][], book: XLSX.BookType = 'xlsx') => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Suivi');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: book, compression: true }));
};

describe('hostile and broken files', () => {
  it('refuses an empty file', async () => {
    const error = await failure(new Uint8Array(), { fileName: 'suivi.xlsx' });
    expect(error.code).toBe('import/empty');
    expect(error.message).toMatch(/vide/);
  });

  it('refuses a PDF renamed .xlsx', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const error = await failure(pdf, { fileName: 'suivi.xlsx' });
    expect(error.code).toBe('import/not-spreadsheet');
    expect(error.message).toMatch(/PDF/);
  });

  it('refuses a text file renamed .xlsx', async () => {
    const error = await failure(new TextEncoder().encode('Nom;Prénom\nA;B'), {
      fileName: 'a.xlsx',
    });
    expect(error.code).toBe('import/not-spreadsheet');
  });

  it('refuses a truncated workbook (corrupt zip)', async () => {
    const bytes = fixture('exemple-suivi-pissevin.xlsx');
    const error = await failure(bytes.subarray(0, Math.floor(bytes.length * 0.6)), {
      fileName: 'suivi.xlsx',
    });
    expect(error.code).toBe('import/corrupt');
    expect(error.message).toMatch(/endommagé/);
  });

  it('refuses a workbook whose parts are garbled', async () => {
    const bytes = fixture('exemple-suivi-pissevin.xlsx').slice();
    for (let i = 200; i < bytes.length - 2_000; i += 7) bytes[i] = (bytes[i]! + 91) % 256;
    const error = await failure(bytes, { fileName: 'suivi.xlsx' });
    expect(error.code).toBe('import/corrupt');
  });

  it('refuses a broken .xls', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failure(bytes, { fileName: 'suivi.xls' });
    expect(error.code).toBe('import/corrupt');
  });

  it('refuses a zip bomb that lies about its size, before SheetJS inflates it', async () => {
    const bomb = zip([
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(20_000_000), declaredSize: 1_000 },
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    const error = await failure(bomb, { fileName: 'suivi.xlsx' });
    expect(error.code).toBe('import/zip-bomb');
  });

  it('refuses a zip whose declared sizes exceed the limit, without inflating', async () => {
    const bomb = zip([{ name: 'a.xml', data: new Uint8Array(10), declaredSize: 4_000_000_000 }]);
    const error = await failure(bomb, { fileName: 'suivi.xlsx' });
    expect(error.code).toBe('import/zip-bomb');
  });

  it('refuses a part compressed beyond any spreadsheet ratio', async () => {
    const bomb = zip([{ name: 'a.xml', data: new Uint8Array(50_000_000) }]);
    const error = await failure(bomb, { fileName: 'suivi.ods' });
    expect(error.code).toBe('import/zip-bomb');
  });

  it('refuses a 100 MB CSV at once', async () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x41);
    const started = Date.now();
    const error = await failure(big, { fileName: 'gros.csv' });
    expect(error.code).toBe('import/too-large');
    expect(error.message).toMatch(/Mo/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a sheet with 16 384 columns', async () => {
    const row = Array.from({ length: 16_384 }, (_, i) => `c${i}`);
    const error = await failure(workbook([['Nom', 'Prénom'], row]), { fileName: 'large.xlsx' });
    expect(error.code).toBe('import/too-large');
    expect(error.message).toMatch(/16384 colonnes/);
  });

  it('refuses a CSV line with 16 384 columns', async () => {
    const line = Array.from({ length: 16_384 }, () => 'x').join(';');
    const error = await failure(new TextEncoder().encode(`Nom;Prénom\n${line}\n`), {
      fileName: 'a.csv',
    });
    expect(error.code).toBe('import/too-large');
  });

  it('refuses a binary file named .csv', async () => {
    const error = await failure(new Uint8Array([1, 0, 2, 0, 3, 0]), { fileName: 'a.csv' });
    expect(error.code).toBe('import/not-text');
  });

  it('refuses a file without any caseload table', async () => {
    const error = await failure(new TextEncoder().encode('Budget;Montant\nLoyer;300\n'), {
      fileName: 'budget.csv',
    });
    expect(error.code).toBe('import/no-header');
  });

  it('keeps the values formulas saved and never evaluates them', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Nom', 'Prénom', 'Date de naissance', 'Observations'],
      ['ROCHE', 'Marius', '02/01/2012', '=1+1'],
    ]);
    sheet.A2 = { t: 's', v: 'ROCHE', f: 'UPPER("roche")' };
    sheet.D2 = { t: 's', v: '', f: 'HYPERLINK("http://example.invalid","x")' };
    sheet.E2 = { t: 'n', v: 7, f: 'WEBSERVICE("http://example.invalid")' };
    sheet['!ref'] = 'A1:E2';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'Suivi');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const grid = await readSpreadsheet(bytes, { fileName: 'f.xlsx' });
    expect(grid.sheets[0]!.rows[1]).toEqual(['ROCHE', 'Marius', '02/01/2012', '', 7]);
    const csv = new TextEncoder().encode('Nom;Prénom;Observations\nROCHE;Marius;=1+1\n');
    const result = await importGrid(await readSpreadsheet(csv, { fileName: 'f.csv' }));
    expect(result.records[0]!.stated.notes).toBe('=1+1');
  });
});

describe('declared sizes of a sheet', () => {
  it('trusts the cells, not a dimension that claims the whole sheet', async () => {
    const zipped = new PizZip(
      workbook([
        ['Nom', 'Prénom'],
        ['ROCHE', 'Marius'],
      ]),
    );
    const xml = zipped.file('xl/worksheets/sheet1.xml')!.asText();
    zipped.file(
      'xl/worksheets/sheet1.xml',
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    const bytes = zipped.generate({ type: 'uint8array', compression: 'DEFLATE' });
    const result = await importGrid(await readSpreadsheet(bytes, { fileName: 'a.xlsx' }));
    expect(result.records).toHaveLength(1);
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`NOM${i}`, 'Awa']);
    const bytes = workbook([['Nom', 'Prénom'], ...rows]);
    const error = await failure(bytes, { fileName: 'a.xlsx', limits: { maxRowsPerSheet: 20 } });
    expect(error.code).toBe('import/too-large');
  });
});
