/**
 * .xlsx, .xls and .ods files → the grid. Values only: formulas are never
 * evaluated (a cell keeps the result its program saved). Zip-based files are
 * checked and inflated by shared/zip; an .xlsx is then read by the fast
 * SpreadsheetML reader, anything else by SheetJS from the uncompressed parts.
 */
import * as XLSX from '@e965/xlsx';
import { PasserelleError } from '../parcours';
import type { CellValue, Grid, GridSheet } from './grid';
import type { ImportLimits } from './limits';
import { inflateZip, storedZip, type ZipErrors, type ZipLimits } from '../zip';
import { readXlsxParts } from './read-xlsx';

const decoder = new TextDecoder();

type Place = { file?: string };

function tooBig(place: Place, what: string): PasserelleError {
  return new PasserelleError(
    'import/too-large',
    `${what} : découpez le fichier ou copiez seulement le tableau de suivi dans un nouveau classeur.`,
    place,
  );
}

function sheetToGrid(
  name: string,
  sheet: XLSX.WorkSheet,
  limits: ImportLimits,
  place: Place,
): GridSheet {
  const data = (sheet['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
  // The dimension a file declares can lie (A1:XFD1048576 for two cells): count the rows read.
  if (data.length > limits.maxRowsPerSheet)
    throw tooBig(place, `la feuille « ${name} » compte plus de ${limits.maxRowsPerSheet} lignes`);
  const rows: CellValue[][] = [];
  const numberFormats: Array<Array<string | null>> = [];
  let cells = 0;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: CellValue[] = [];
    const formats: Array<string | null> = [];
    if (source) {
      let last = source.length - 1;
      while (last >= 0 && (source[last] === undefined || source[last]!.v === undefined)) last--;
      if (last + 1 > limits.maxColumns)
        throw tooBig(
          place,
          `la feuille « ${name} » compte ${last + 1} colonnes, au-delà de la limite de ${limits.maxColumns}`,
        );
      for (let c = 0; c <= last; c++) {
        const cell = source[c];
        const v = cell?.v;
        row.push(cell?.t === 'e' || v === undefined ? null : v instanceof Date ? null : v);
        formats.push(cell?.z !== undefined ? String(cell.z) : null);
      }
      cells += row.length;
      if (cells > limits.maxCells)
        throw tooBig(place, `le classeur compte plus de ${limits.maxCells} cellules`);
    }
    rows.push(row);
    numberFormats.push(formats);
  }
  const merges = (sheet['!merges'] ?? []).map((m) => ({
    startRow: m.s.r,
    startColumn: m.s.c,
    endRow: m.e.r,
    endColumn: m.e.c,
  }));
  return { name, rows, numberFormats, merges };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function zipErrors(place: Place): ZipErrors {
  return {
    corrupt: (reason) =>
      new PasserelleError(
        'import/corrupt',
        `le classeur est endommagé (${reason}) : ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau puis réessayez.`,
        place,
      ),
    bomb: () =>
      new PasserelleError(
        'import/zip-bomb',
        'le classeur se décompresse en une taille démesurée (archive piégée ou anormale) : il n’a pas été ouvert. Enregistrez les données dans un nouveau classeur.',
        place,
      ),
  };
}

const zipLimits = (limits: ImportLimits): ZipLimits => ({
  maxEntries: limits.maxZipEntries,
  maxTotalBytes: limits.maxInflatedBytes,
  maxRatio: limits.maxCompressionRatio,
  ratioFloorBytes: 1024 * 1024,
});

/**
 * Parses a workbook; the caller has checked its kind and size. A zip's parts
 * are checked and inflated once, natively; SheetJS gets them stored, so it
 * skips its own (much slower, JavaScript) inflation.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  limits: ImportLimits,
  file?: string,
): Promise<Grid> {
  const place: Place = file ? { file } : {};
  let source = bytes;
  if (isZip(bytes)) {
    const parts = await inflateZip(bytes, zipLimits(limits), zipErrors(place));
    const byName = new Map(parts.map((p) => [decoder.decode(p.rawName), p.data]));
    const sheets = readXlsxParts(byName, limits, place);
    if (sheets) return { sheets };
    source = storedZip(parts);
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(source, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellDates: false,
      sheetRows: limits.maxRowsPerSheet + 1,
    });
  } catch (error) {
    throw new PasserelleError(
      'import/corrupt',
      'le classeur est illisible ou endommagé : ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau (format .xlsx) puis réessayez.',
      place,
      [],
      { cause: error },
    );
  }
  return {
    sheets: workbook.SheetNames.map((name) =>
      sheetToGrid(name, workbook.Sheets[name]!, limits, place),
    ),
  };
}
