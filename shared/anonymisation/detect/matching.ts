/**
 * Regex matching without a leading lookbehind: a lookbehind first stops the
 * engine from skipping ahead by first characters, so it runs at every position.
 * The character before a match is checked by hand instead, and keyword
 * regexes run only where one of their keywords can begin (`KeywordFamilies`).
 */

/** Tells whether the character ending just before `index` disqualifies a match starting there. */
export type BeforeCheck = (text: string, index: number) => boolean;

// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const LETTER = /\p{L}/u;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A letter ends before `index`: a single code unit, or a surrogate pair (a
 * letter outside the basic plane); a lone surrogate is no letter.
 */
export const letterBefore: BeforeCheck = (text, index) => {
  if (index === 0) return false;
  const code = text.charCodeAt(index - 1);
  if (code < 128) return isAsciiLetter(code);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER.test(text.slice(index - 2, index));
  }
  return LETTER.test(text.charAt(index - 1));
};

export const letterOrDigitBefore: BeforeCheck = (text, index) =>
  (index > 0 && isDigit(text.charCodeAt(index - 1))) || letterBefore(text, index);

export const asciiAlnumBefore: BeforeCheck = (text, index) => {
  const code = index > 0 ? text.charCodeAt(index - 1) : 0;
  return isDigit(code) || isAsciiLetter(code);
};

/**
 * The matches of a global regex that do not start right after a character
 * `before` accepts: a match found there is dropped and the search resumes one
 * character further, exactly as a leading negative lookbehind would behave.
 */
export function matchesNotAfter(text: string, re: RegExp, before: BeforeCheck): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && before(text, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Regex syntax characters: a keyword's literal head stops at the first one. */
const SYNTAX = new Set('\\^$.|?*+()[]{}'.split(''));

/** End of the group or class opening at `open` (index of its closing character). */
function closing(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(source, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in ${source}`);
}

/** Index of the `]` closing the class opening at `open`. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  throw new Error(`unbalanced class in ${source}`);
}

/** The top-level alternatives of the group `(?:…)` opening at `open`. */
function alternatives(source: string, open: number): string[] {
  const end = closing(source, open);
  const out: string[] = [];
  let from = open + 3;
  for (let i = from; i < end; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(source, i);
    else if (ch === '(') i = closing(source, i);
    else if (ch === '|') {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from, end));
  return out;
}

/** Members of a simple class body («ée», «3-6»), or undefined when it is not one. */
function classMembers(body: string): string[] | undefined {
  if (body.startsWith('^') || body.includes('\\')) return undefined;
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) {
        out.push(String.fromCharCode(c));
      }
      i += 2;
    } else out.push(body[i]!);
  }
  return out;
}

/**
 * Every string of at most `max` characters that a match of `alternative` must
 * start with, read from its literal beginning (letters, simple classes, a
 * non-optional group): a shorter head only makes the filter less selective.
 */
function heads(alternative: string, max: number): string[] {
  let prefixes = [''];
  let i = 0;
  while (i < alternative.length && prefixes[0]!.length < max) {
    const ch = alternative[i]!;
    let options: string[] | undefined;
    let next: number;
    if (ch === '[') {
      next = classEnd(alternative, i) + 1;
      options = classMembers(alternative.slice(i + 1, next - 1));
    } else if (alternative.startsWith('(?:', i)) {
      next = closing(alternative, i) + 1;
      options = alternatives(alternative, i).flatMap((inner) => heads(inner, max));
      if (options.includes('')) options = undefined;
    } else {
      next = i + 1;
      options = SYNTAX.has(ch) ? undefined : [ch];
    }
    const quantifier = alternative[next];
    if (!options || quantifier === '?' || quantifier === '*' || quantifier === '{') break;
    prefixes = prefixes.flatMap((p) => options.map((o) => (p + o).slice(0, max)));
    if (quantifier === '+' || ch === '(') break;
    i = next;
  }
  return prefixes;
}

export interface KeywordFamily {
  /** A case-sensitive regex whose source starts with a group of keywords, `(?:a|b|…)…`. */
  re: RegExp;
  /** Its matches never start after a letter; with this, not after a digit either. */
  notAfterDigit?: boolean;
}

const TABLE_SIZE = 1 << 16;
const hash2 = (c0: number, c1: number) => (c0 * 31 + c1) & (TABLE_SIZE - 1);
const hash3 = (c0: number, c1: number, c2: number) => ((c0 * 31 + c1) * 31 + c2) & (TABLE_SIZE - 1);
const hash4 = (c0: number, c1: number, c2: number, c3: number) =>
  (((c0 * 31 + c1) * 31 + c2) * 31 + c3) & (TABLE_SIZE - 1);

/**
 * Several keyword regexes matched in one pass over the text. A regex with a
 * hundred keywords costs the engine a try of each at nearly every letter;
 * here a table of the keywords' first three characters (hashed: a collision
 * only costs a useless try) picks the rare positions where one may begin,
 * not after a letter, and the regex runs there alone (sticky). The matches are
 * exactly those of `matchesNotAfter` with `letterBefore` (or
 * `letterOrDigitBefore`).
 */
export class KeywordFamilies {
  private readonly sticky: RegExp[];
  private readonly notAfterDigit: boolean[];
  /** Family bits per first character and per hash of the first two (of heads of any length). */
  private readonly first = new Uint8Array(TABLE_SIZE);
  private readonly pair = new Uint8Array(TABLE_SIZE);
  /** Family bits per head of one, two, three or four characters (hashed). */
  private readonly one = new Uint8Array(TABLE_SIZE);
  private readonly two = new Uint8Array(TABLE_SIZE);
  private readonly three = new Uint8Array(TABLE_SIZE);
  private readonly four = new Uint8Array(TABLE_SIZE);

  constructor(families: KeywordFamily[]) {
    if (families.length > 8) throw new Error('at most 8 keyword families');
    this.sticky = families.map(({ re }) => new RegExp(re.source, re.flags.replace('g', '') + 'y'));
    this.notAfterDigit = families.map((f) => f.notAfterDigit === true);
    families.forEach(({ re }, index) => {
      if (re.flags.includes('i') || !re.source.startsWith('(?:')) {
        throw new Error(
          `keyword regex must be case-sensitive and start with a group: ${re.source}`,
        );
      }
      const bit = 1 << index;
      for (const alternative of alternatives(re.source, 0)) {
        const found = heads(alternative, 4);
        if (found.includes('')) throw new Error(`keyword without a literal head: ${alternative}`);
        for (const head of found) {
          const c = [0, 1, 2, 3].map((k) => head.charCodeAt(k));
          this.first[c[0]!]! |= bit;
          if (head.length > 1) this.pair[hash2(c[0]!, c[1]!)]! |= bit;
          if (head.length === 1) this.one[c[0]!]! |= bit;
          else if (head.length === 2) this.two[hash2(c[0]!, c[1]!)]! |= bit;
          else if (head.length === 3) this.three[hash3(c[0]!, c[1]!, c[2]!)]! |= bit;
          else this.four[hash4(c[0]!, c[1]!, c[2]!, c[3]!)]! |= bit;
        }
      }
    });
  }

  /** Per family, in the order given, its matches in text order. */
  matchAll(text: string): RegExpExecArray[][] {
    const { first, pair, one, two, three, four, sticky, notAfterDigit } = this;
    const out: RegExpExecArray[][] = sticky.map(() => []);
    const resumeAt = sticky.map(() => 0);
    const length = text.length;
    let prev = 0;
    for (let i = 0; i < length; i++) {
      const c0 = text.charCodeAt(i);
      const before = prev;
      prev = c0;
      // Most characters: inside an ASCII word, or not the first of a keyword.
      if (((before | 32) - 97) >>> 0 < 26 || first[c0] === 0) continue;
      const c1 = text.charCodeAt(i + 1);
      let bits = one[c0]!;
      if ((pair[hash2(c0, c1)]! & first[c0]!) !== 0) {
        const c2 = text.charCodeAt(i + 2);
        bits |= two[hash2(c0, c1)]! | three[hash3(c0, c1, c2)]!;
        bits |= four[hash4(c0, c1, c2, text.charCodeAt(i + 3))]!;
        bits &= first[c0]!;
      }
      if (bits === 0 || letterBefore(text, i)) continue;
      for (let f = 0; bits !== 0; f++, bits >>= 1) {
        if ((bits & 1) === 0 || i < resumeAt[f]!) continue;
        if (notAfterDigit[f] && isDigit(before)) continue;
        const re = sticky[f]!;
        re.lastIndex = i;
        const m = re.exec(text);
        if (!m) continue;
        out[f]!.push(m);
        resumeAt[f] = i + m[0].length;
      }
    }
    return out;
  }
}

/**
 * The matches of a regex starting with a few long keywords (`(?:a|b|…)…`),
 * not after a character `before` accepts: exactly those of `matchesNotAfter`.
 * The engine searches one short literal fast (it reads ahead and skips) but a
 * group of them slowly, trying each at every position; so each keyword's head
 * (its first four characters) is searched alone, and the regex runs (sticky)
 * only where a head was found.
 */
export class HeadSearch {
  private readonly sticky: RegExp;
  private readonly finders: RegExp[];

  constructor(re: RegExp) {
    if (!re.source.startsWith('(?:'))
      throw new Error(`regex must start with a group: ${re.source}`);
    const flags = re.flags.replace(/[gy]/g, '');
    this.sticky = new RegExp(re.source, `${flags}y`);
    this.finders = alternatives(re.source, 0).map((alternative) => {
      const found = heads(alternative, 4);
      if (found.includes('')) throw new Error(`keyword without a literal head: ${alternative}`);
      return new RegExp(found.join('|'), `${flags}g`);
    });
  }

  matches(text: string, before: BeforeCheck): RegExpExecArray[] {
    const starts: number[] = [];
    for (const finder of this.finders) {
      finder.lastIndex = 0;
      for (let m = finder.exec(text); m; m = finder.exec(text)) {
        starts.push(m.index);
        finder.lastIndex = m.index + 1;
      }
    }
    starts.sort((a, b) => a - b);
    const out: RegExpExecArray[] = [];
    let resumeAt = 0;
    for (const start of starts) {
      if (start < resumeAt || (start > 0 && before(text, start))) continue;
      this.sticky.lastIndex = start;
      const m = this.sticky.exec(text);
      if (!m) continue;
      out.push(m);
      resumeAt = start + m[0].length;
    }
    return out;
  }
}
