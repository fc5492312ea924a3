/** What `scan` and `anonymise` share: reading the text and the caseload into scan options. */
import type { ScanOptions } from '../../anonymisation';
import { PasserelleError, peopleFromRecords } from '../../parcours';
import { stringOption, type ParsedArgs } from '../command';
import { readInput, type CliIO } from '../io';

export const caseloadOption = {
  type: 'string',
  value: 'FICHIER',
  description: 'File active (les enfants et parents suivis) pour reconnaître leurs noms',
} as const;

export async function readText(path: string, io: CliIO): Promise<string> {
  const bytes = await readInput(path, io);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new PasserelleError(
      'input/encoding',
      'le texte n’est pas en UTF-8 : enregistrez-le en UTF-8 puis recommencez.',
      { file: path },
    );
  }
}

export async function scanOptionsFrom(args: ParsedArgs, io: CliIO): Promise<ScanOptions> {
  // Loaded on use: `scan --help` needs neither the detector nor the spreadsheet and store readers.
  const [{ namesIndexFromPeople }, { readCaseloadFile }] = await Promise.all([
    import('../../anonymisation'),
    import('../caseload-file'),
  ]);
  const caseload = stringOption(args, 'caseload');
  if (!caseload) return {};
  const { records } = await readCaseloadFile(caseload, io);
  const referents = records.map((r) => r.referent).filter((r): r is string => !!r);
  return { names: namesIndexFromPeople(peopleFromRecords(records), { professionals: referents }) };
}
