/**
 * Initials as names: «Z. M.» alone, «Kenzo D.S.» after a found first name,
 * «Z.» once «Z. M.» is known, and «L. Lacan» before a found surname.
 */
import { ScratchSlot, zeroedBytes } from '../scratch';
import type { RawFinding } from '../types';

// Regexes live at module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const TWO_INITIALS = /^\p{Lu}\.\s?\p{Lu}\./u;
const LONE_INITIAL = /(?<![\p{L}\d.'’])(\p{Lu})\.(?=[ \u00a0]+\p{Ll})/uy;
const INITIAL_BEFORE = /(?<![\p{L}\d])(\p{Lu})\.[ \u00a0]?$/u;

const INITIALS = /(?<![\p{L}\d.])(?:\p{Lu}\.[ \u00a0]?-?){2,3}(?![\p{L}\d])/uy;

const CAPITAL = /^\p{Lu}$/u;

/** Whether a capital letter starts at `i`: most full stops follow a lowercase letter, settled without a regex. */
function capitalAt(text: string, i: number): boolean {
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(String.fromCodePoint(text.codePointAt(i)!));
}

/**
 * Matches of a sticky regex that starts with a capital and a full stop, tried
 * just before each «.»: the same matches as a global scan, without running a
 * lookbehind at every position of the text.
 */
function* matchesBeforeDots(text: string, sticky: RegExp): Generator<RegExpExecArray> {
  let next = 0;
  for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
    const before = text.charCodeAt(dot - 1);
    // A capital outside the basic plane takes two code units.
    const start = before >= 0xdc00 && before <= 0xdfff ? dot - 2 : dot - 1;
    if (start < next || !capitalAt(text, start)) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    next = start + m[0].length;
    yield m;
  }
}
const NOT_INITIALS =
  /^(?:N\.B\.|P\.S\.|P\.J\.|C\.R\.|R\.A\.S\.|S\.V\.P\.|E\.N\.|D\.D\.N\.|A\.E\.D\.|C\.M\.P\.)$/;

/** Initials («Z. M.», «Y. B. Y.») alone, or after a found first name («Kenzo D.S.»). */
export function withInitials(text: string, findings: RawFinding[]): RawFinding[] {
  const out = [...findings];
  const byEnd = new Map(out.map((f) => [f.end, f]));
  const covered = zeroedBytes(ScratchSlot.Covered, text.length + 1);
  for (const f of out) covered.fill(1, f.start, f.end);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (covered[i]) return false;
    return true;
  };
  const add = (f: RawFinding) => {
    out.push(f);
    covered.fill(1, f.start, f.end);
    byEnd.set(f.end, f);
  };
  for (const m of matchesBeforeDots(text, INITIALS)) {
    const compact = m[0].replace(/[\s\u00a0-]/g, '');
    if (NOT_INITIALS.test(compact)) continue;
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    const prior = /^[ \u00a0]$/.test(text.charAt(start - 1)) ? byEnd.get(start - 1) : undefined;
    if (prior) {
      byEnd.delete(prior.end);
      covered.fill(1, prior.end, end);
      prior.end = end;
      byEnd.set(end, prior);
      continue;
    }
    if (!free(start, end)) continue;
    // «M. D.»: a civility then an initial is still a person; «M. Brun» is handled by civilities.
    add({ start, end, type: 'PERSONNE', confidence: 0.7, label: 'initiales' });
  }
  // The first initial alone once «Z. M.» is known: «Z. ne parle pas encore».
  const firstInitials = new Set(
    out
      .filter((f) => TWO_INITIALS.test(text.slice(f.start, f.end)))
      .map((f) => text.charAt(f.start)),
  );
  if (firstInitials.size) {
    for (const m of matchesBeforeDots(text, LONE_INITIAL)) {
      if (m[1] === 'M' || !firstInitials.has(m[1]!) || !free(m.index, m.index + 2)) continue;
      add({
        start: m.index,
        end: m.index + 2,
        type: 'PERSONNE',
        confidence: 0.6,
        label: 'initiale d’un nom déjà repéré',
      });
    }
  }
  // A single initial before a found surname: «L. Lacan» («M.» is a civility).
  for (const f of out) {
    // Only a full stop just before (or before one space) can end an initial: most findings skip the regex.
    const c = text.charCodeAt(f.start - 1);
    if (c !== 46 && !((c === 32 || c === 0xa0) && text.charCodeAt(f.start - 2) === 46)) continue;
    const head = INITIAL_BEFORE.exec(text.slice(Math.max(0, f.start - 4), f.start));
    if (head && head[1] !== 'M') f.start -= head[0].length;
  }
  return out.sort((a, b) => a.start - b.start);
}
