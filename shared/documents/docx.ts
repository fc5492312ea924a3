/**
 * Word documents (.docx) as the check before sharing reads and rewrites
 * them: the readable parts (body with its tables, headers, footers, notes),
 * their paragraphs, and a pseudonymised copy with every run's formatting
 * kept. The copy is checked again by the core before it is returned.
 */
import PizZip from 'pizzip';
import {
  pseudonymise,
  pseudonymiseWithMemory,
  scan,
  type Finding,
  type NamesIndex,
  type PseudonymiseResult,
} from '../anonymisation';
import { PasserelleError, type PseudonymMemory } from '../parcours';
import { removeComments, stripIdentifyingProperties } from '../minutes';
import { checkInflation, type ZipErrors } from '../zip';
import { applyEdits, readPart, type PartText, type TextEdit } from './docx-text';
import type { DocumentParagraph } from './paragraphs';

/** A Word document open in an office is a few megabytes; beyond this it is not a document to share. */
export const DOCX_LIMITS = { maxFileBytes: 50 * 1024 * 1024, maxTextChars: 5_000_000 } as const;

const READABLE_PART = /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
/** Reading order: headers, body, footers, notes. */
const PART_ORDER = [/header/, /document/, /footer/, /notes/];
const partRank = (name: string) => PART_ORDER.findIndex((pattern) => pattern.test(name));

function unreadable(detail: string): PasserelleError {
  return new PasserelleError(
    'documents/not-docx',
    `ce document n’est pas un fichier Word .docx lisible (${detail}) : enregistrez-le au format « Document Word (.docx) » et réessayez.`,
  );
}

interface OpenedDocument {
  zip: PizZip;
  parts: { name: string; text: PartText }[];
}

const zipErrors: ZipErrors = {
  corrupt: unreadable,
  bomb: (part, detail) =>
    new PasserelleError(
      'documents/zip-bomb',
      `ce document est refusé : la partie « ${part} » ${detail}. Il ressemble à une « bombe zip » ; enregistrez-le de nouveau depuis Word ou LibreOffice.`,
      { file: part },
    ),
};

/** Archive limits: a document of a few megabytes, mostly text and a few images. */
const ZIP_LIMITS = {
  maxEntries: 2_000,
  maxTotalBytes: 100 * 1024 * 1024,
  // Repetitive XML (an empty table, a pasted list) compresses hugely yet honestly: the total
  // and the streamed check bound memory, so no ratio is refused below deflate's own maximum.
  maxRatio: 1032,
  ratioFloorBytes: 1024 * 1024,
  harmlessBytes: 4 * 1024 * 1024,
};

async function openDocx(bytes: Uint8Array): Promise<OpenedDocument> {
  if (bytes.length > DOCX_LIMITS.maxFileBytes) {
    throw unreadable(`plus de ${DOCX_LIMITS.maxFileBytes / 1024 / 1024} Mo`);
  }
  // Before PizZip inflates anything: a part lying about its size never reaches memory.
  await checkInflation(bytes, ZIP_LIMITS, zipErrors);
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw unreadable('ce n’est pas une archive zip');
  }
  if (!zip.file('word/document.xml')) throw unreadable('word/document.xml manque');
  const names = Object.keys(zip.files)
    .filter((name) => READABLE_PART.test(name))
    .sort((a, b) => partRank(a) - partRank(b) || a.localeCompare(b, 'en', { numeric: true }));
  let total = 0;
  const parts = names.map((name) => {
    let xml: string;
    try {
      xml = zip.file(name)!.asText();
    } catch {
      throw unreadable(`partie « ${name} » endommagée`);
    }
    total += xml.length;
    if (total > DOCX_LIMITS.maxTextChars * 10) throw unreadable('contenu démesuré');
    return { name, text: readPart(xml) };
  });
  if (parts.reduce((n, p) => n + p.text.text.length, 0) > DOCX_LIMITS.maxTextChars) {
    throw unreadable(`plus de ${DOCX_LIMITS.maxTextChars.toLocaleString('fr-FR')} caractères`);
  }
  return { zip, parts };
}

/** The document's paragraphs, part by part (headers, body, footers, notes), as a reader sees them. */
export async function docxParagraphs(docx: Uint8Array): Promise<DocumentParagraph[]> {
  return (await openDocx(docx)).parts.flatMap(({ name, text }) =>
    text.paragraphs.map((paragraph) => ({ part: name, text: paragraph })),
  );
}

export interface DocxPseudonymiseOptions {
  names?: NamesIndex;
  /** Labels of people outside the caseload, kept from one document to the next (the store's). */
  memory?: PseudonymMemory;
  referenceDate?: string;
}

export interface PseudonymisedDocx {
  docx: Uint8Array;
  /** Parcours codes of the children the copy mentions (for the audit trail). */
  codes: string[];
  /** How many identifiers were replaced. */
  replaced: number;
  /** Direct identifiers the core could not replace and masked with «[Masqué]». */
  masked: number;
  /** What can still point at someone in the copy: quasi-identifiers, health, justice (French, no value). */
  residualRisks: string[];
}

const RISK_WORDS: Partial<Record<Finding['type'], string>> = {
  AGE: 'âge',
  CLASSE: 'classe',
  ETABLISSEMENT: 'établissement',
  QUARTIER: 'quartier',
  SANTE: 'santé',
  JUSTICE_PROTECTION: 'protection de l’enfance ou justice',
};

const MASK = '[Masqué]';

const notReplaced = (part: string) =>
  new PasserelleError(
    'documents/identifying-data',
    'la copie garde des données identifiantes que Passerelle ne sait pas remplacer : la version partagée n’a pas été créée. Retirez-les du document à la main, puis relancez.',
    { file: part },
  );
const isLeftover = (f: Finding) => f.direct && f.blocking && f.role === 'beneficiaire';
/**
 * What cannot stay in a shared copy: a beneficiary's direct identifier, and a
 * phone, e-mail or address the core ties to no professional — it presumes an
 * institution, but a family's number next to a school's name reads the same.
 */
const mustGo = (f: Finding) =>
  isLeftover(f) ||
  (f.direct && f.type !== 'PERSONNE' && f.role !== 'professionnel' && f.role !== 'public');

/**
 * A copy of the document where every direct identifier the policy blocks is
 * replaced — children and families of the caseload by their parcours code,
 * other people by a label remembered in `memory` — in the body, tables,
 * headers, footers and notes, each replacement in the run it starts in (its
 * formatting kept). Comments and author properties are removed. The copy is
 * scanned again: contacts tied to no professional are replaced, a
 * beneficiary identifier still found is masked; the indirect
 * information it leaves (age, school, health, justice…) is listed. Pseudonymised, never anonymous.
 */
export async function pseudonymiseDocx(
  docx: Uint8Array,
  options: DocxPseudonymiseOptions = {},
): Promise<PseudonymisedDocx> {
  const { zip, parts } = await openDocx(docx);
  const scanOptions = {
    ...(options.names ? { names: options.names } : {}),
    ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
  };
  const codes = new Set<string>();
  const warnings = new Set<string>();
  let replaced = 0;
  let masked = 0;
  const indirect = new Map<string, number>();
  for (const { name, text } of parts) {
    if (!text.text.trim()) continue;
    const first = scan(text.text, scanOptions);
    for (const warning of first.warnings) warnings.add(warning);
    for (const f of first.findings) {
      if (f.code) codes.add(f.code);
      // Only direct identifiers are replaced: every indirect one found here stays in the copy.
      const word = RISK_WORDS[f.type];
      if (word && !f.direct) indirect.set(word, (indirect.get(word) ?? 0) + 1);
    }
    const result: PseudonymiseResult = options.memory
      ? await pseudonymiseWithMemory(text.text, options.memory, scanOptions)
      : pseudonymise(text.text, scanOptions);
    const edits: TextEdit[] = result.replacements.map((r) => ({
      start: r.start,
      end: r.end,
      replacement: r.replacement,
    }));
    replaced += edits.length;
    let copy = readPart(applyEdits(text, edits));
    // Second pass on the copy: a contact the core gives to no professional (it presumes an
    // institution) is replaced too, and a beneficiary identifier still found is masked.
    const second = scan(copy.text, scanOptions).findings.filter(mustGo);
    if (second.length) {
      masked += second.filter(isLeftover).length;
      replaced += second.filter((f) => !isLeftover(f)).length;
      copy = readPart(
        applyEdits(
          copy,
          second.map((f) => ({
            start: f.start,
            end: f.end,
            replacement: isLeftover(f) ? MASK : f.replacement,
          })),
        ),
      );
      // Checked once more only when the second pass changed something.
      if (scan(copy.text, scanOptions).findings.some(mustGo)) throw notReplaced(name);
    }
    zip.file(name, copy.xml);
  }
  removeComments(zip);
  stripIdentifyingProperties(zip);
  const residualRisks = [
    'Copie pseudonymisée, pas anonyme : le contexte peut encore permettre de reconnaître un enfant ou sa famille. Relisez-la avant de la partager.',
    ...(indirect.size
      ? [
          `Informations indirectes encore présentes : ${[...indirect]
            .map(([word, n]) => `${word} ×${n}`)
            .join(', ')}.`,
        ]
      : []),
    ...warnings,
    ...(masked
      ? [`${masked} élément(s) que Passerelle n’a pas su remplacer ont été masqués («${MASK}»).`]
      : []),
  ];
  return {
    docx: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }),
    codes: [...codes].sort(),
    replaced,
    masked,
    residualRisks,
  };
}
