/**
 * Any spreadsheet file → the grid. The content decides, not the extension: a
 * «.xlsx» that is really a PDF or a text file is refused with a clear message
 * before a parser sees it.
 */
import { PasserelleError } from '../parcours';
import type { Grid } from './grid';
import { importLimits, type ImportLimits } from './limits';
import { readCsv } from './read-csv';
import { isCompoundFile, isZip, readWorkbook } from './read-workbook';

export interface ReadOptions {
  /** File name, for messages and for the kind when the content does not tell. */
  fileName?: string;
  limits?: Partial<ImportLimits>;
}

const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|ods|xlsb)$/i;
const TEXT_EXTENSIONS = /\.(csv|tsv|txt|tab)$/i;

function startsWith(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
  return /^\s*</.test(head);
}

export async function readSpreadsheet(bytes: Uint8Array, options: ReadOptions = {}): Promise<Grid> {
  const limits: ImportLimits = { ...importLimits, ...options.limits };
  const file = options.fileName;
  const place = file ? { file } : {};
  if (bytes.byteLength === 0)
    throw new PasserelleError(
      'import/empty',
      'le fichier est vide : vérifiez que vous avez choisi le bon fichier et qu’il a bien été enregistré.',
      place,
    );
  if (bytes.byteLength > limits.maxFileBytes)
    throw new PasserelleError(
      'import/too-large',
      `le fichier fait ${Math.ceil(bytes.byteLength / 1024 / 1024)} Mo, au-delà de la limite de ${Math.round(limits.maxFileBytes / 1024 / 1024)} Mo : découpez-le ou gardez seulement le tableau de suivi.`,
      place,
    );
  if (startsWith(bytes, '%PDF'))
    throw new PasserelleError(
      'import/not-spreadsheet',
      'ce fichier est un PDF, pas un tableur : ouvrez le tableau d’origine (Excel, LibreOffice) et enregistrez-le en .xlsx ou .csv.',
      place,
    );
  if (isZip(bytes) || isCompoundFile(bytes)) return readWorkbook(bytes, limits, file);
  const name = file ?? '';
  if (WORKBOOK_EXTENSIONS.test(name) && !(/\.xls$/i.test(name) && looksLikeMarkup(bytes)))
    throw new PasserelleError(
      'import/not-spreadsheet',
      'ce fichier porte une extension de classeur mais n’en est pas un (contenu inconnu ou endommagé) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx.',
      place,
    );
  if (looksLikeMarkup(bytes) && !TEXT_EXTENSIONS.test(name))
    return readWorkbook(bytes, limits, file);
  return readCsv(bytes, limits, file);
}
