/**
 * The fast .xlsx reader against SheetJS, the reference: every value and
 * whether its number format is a date must agree, on the corpus workbooks,
 * the benchmark's workbook and a hand-made package with what producers vary
 * (namespace prefixes, inline and rich strings, booleans, errors, formula
 * results, cells without references, escapes, merges). Old Mac workbooks
 * (1904 dates) are read as the dates they show.
 */
import * as XLSX from '@e965/xlsx';
import PizZip from 'pizzip';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet, type Grid } from '../../shared/import';
import { caseloadWorkbook } from '../bench/import';

type Cell = [row: number, column: number, value: unknown, date: boolean];

const isDate = (format: string | null | undefined) => !!format && XLSX.SSF.is_date(format);

function sheetJsCells(bytes: Uint8Array): Record<string, Cell[]> {
  const workbook = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true });
  const out: Record<string, Cell[]> = {};
  for (const name of workbook.SheetNames) {
    const data = (workbook.Sheets[name]!['!data'] ?? []) as Array<Array<XLSX.CellObject>>;
    out[name] = data.flatMap((row, r) =>
      (row ?? []).flatMap((cell, c): Cell[] =>
        !cell || cell.v === undefined || cell.t === 'e'
          ? []
          : [[r, c, cell.v, typeof cell.v === 'number' && isDate(cell.z as string)]],
      ),
    );
  }
  return out;
}

function gridCells(grid: Grid): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  for (const sheet of grid.sheets) {
    out[sheet.name!] = sheet.rows.flatMap((row, r) =>
      row.flatMap((value, c): Cell[] =>
        value === null
          ? []
          : [[r, c, value, typeof value === 'number' && isDate(sheet.numberFormats?.[r]?.[c])]],
      ),
    );
  }
  return out;
}

async function agree(bytes: Uint8Array) {
  const grid = await readSpreadsheet(bytes, { fileName: 'suivi.xlsx' });
  expect(gridCells(grid)).toEqual(sheetJsCells(bytes));
  return grid;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const SAMPLE_ROWS =
  `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Présent</x:t></x:is></x:c><x:c r="D1" t="str"><x:f>"Tél"&amp;"."</x:f><x:v>Tél.</x:v></x:c></x:row>` +
  `<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" s="1"><x:v>41771</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" s="3" t="s"><x:v>3</x:v></x:c><x:c r="E2" t="e"><x:v>#N/A</x:v></x:c><x:c r="F2" s="2"/></x:row>` +
  `<x:row r="4"><x:c t="inlineStr"><x:is><x:t>sans référence</x:t></x:is></x:c><x:c><x:v>3.5</x:v></x:c><x:c s="2"><x:v>45600</x:v></x:c></x:row>`;

/** A package written the way .NET producers write them: every element prefixed with `x:`. */
function handMade(options: { date1904?: boolean; sheetData?: string } = {}): Uint8Array {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId8" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<x:workbook xmlns:x="${NS}" xmlns:r="${REL}">${options.date1904 ? '<x:workbookPr date1904="1"/>' : ''}<x:sheets><x:sheet name="Suivi &amp; EPS" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<x:sst xmlns:x="${NS}" count="4" uniqueCount="4"><x:si><x:t>Nom</x:t></x:si><x:si><x:t>Date de naissance</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>N'DIAYE</x:t></x:r><x:r><x:t xml:space="preserve"> Awa</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ンディアイ</x:t></x:rPh></x:si><x:si><x:t>Ligne 1_x000D_&#10;Ligne 2 &lt;suite&gt;</x:t></x:si></x:sst>`,
  );
  zip.file(
    'xl/styles.xml',
    `<x:styleSheet xmlns:x="${NS}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/><x:xf numFmtId="14"/><x:xf numFmtId="49"/></x:cellXfs></x:styleSheet>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<x:worksheet xmlns:x="${NS}"><x:dimension ref="A1:F4"/><x:cols><x:col min="1" max="2" width="20"/></x:cols><x:sheetData>` +
      (options.sheetData ?? SAMPLE_ROWS) +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A4:A5"/></x:mergeCells></x:worksheet>`,
  );
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('the fast .xlsx reader agrees with SheetJS', () => {
  it.each(['exemple-suivi-pissevin.xlsx', 'exemple-referentes-avignon.xlsx'])(
    'on the corpus workbook %s',
    async (file) => {
      const grid = await agree(new Uint8Array(readFileSync(`tests/fixtures/import/${file}`)));
      expect(grid.sheets.length).toBeGreaterThan(0);
    },
  );

  it('on the benchmark workbook (dates, phones as numbers and text)', async () => {
    const grid = await agree(caseloadWorkbook(300));
    expect(grid.sheets[0]!.rows).toHaveLength(303);
  });

  it('on a hand-made package with prefixes, rich and inline strings, escapes, merges', async () => {
    const grid = await agree(handMade());
    const sheet = grid.sheets[0]!;
    expect(sheet.name).toBe('Suivi & EPS');
    expect(sheet.rows[1]).toEqual(["N'DIAYE Awa", 41771, true, 'Ligne 1\nLigne 2 <suite>']);
    expect(sheet.rows[3]).toEqual(['sans référence', 3.5, 45600]);
    expect(sheet.merges).toEqual([{ startRow: 3, startColumn: 0, endRow: 4, endColumn: 0 }]);
  });
});

describe('the fast .xlsx reader on what SheetJS leaves raw', () => {
  it('reads dates of a 1904-system workbook as the dates they show', async () => {
    const grid = await readSpreadsheet(handMade({ date1904: true }), { fileName: 'mac.xlsx' });
    const rows = grid.sheets[0]!.rows;
    // 12/05/2014 is 40309 days after 01/01/1904 and 41771 after 1900's origin.
    expect(rows[1]![1]).toBe(41771 + 1462);
    // A plain number is not a date: it is left alone.
    expect(rows[3]![1]).toBe(3.5);
  });

  it('refuses lone cells far to the right without allocating the empty columns', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, r) =>
        `<x:row r="${r + 1}"><x:c r="XFD${r + 1}" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>`,
    );
    await expect(
      readSpreadsheet(handMade({ sheetData: rows.join('') }), { fileName: 'large.xlsx' }),
    ).rejects.toThrow(/16384 colonnes/);
  });

  it('counts cells against the limit and says so in French', async () => {
    await expect(
      readSpreadsheet(caseloadWorkbook(50), { fileName: 'a.xlsx', limits: { maxCells: 100 } }),
    ).rejects.toThrow(/plus de 100 cellules/);
  });
});
