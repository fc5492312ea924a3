/**
 * Reads a caseload for the command line (`--caseload FILE`): a JSON file
 * (`{"records":[…]}` or an array of records) or a caseload spreadsheet
 * (.csv, .xlsx, .xls, .ods with the dictionary's headers) read through the
 * importer; rows without a code get codes in file order. Store files are read
 * through their capability as it lands.
 */
import { basename, extname } from 'node:path';
import { importGrid, readSpreadsheet } from '../import';
import { PasserelleError, validateRecord, type ParcoursRecord } from '../parcours';
import { readInput, type CliIO } from './io';

const SPREADSHEETS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls', '.ods']);

async function readCaseloadSpreadsheet(bytes: Uint8Array, path: string): Promise<CaseloadFile> {
  const result = await importGrid(await readSpreadsheet(bytes, { fileName: basename(path) }));
  return {
    records: result.records.map((r) => r.record),
    problems: [
      ...result.badRows.map(
        (b) => `${b.sheet !== null ? `feuille ${b.sheet}, ` : ''}ligne ${b.row} — ${b.reason}`,
      ),
      ...result.report.duplicateCodes.map((d) => `code parcours ${d.code} en double`),
    ],
  };
}

export interface CaseloadFile {
  records: ParcoursRecord[];
  /** One French message per record that failed validation, naming the record and the field. */
  problems: string[];
}

export async function readCaseloadFile(path: string, io: CliIO): Promise<CaseloadFile> {
  const bytes = await readInput(path, io);
  const kind = extname(path).toLowerCase();
  if (SPREADSHEETS.has(kind)) return readCaseloadSpreadsheet(new Uint8Array(bytes), path);
  if (kind !== '.json' && path !== '-') {
    throw new PasserelleError(
      'caseload/format',
      `format de file active non pris en charge (${kind || 'sans extension'}) : fournissez un fichier .json, .csv, .xlsx, .xls ou .ods.`,
      { file: path },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
    );
  } catch {
    throw new PasserelleError(
      'caseload/json',
      'le fichier n’est pas un JSON lisible en UTF-8 : vérifiez qu’il a été exporté par Passerelle.',
      { file: path },
    );
  }
  const list = Array.isArray(data) ? data : (data as { records?: unknown })?.records;
  if (!Array.isArray(list)) {
    throw new PasserelleError(
      'caseload/shape',
      'le fichier ne contient pas de liste « records » de fiches parcours.',
      { file: path },
    );
  }
  const records: ParcoursRecord[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    const result = validateRecord(item);
    if (result.ok) records.push(result.value);
    else {
      const code = (item as { code?: unknown })?.code;
      const who = typeof code === 'string' ? `fiche ${code}` : `fiche n° ${index + 1}`;
      problems.push(...result.error.details.map((d) => `${who} — ${d}`));
    }
  });
  return { records, problems };
}
