/**
 * Roles of identifiers (e-mails, phones, addresses): whose contact is it? The
 * header lines and signature of an e-mail hold professionals' contacts; a
 * generic mailbox or a switchboard is an institution's; the rest is presumed
 * the family's (the safe side: it gets replaced).
 */
import { foldText } from '../parcours';
import { PARENT_WORDS, isClosingLine } from './lexicon';
import type { RawFinding, Role } from './types';

export const WEBMAIL =
  /@(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|free|orange|wanadoo|laposte|sfr|neuf|bbox|aol|gmx|protonmail|proton)\./i;
const GENERIC_MAILBOX =
  /^(?:pre|contact|accueil|secretariat|secr[ée]tariat|direction|info|infos|mairie|admin|administration|noreply|no-reply|service|services|standard|ce\.\d{7}[a-z]|ecole|college|cmp|cmpp|caf|mds|rased|vie-scolaire|viescolaire|cpe|inscriptions?)(?:[.\-_][a-z0-9]+)*@/i;
const HEADER_LINE = /^\s*(?:de|à|a|cc|cci|from|to|exp[ée]diteur|destinataire)\s?:/i;
const INSTITUTION_WORDS =
  /(standard|accueil|secr[ée]tariat|permanence|num[ée]ro vert|service|mairie|s[ée]cr[ée]tariat)/i;

export interface LineInfo {
  header: boolean;
  /** The line closes a message («Cordialement»): a signature follows. */
  closing: boolean;
  signature: boolean;
  text: string;
}

/**
 * Per line: is it an e-mail header line, a closing, or part of a signature
 * block? Computed once per scan and shared by the detectors that ask.
 */
export function describeLines(text: string): LineInfo[] {
  const lines = text.split('\n');
  let sinceClosing = 99;
  return lines.map((line) => {
    const closing = isClosingLine(line);
    const info = {
      header: HEADER_LINE.test(line),
      closing,
      signature: sinceClosing <= 4,
      text: line,
    };
    sinceClosing = closing ? 0 : sinceClosing + 1;
    return info;
  });
}

/** Index of the line holding `index`, by binary search over the lines' starts. */
export function lineIndexAt(lineStarts: Int32Array, index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset of each line in the text, from the lines' lengths (the text is not searched again). */
export function lineStartsOf(lines: readonly LineInfo[]): Int32Array {
  const starts = new Int32Array(lines.length);
  for (let i = 1; i < lines.length; i++) starts[i] = starts[i - 1]! + lines[i - 1]!.text.length + 1;
  return starts;
}

// Shared answers: a role is asked for every contact, an object apiece would be garbage.
const INSTITUTION_SURE = { role: 'institution', sure: true } as const;
const PROFESSIONAL_SURE = { role: 'professionnel', sure: true } as const;
const PROFESSIONAL_UNSURE = { role: 'professionnel', sure: false } as const;
const BENEFICIARY_UNSURE = { role: 'beneficiaire', sure: false } as const;
const BENEFICIARY_SURE = { role: 'beneficiaire', sure: true } as const;
/**
 * Whether a parent is named before a phone or an address on its line («le
 * portable de la maman : …»): the lexicon's parent words, the ones the name
 * detector reads in «sa mère Karima».
 */
function namesParent(before: string): boolean {
  return foldText(before)
    .split(' ')
    .some((word) => PARENT_WORDS.has(word));
}

/** Role of a contact identifier from its shape and its line. */
export function contactRole(
  text: string,
  f: RawFinding,
  line: LineInfo,
  professionalOnLine: boolean,
): { readonly role: Role; readonly sure: boolean } {
  if (f.type === 'EMAIL') {
    const value = text.slice(f.start, f.end);
    if (GENERIC_MAILBOX.test(value)) return INSTITUTION_SURE;
    const personal = WEBMAIL.test(value);
    if (line.header || line.signature || professionalOnLine)
      return personal ? PROFESSIONAL_UNSURE : PROFESSIONAL_SURE;
    if (!personal) return PROFESSIONAL_UNSURE;
    return BENEFICIARY_UNSURE;
  }
  if (f.type === 'TELEPHONE' || f.type === 'ADRESSE') {
    // The words before the contact's first occurrence on its line («Standard : …»).
    const at = line.text.indexOf(text.slice(f.start, f.end));
    const before = line.text.slice(0, Math.max(0, at));
    if (INSTITUTION_WORDS.test(before)) return INSTITUTION_SURE;
    if (line.header || line.signature || professionalOnLine) return PROFESSIONAL_SURE;
    if (namesParent(before)) return BENEFICIARY_SURE;
  }
  return BENEFICIARY_UNSURE;
}
