/**
 * Reads a caseload for the command line (`--caseload FILE`): a JSON file
 * (`{"records":[…]}` or an array of records) or an encrypted store file
 * (recognised by its header; passphrase from PASSERELLE_PASSPHRASE or a
 * prompt). Spreadsheet caseloads are read through their capability as it lands.
 */
import { extname } from 'node:path';
import { PasserelleError, validateRecord, type ParcoursRecord } from '../parcours';
import { isStoreFile, openBackup } from '../store';
import { readInput, type CliIO } from './io';
import { askPassphrase } from './store-file';

export interface CaseloadFile {
  records: ParcoursRecord[];
  /** One French message per record that failed validation, naming the record and the field. */
  problems: string[];
}

export async function readCaseloadFile(path: string, io: CliIO): Promise<CaseloadFile> {
  const bytes = await readInput(path, io);
  if (isStoreFile(bytes)) {
    const { contents } = await openBackup(new Uint8Array(bytes), await askPassphrase(io));
    return validateAll(contents.records);
  }
  const kind = extname(path).toLowerCase();
  if (kind !== '.json' && path !== '-') {
    throw new PasserelleError(
      'caseload/format',
      `format de file active non pris en charge (${kind || 'sans extension'}) : fournissez un fichier .json ou un fichier de file active chiffrée.`,
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
  return validateAll(list);
}

function validateAll(list: unknown[]): CaseloadFile {
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
