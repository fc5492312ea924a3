/**
 * Roles of identifiers (e-mails, phones, addresses): whose contact is it? The
 * header lines and signature of an e-mail hold professionals' contacts; a
 * generic mailbox or a switchboard is an institution's; the rest is presumed
 * the family's (the safe side: it gets replaced).
 */
import { isClosingLine } from './lexicon';
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

export function lineIndexAt(text: string, lineStarts: number[], index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Role of a contact identifier from its shape and its line. */
export function contactRole(
  text: string,
  f: RawFinding,
  line: LineInfo,
  professionalOnLine: boolean,
): { role: Role; sure: boolean } {
  const value = text.slice(f.start, f.end);
  const before = line.text.slice(0, Math.max(0, line.text.indexOf(value)));
  if (f.type === 'EMAIL') {
    if (GENERIC_MAILBOX.test(value)) return { role: 'institution', sure: true };
    const personal = WEBMAIL.test(value);
    if (line.header || line.signature || professionalOnLine)
      return { role: 'professionnel', sure: !personal };
    if (!personal) return { role: 'professionnel', sure: false };
    return { role: 'beneficiaire', sure: false };
  }
  if (f.type === 'TELEPHONE' || f.type === 'ADRESSE') {
    if (INSTITUTION_WORDS.test(before)) return { role: 'institution', sure: true };
    if (line.header || line.signature || professionalOnLine)
      return { role: 'professionnel', sure: true };
  }
  return { role: 'beneficiaire', sure: false };
}
