/**
 * Writes the codes assigned on import back into a copy of the original file:
 * a «Code parcours» column after the last column of each imported sheet, so
 * every member of the team gives the same child the same code.
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { PasserelleError } from '../parcours';
import { decodeText, detectSeparator } from './read-csv';
import { isCompoundFile, isZip } from './read-workbook';
import type { ImportResult } from './types';

const CODE_HEADER = 'Code parcours';

function sheetsNeedingCodes(result: ImportResult) {
  const sheets = result.mapping.filter((m) => !m.columns.some((c) => c.key === 'code'));
  if (!sheets.length)
    throw new PasserelleError(
      'import/codes-present',
      'le fichier a déjà une colonne « Code parcours » : il n’y a rien à y ajouter.',
    );
  return sheets;
}

function codesByRow(result: ImportResult, sheet: string | null): Map<number, string> {
  return new Map(
    result.records.filter((r) => r.sheet === sheet).map((r) => [r.rowIndex, r.record.code]),
  );
}

function withCodesCsv(bytes: Uint8Array, result: ImportResult): Uint8Array {
  const { text } = decodeText(bytes);
  const delimiter = /^sep=(.)\r?\n/i.exec(text)?.[1] ?? detectSeparator(text);
  const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  if (rows.length && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '')
    rows.pop();
  const [layout] = sheetsNeedingCodes(result);
  const width = layout!.columns.length;
  const headerIndex = result.mapping[0]!.headerRow - 1;
  const codes = codesByRow(result, null);
  const out = rows.map((row, index) => {
    const padded = [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')];
    if (index === headerIndex) return [...padded, CODE_HEADER];
    return [...padded, codes.get(index) ?? ''];
  });
  const csv = Papa.unparse(out, { delimiter, newline: '\r\n' });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

function withCodesWorkbook(bytes: Uint8Array, result: ImportResult, fileName: string): Uint8Array {
  const workbook = XLSX.read(bytes, {
    type: 'array',
    cellFormula: true,
    cellStyles: true,
    cellNF: true,
  });
  for (const layout of sheetsNeedingCodes(result)) {
    const sheet = layout.sheet !== null ? workbook.Sheets[layout.sheet] : undefined;
    if (!sheet) continue;
    const column = layout.columns.length;
    const headerIndex = layout.headerRow - 1;
    XLSX.utils.sheet_add_aoa(sheet, [[CODE_HEADER]], { origin: { r: headerIndex, c: column } });
    for (const [rowIndex, code] of codesByRow(result, layout.sheet))
      XLSX.utils.sheet_add_aoa(sheet, [[code]], { origin: { r: rowIndex, c: column } });
  }
  const bookType = /\.ods$/i.test(fileName) ? 'ods' : /\.xls$/i.test(fileName) ? 'biff8' : 'xlsx';
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType }) as ArrayBuffer);
}

/** A copy of the imported file with a «Code parcours» column filled for each imported row. */
export function writeCodesBack(
  bytes: Uint8Array,
  fileName: string,
  result: ImportResult,
): Uint8Array {
  if (isZip(bytes) || isCompoundFile(bytes)) return withCodesWorkbook(bytes, result, fileName);
  return withCodesCsv(bytes, result);
}
