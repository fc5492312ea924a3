/** Words of a text with their offsets, case shape and place in the sentence. */
import { foldText } from '../parcours';

export interface Token {
  start: number;
  end: number;
  text: string;
  folded: string;
  /** `upper`: «MEZIANE»; `title`: «Meziane», «N'Diaye»; `lower`: «meziane». */
  shape: 'upper' | 'title' | 'lower';
  /** First word of a sentence or a line (its capital tells nothing). */
  sentenceStart: boolean;
  /** Index of the line (0-based). */
  line: number;
}

// Letters with inner apostrophes or hyphens; elisions (l', d', qu'…) are split off below.
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const SENTENCE_END = new Set(['.', '!', '?', ':', '…', '•', '-', '–', '—', '>', '«', '"']);
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/i;

function shapeOf(word: string): Token['shape'] {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  if (word.length >= 2 && word === word.toUpperCase()) return 'upper';
  return word.charAt(0) === lower.charAt(0) ? 'lower' : 'title';
}

/** Elisions need an apostrophe: most words have none and skip the elision regex. */
function hasApostrophe(word: string): boolean {
  return word.includes("'") || word.includes('’');
}

function isAsciiLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** `foldText` for one word, with a fast path for plain ASCII words (most of them). */
function foldWord(word: string): string {
  return isAsciiLetters(word) ? word.toLowerCase() : foldText(word);
}

type WordForm = Pick<Token, 'folded' | 'shape'>;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Words repeat a lot in a text: fold and shape each distinct word once.
  const forms = new Map<string, WordForm>();
  let line = 0;
  let nextNewline = text.indexOf('\n');
  for (const m of text.matchAll(WORD)) {
    let start = m.index;
    let word = m[0];
    // «l'école», «d'Alexandru» split; «N'Diaye», «N'Guessan» (capital N) stay whole.
    const elision = hasApostrophe(word) ? ELISION.exec(word) : null;
    if (elision && !/^N['’]/.test(word) && word.length > elision[0].length) {
      start += elision[0].length;
      word = word.slice(elision[0].length);
    }
    // The next newline is searched once and kept: searching it per word would be quadratic.
    while (nextNewline !== -1 && nextNewline < start) {
      line++;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
    const prev = tokens[tokens.length - 1];
    // The last visible character before the word says whether a sentence starts here.
    let k = start - 1;
    const floor = Math.max(prev ? prev.end : 0, start - 12);
    while (
      k >= floor &&
      (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 160)
    )
      k--;
    const sentenceStart =
      !prev || prev.line !== line || (k >= floor && SENTENCE_END.has(text.charAt(k)));
    let form = forms.get(word);
    if (!form) {
      form = { folded: foldWord(word), shape: shapeOf(word) };
      forms.set(word, form);
    }
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      folded: form.folded,
      shape: form.shape,
      sentenceStart,
      line,
    });
  }
  return tokens;
}
