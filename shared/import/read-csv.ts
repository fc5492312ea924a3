/**
 * CSV and TSV files → the grid, through PapaParse. Encoding: a BOM wins, then
 * strict UTF-8, then Windows-1252 (French Excel's «CSV (séparateur :
 * point-virgule)») decoded with a real table — Node's TextDecoder maps bytes
 * 0x80–0x9F (€ ’ – œ) to control characters. Separator: the one that splits
 * the lines most consistently. Row numbers are the file's line numbers.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { PasserelleError } from '../parcours';
import type { CellValue, Grid } from './grid';
import type { ImportLimits } from './limits';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes as Buffer, 'windows-1252'), encoding: 'windows-1252' };
  }
}

const SEPARATORS = [';', ',', '\t', '|'] as const;

/** The separator whose count is the same on the most lines (quoted text ignored). */
export function detectSeparator(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 50);
  let best: string = SEPARATORS[0];
  let bestScore = 0;
  for (const separator of SEPARATORS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = line.split(separator).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** Line number (1-based) where each parsed row starts. */
function lineNumbersOf(text: string, rowEnds: number[]): number[] {
  const numbers: number[] = [];
  let line = 1;
  let at = 0;
  for (const end of rowEnds) {
    numbers.push(line);
    for (; at < end; at++) {
      const ch = text.charCodeAt(at);
      if (ch === 10 || (ch === 13 && text.charCodeAt(at + 1) !== 10)) line++;
    }
  }
  return numbers;
}

export function readCsv(bytes: Uint8Array, limits: ImportLimits, file?: string): Grid {
  const { text } = decodeText(bytes);
  if (text.includes('\u0000'))
    throw new PasserelleError(
      'import/not-text',
      'le fichier n’est pas un fichier texte CSV : enregistrez le tableau au format .csv ou .xlsx.',
      file ? { file } : {},
    );
  const rows: CellValue[][] = [];
  const rowEnds: number[] = [];
  let tooWide = 0;
  Papa.parse<string[]>(text, {
    // Excel's «sep=;» first line names the separator.
    delimiter: /^sep=(.)\r?\n/i.exec(text)?.[1] ?? detectSeparator(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      if (result.data.length > limits.maxColumns) {
        tooWide = result.data.length;
        parser.abort();
        return;
      }
      rows.push(result.data);
      rowEnds.push(result.meta.cursor);
      if (rows.length > limits.maxRowsPerSheet) parser.abort();
    },
  });
  const place = file ? { file } : {};
  if (tooWide)
    throw new PasserelleError(
      'import/too-large',
      `une ligne compte ${tooWide} colonnes, au-delà de la limite de ${limits.maxColumns} : vérifiez le séparateur ou découpez le fichier.`,
      place,
    );
  if (rows.length > limits.maxRowsPerSheet)
    throw new PasserelleError(
      'import/too-large',
      `le fichier compte plus de ${limits.maxRowsPerSheet} lignes : découpez-le.`,
      place,
    );
  // The final line break leaves one empty row behind.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') {
    rows.pop();
    rowEnds.pop();
  }
  return { sheets: [{ name: null, rows, rowNumbers: lineNumbersOf(text, rowEnds) }] };
}
