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
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/i;

function shapeOf(word: string): Token['shape'] {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  if (word.length >= 2 && word === word.toUpperCase()) return 'upper';
  return word.charAt(0) === lower.charAt(0) ? 'lower' : 'title';
}

/** `foldText` for one word, with a fast path for plain ASCII words (most of them). */
function foldWord(word: string): string {
  return /^[A-Za-z]+$/.test(word) ? word.toLowerCase() : foldText(word);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let nextNewline = text.indexOf('\n');
  for (const m of text.matchAll(WORD)) {
    let start = m.index;
    let word = m[0];
    // «l'école», «d'Alexandru» split; «N'Diaye», «N'Guessan» (capital N) stay whole.
    const elision = ELISION.exec(word);
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
    // The last few characters before the word are enough, and keep the work bounded.
    const gap = text.slice(Math.max(prev ? prev.end : 0, start - 12), start);
    const sentenceStart = !prev || /[.!?:…•\-–—>«"]\s*$/.test(gap) || prev.line !== line;
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      folded: foldWord(word),
      shape: shapeOf(word),
      sentenceStart,
      line,
    });
  }
  return tokens;
}
