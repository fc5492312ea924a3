/**
 * Reads a caseload for the command line (`--caseload FILE`): a JSON file
 * (`{"records":[…]}` or an array of records), a caseload spreadsheet (.csv,
 * .xlsx, .xls, .ods with the dictionary's headers) read through the importer,
 * or an encrypted store file (recognised by its header; passphrase from
 * PASSERELLE_PASSPHRASE or a prompt). Records that come without an id or a
 * code (a partner's JSON, a sheet without «Code parcours») get them here, in
 * file order, so every reader sees complete records.
 */
import { basename, extname } from 'node:path';
import { importGrid, readSpreadsheet } from '../import';
import {
  PasserelleError,
  nextParcoursCode,
  todayIso,
  validateRecord,
  type ParcoursRecord,
} from '../parcours';
import { isStoreFile, openBackup } from '../store';
import { readInput, type CliIO } from './io';
import { askPassphrase } from './store-file';

const SPREADSHEETS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls', '.ods']);

export interface CaseloadFile {
  records: ParcoursRecord[];
  /** One French message per record that failed validation, naming the record and the field. */
  problems: string[];
}

export async function readCaseloadFile(path: string, io: CliIO): Promise<CaseloadFile> {
  const bytes = new Uint8Array(await readInput(path, io));
  if (isStoreFile(bytes)) {
    const { contents } = await openBackup(bytes, await askPassphrase(io));
    return validateAll(contents.records);
  }
  const kind = extname(path).toLowerCase();
  if (SPREADSHEETS.has(kind)) return readCaseloadSpreadsheet(bytes, path);
  if (kind !== '.json' && path !== '-') {
    throw new PasserelleError(
      'caseload/format',
      `format de file active non pris en charge (${kind || 'sans extension'}) : fournissez un fichier .json, .csv, .xlsx, .xls, .ods ou une file active chiffrée.`,
      { file: path },
    );
  }
  return validateAll(parseJsonList(bytes, path));
}

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

/** The entries of a JSON caseload (`{"records":[…]}` or an array), unvalidated. */
export function parseJsonList(bytes: Uint8Array, path: string): unknown[] {
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
  return list;
}

/** Gives missing ids and codes (never renumbering a code already there), then validates. */
function validateAll(list: unknown[]): CaseloadFile {
  const usedCodes = list
    .map((item) => (item as { code?: unknown })?.code)
    .filter((code): code is string => typeof code === 'string');
  const records: ParcoursRecord[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    let candidate = item;
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const given = item as Record<string, unknown>;
      const code = given.code ?? nextParcoursCode(usedCodes, todayIso());
      if (given.code === undefined) usedCodes.push(code as string);
      candidate = { ...given, id: given.id ?? globalThis.crypto.randomUUID(), code };
    }
    const result = validateRecord(candidate);
    if (result.ok) records.push(result.value);
    else {
      const code = (item as { code?: unknown })?.code;
      const who = typeof code === 'string' ? `fiche ${code}` : `fiche n° ${index + 1}`;
      problems.push(...result.error.details.map((d) => `${who} — ${d}`));
    }
  });
  return { records, problems };
}
