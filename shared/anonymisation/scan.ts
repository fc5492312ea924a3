/**
 * `scan`: runs every detector over a text, settles overlaps, roles, proposed
 * replacements and the policy's verdict, and warns when quasi-identifiers
 * together single a child out.
 */
import { PasserelleError } from '../parcours';
import { detectAddresses } from './detect/address';
import { detectBirthDates, parseFrenchDate } from './detect/dates';
import {
  detectBank,
  detectCaf,
  detectEmails,
  detectIne,
  detectNir,
  detectPhones,
} from './detect/identifiers';
import { detectNames } from './detect/names';
import { detectQuasi } from './detect/quasi';
import { detectTableCells, type TableCell } from './detect/tables';
import { PARTENAIRE_EXTERNE } from './policy';
import { proposeReplacements } from './replacements';
import { contactRole, describeLines, lineIndexAt, lineStartsOf, type LineInfo } from './roles';
import { ScratchSlot, zeroedBytes } from './scratch';
import { tokenize } from './tokens';
import {
  DIRECT_TYPES,
  type Finding,
  type FindingType,
  type RawFinding,
  type ScanOptions,
  type ScanResult,
} from './types';

/** Largest text scanned in one call (the CLI and the add-ins cut larger ones). */
export const MAX_SCAN_CHARS = 64 * 1024 * 1024;

/** Identifier detectors, strongest first: on overlap the earlier one wins. */
const IDENTIFIER_DETECTORS = [
  detectEmails,
  detectBank,
  detectNir,
  detectIne,
  detectPhones,
  detectCaf,
  detectBirthDates,
  detectAddresses,
];

/** Keeps findings in priority order, dropping any that overlaps one already kept (linear). */
function keepFirst(groups: RawFinding[][], length: number): RawFinding[] {
  const used = zeroedBytes(ScratchSlot.KeepFirst, length + 1);
  const kept: RawFinding[] = [];
  for (const group of groups) {
    for (const f of group) {
      let free = true;
      for (let i = f.start; i < f.end && free; i++) free = used[i] === 0;
      if (!free) continue;
      used.fill(1, f.start, f.end);
      kept.push(f);
    }
  }
  return kept;
}

/** Birth dates and CAF numbers read from the columns of a table. */
function cellIdentifiers(text: string, cells: readonly TableCell[]): RawFinding[] {
  const found: RawFinding[] = [];
  for (const cell of cells) {
    if (cell.kind === 'naissance' && parseFrenchDate(text.slice(cell.start, cell.end))) {
      found.push({
        start: cell.start,
        end: cell.end,
        type: 'DATE_NAISSANCE',
        confidence: 0.9,
        label: 'date de naissance (colonne du tableau)',
      });
    }
    if (cell.kind === 'allocataire' && /^\d{7}$/.test(text.slice(cell.start, cell.end))) {
      found.push({
        start: cell.start,
        end: cell.end,
        type: 'NUM_ALLOCATAIRE',
        confidence: 0.9,
        label: 'numéro d’allocataire CAF (colonne du tableau)',
      });
    }
  }
  return found;
}

const BENEFICIARY_ON_LINE = 1;
const PROFESSIONAL_ON_LINE = 2;

/** Sets the role of each contact (e-mail, phone, address…) among the direct findings. */
function settleContactRoles(
  text: string,
  lines: readonly LineInfo[],
  names: readonly RawFinding[],
  direct: readonly RawFinding[],
): void {
  const lineStarts = lineStartsOf(lines);
  // A contact shares a line with a professional's name only: it is that professional's.
  // One flag byte per line rather than two sets of line numbers.
  const onLine = new Uint8Array(lines.length);
  // Without any beneficiary named, a contact is presumed an institution's (still replaced: not sure).
  let namesBeneficiary = false;
  for (const f of names) {
    if (f.role !== 'professionnel')
      onLine[lineIndexAt(lineStarts, f.start)]! |= BENEFICIARY_ON_LINE;
    else if (f.roleSure) onLine[lineIndexAt(lineStarts, f.start)]! |= PROFESSIONAL_ON_LINE;
    if ((f.role ?? 'beneficiaire') === 'beneficiaire') namesBeneficiary = true;
  }
  for (const f of direct) {
    if (f.type === 'PERSONNE') continue;
    const line = lineIndexAt(lineStarts, f.start);
    const { role, sure } = contactRole(
      text,
      f,
      lines[line]!,
      onLine[line] === PROFESSIONAL_ON_LINE,
    );
    f.role =
      !sure && role === 'beneficiaire' && !namesBeneficiary && f.type === 'TELEPHONE'
        ? 'institution'
        : role;
    f.roleSure = sure;
  }
}

/** Finds personal data in a text. Pure: same text and options, same findings. */
export function scan(text: string, options: ScanOptions = {}): ScanResult {
  if (typeof text !== 'string') {
    throw new PasserelleError(
      'anonymisation/input',
      'le texte à analyser doit être une chaîne de caractères.',
    );
  }
  if (text.length > MAX_SCAN_CHARS) {
    throw new PasserelleError(
      'anonymisation/too-large',
      `le texte dépasse ${MAX_SCAN_CHARS / 1024 / 1024} millions de caractères : découpez-le avant l’analyse.`,
    );
  }
  const policy = options.policy ?? PARTENAIRE_EXTERNE;
  const lines = describeLines(text);
  const cells = detectTableCells(text, lines);
  const identifiers = keepFirst(
    [...IDENTIFIER_DETECTORS.map((detect) => detect(text)), cellIdentifiers(text, cells)],
    text.length,
  );
  const taken = zeroedBytes(ScratchSlot.Taken, text.length);
  for (const f of identifiers) taken.fill(1, f.start, f.end);
  const names = detectNames(text, {
    words: tokenize(text),
    names: options.names,
    cells,
    lines,
    taken: (start) => taken[start] === 1,
  });
  const direct = keepFirst([identifiers, names.findings], text.length);

  settleContactRoles(text, lines, names.findings, direct);

  // Quasi-identifiers and sensitive content matter when the text is about a beneficiary.
  const aboutBeneficiary =
    options.aboutBeneficiary === true ||
    direct.some((f) => (f.role ?? 'beneficiaire') === 'beneficiaire');
  const quasi: RawFinding[] = [];
  if (aboutBeneficiary) {
    const schoolCells: RawFinding[] = [];
    for (const c of cells) {
      if (c.kind !== 'etablissement' && c.kind !== 'classe') continue;
      schoolCells.push({
        start: c.start,
        end: c.end,
        type: c.kind === 'classe' ? 'CLASSE' : 'ETABLISSEMENT',
        confidence: 0.85,
        label:
          c.kind === 'classe'
            ? 'classe (colonne du tableau)'
            : 'établissement (colonne du tableau)',
      });
    }
    const schools = names.schools.map((s): RawFinding => ({
      start: s.start,
      end: s.end,
      type: 'ETABLISSEMENT',
      confidence: 0.8,
      label: 'établissement scolaire fréquenté',
    }));
    for (const f of keepFirst([direct, schoolCells, schools, detectQuasi(text)], text.length)) {
      if (!DIRECT_TYPES.has(f.type)) quasi.push(f);
    }
  }
  const findings: Finding[] = proposeReplacements(
    text,
    // Text order, longer first on a tie (the sort is stable: direct findings before quasi ones).
    direct.concat(quasi).sort((a, b) => a.start - b.start || b.end - a.end),
    policy,
    options.referenceDate,
  );
  return { findings, warnings: combinationWarnings(findings) };
}

/** Warns when a beneficiary's age or class, school and quartier appear together. */
function combinationWarnings(findings: Finding[]): string[] {
  // One pass, without filtered and mapped copies of every finding.
  const kinds = new Set<FindingType>();
  for (const f of findings) if (f.role === 'beneficiaire') kinds.add(f.type);
  const present = (['AGE', 'CLASSE', 'ETABLISSEMENT', 'QUARTIER'] as const).filter((t) =>
    kinds.has(t),
  );
  const warnings: string[] = [];
  if (present.length >= 2) {
    const words = {
      AGE: 'l’âge',
      CLASSE: 'la classe',
      ETABLISSEMENT: 'l’école',
      QUARTIER: 'le quartier',
    };
    warnings.push(
      `${present.map((t) => words[t]).join(', ')} cités ensemble peuvent suffire à reconnaître un enfant : retirez-en au moins un si le destinataire n’en a pas besoin.`,
    );
  }
  if (kinds.has('SANTE') || kinds.has('JUSTICE_PROTECTION')) {
    warnings.push(
      'le texte contient des informations de santé ou de protection de l’enfance : ne les partagez qu’avec un professionnel qui en a besoin.',
    );
  }
  return warnings;
}
