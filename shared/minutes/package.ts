/**
 * Opens a .docx template safely: zip sanity and bomb checks first, macros
 * refused, then PizZip. Also lists the parts whose text matters.
 */
import PizZip from 'pizzip';
import { PasserelleError } from '../parcours';
import { checkInflation, type ZipErrors } from '../zip';

export interface OpenedTemplate {
  zip: PizZip;
  /** Parts holding template text (body, headers, footers, notes, properties), in a stable order. */
  textParts: string[];
  /** The XML of each of those parts. */
  xml: Record<string, string>;
}

/** Macro-enabled documents (.docm, .dotm) run code in Word: never accepted, even to fill. */
function refuseMacros(zip: PizZip, names: string[]): void {
  const types = zip.file('[Content_Types].xml')?.asText() ?? '';
  if (/macroEnabled/i.test(types) || names.some((n) => /vbaProject\.bin$|vbaData\.xml$/i.test(n))) {
    throw new PasserelleError(
      'minutes/macros',
      'ce modèle contient des macros (fichier .docm ou .dotm) : Passerelle ne les accepte pas. Dans Word, enregistrez-le en « Document Word (.docx) », sans macros, puis réessayez.',
    );
  }
}

export const ZIP_LIMITS = {
  /** A Word template is a few hundred kilobytes; 20 MB leaves room for images. */
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxTotalBytes: 100 * 1024 * 1024,
  /** Text compresses well, but not a thousand to one. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** A part that cannot inflate beyond this, whatever its header says, is not worth streaming. */
  harmlessBytes: 4 * 1024 * 1024,
} as const;

const zipErrors: ZipErrors = {
  corrupt: (reason) =>
    new PasserelleError(
      'minutes/not-docx',
      `ce fichier n’est pas un document Word .docx lisible (${reason}) : enregistrez le modèle au format « Document Word (.docx) » et réessayez.`,
    ),
  bomb: (part, detail) =>
    new PasserelleError(
      'minutes/zip-bomb',
      `le modèle est refusé : la partie « ${part} » ${detail}. Ce fichier ressemble à une « bombe zip » ; utilisez un modèle enregistré directement depuis Word ou LibreOffice.`,
      { file: part },
    ),
};

export async function openTemplate(bytes: Uint8Array): Promise<OpenedTemplate> {
  if (bytes.length > ZIP_LIMITS.maxFileBytes) {
    throw new PasserelleError(
      'minutes/too-large',
      `le modèle fait ${Math.round(bytes.length / 1024 / 1024)} Mo, au-delà de la limite de ${ZIP_LIMITS.maxFileBytes / 1024 / 1024} Mo : allégez-le (images) et réessayez.`,
    );
  }
  const entries = await checkInflation(bytes, ZIP_LIMITS, zipErrors);
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new PasserelleError(
      'minutes/not-docx',
      'ce fichier n’est pas un document Word .docx lisible : enregistrez le modèle au format « Document Word (.docx) » et réessayez.',
    );
  }
  const names = entries.map((e) => e.name);
  refuseMacros(zip, names);
  if (!zip.file('word/document.xml')) {
    throw new PasserelleError(
      'minutes/not-docx',
      'ce fichier est une archive zip mais pas un document Word (word/document.xml manque) : choisissez un modèle .docx.',
    );
  }
  const textParts = templatedParts(zip, names);
  const xml: Record<string, string> = {};
  for (const part of textParts) {
    try {
      xml[part] = zip.file(part)!.asText();
    } catch {
      // PizZip checks each part's size as it inflates it: a lying header ends here.
      throw new PasserelleError(
        'minutes/not-docx',
        `ce document Word est endommagé (partie « ${part} » illisible) : ouvrez-le dans Word, enregistrez-le de nouveau en .docx et réessayez.`,
        { file: part },
      );
    }
  }
  return { zip, textParts, xml };
}

/** The parts docxtemplater fills (its docx file types), found by content type as it does. */
const TEMPLATED_TYPES =
  /wordprocessingml\.(?:document\.main|template\.main|header|footer|footnotes|comments)\+xml/;

/** Reading order for listings: headers, body, footers, notes and comments, properties. */
const PART_ORDER = [/header/, /document|template/, /footer/, /footnotes|comments/, /^docProps\//];
const partRank = (name: string) => PART_ORDER.findIndex((pattern) => pattern.test(name));

function templatedParts(zip: PizZip, names: string[]): string[] {
  const types = zip.file('[Content_Types].xml')?.asText() ?? '';
  const parts = new Set(['docProps/core.xml', 'docProps/app.xml'].filter((n) => names.includes(n)));
  for (const [, part, type] of types.matchAll(
    /<Override\s[^>]*?PartName="\/([^"]+)"[^>]*?ContentType="([^"]+)"/g,
  )) {
    if (TEMPLATED_TYPES.test(type!) && names.includes(part!)) parts.add(part!);
  }
  return [...parts].sort((a, b) => partRank(a) - partRank(b) || a.localeCompare(b));
}

/** French name of a part, for messages: «corps du document», «en-tête 1»… */
export function partLabel(part: string): string {
  const number = /(\d+)\.xml$/.exec(part)?.[1];
  if (part === 'word/document.xml' || part.endsWith('/document.xml')) return 'corps du document';
  if (part.startsWith('word/header')) return `en-tête${number ? ` ${number}` : ''}`;
  if (part.startsWith('word/footer')) return `pied de page${number ? ` ${number}` : ''}`;
  if (part.startsWith('word/footnotes')) return 'notes de bas de page';
  if (part.startsWith('word/comments')) return 'commentaires';
  if (part.startsWith('docProps/')) return 'propriétés du document';
  return part;
}
