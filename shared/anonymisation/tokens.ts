/** Words of a text with their offsets, case shape and place in the sentence. */
import { foldText } from '../parcours';
import { wordClasses } from './lexicon';

/** What a word is, whatever its place: shared by all its occurrences. */
export interface WordForm {
  text: string;
  folded: string;
  /** `upper`: «MEZIANE»; `title`: «Meziane», «N'Diaye»; `lower`: «meziane». */
  shape: 'upper' | 'title' | 'lower';
  /** Lexicon bits (`NOT_NAME`, `FIRST_NAME`, `STRONG`… in lexicon.ts). */
  classes: number;
}

/**
 * The words of a text as parallel arrays, word `i` at index `i`: one set of
 * arrays per scan rather than one object per word (a megabyte holds 150 000
 * words, and their objects were most of a scan's garbage). The arrays are
 * reused by the next `tokenize` call: read them before scanning again.
 */
export interface Words {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Index of the line (0-based). */
  line: Int32Array;
  /** 1 for the first word of a sentence or a line (its capital tells nothing). */
  sentenceStart: Uint8Array;
  /** Entries at `count` and beyond are left from an earlier text. */
  form: WordForm[];
}

const WORD_CHAR = /^[\p{L}\p{M}]$/u;
/** Per code unit of the basic plane: 0 not yet known, 1 letter or mark, 2 other. */
const charKinds = new Uint8Array(0x10000);

/** Code units taken by the letter or mark at `i` (2 outside the basic plane), 0 if none. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    const lower = c | 32;
    return lower >= 97 && lower <= 122 ? 1 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const code = text.codePointAt(i)!;
    return code > 0xffff && WORD_CHAR.test(String.fromCodePoint(code)) ? 2 : 0;
  }
  let kind = charKinds[c]!;
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    charKinds[c] = kind;
  }
  return kind === 1 ? 1 : 0;
}

/** End of the word found by the last `nextWord` call, and whether it holds an apostrophe. */
let wordEnd = 0;
let wordApostrophe = false;

/**
 * Start of the next word from `from` (its end in `wordEnd`), or -1: letters and
 * marks with inner apostrophes or hyphens, as the regex
 * `[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*` (flag u) would find; walked by hand
 * because a regex match per word costs more than the rest of tokenizing, and
 * without an object per word.
 */
function nextWord(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n && wordCharLength(text, i) === 0) i++;
  if (i >= n) return -1;
  const start = i;
  let apostrophe = false;
  for (;;) {
    let len: number;
    while (i < n && (len = wordCharLength(text, i)) > 0) i += len;
    const c = text.charCodeAt(i);
    if (
      (c === 39 || c === 0x2019 || c === 45) &&
      i + 1 < n &&
      (len = wordCharLength(text, i + 1)) > 0
    ) {
      apostrophe ||= c !== 45;
      i += 1 + len;
      continue;
    }
    wordEnd = i;
    wordApostrophe = apostrophe;
    return start;
  }
}
const SENTENCE_END = new Set(['.', '!', '?', ':', '…', '•', '-', '–', '—', '>', '«', '"']);
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/i;

function shapeOf(word: string): WordForm['shape'] {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  if (word.length >= 2 && word === word.toUpperCase()) return 'upper';
  return word.charAt(0) === lower.charAt(0) ? 'lower' : 'title';
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

/**
 * Folded form, shape and classes per distinct word, kept across calls (e-mails
 * scanned one after another share most words); emptied when full to bound
 * memory. An open-addressing table hashed from the text's code units, so a
 * word already seen is found without slicing it out of the text.
 */
const TABLE_SIZE = 1 << 17;
const MAX_FORMS = 50_000;
let slots: Array<WordForm | undefined> = [];
let formCount = 0;

/** A packed array (a `new Array(n)` this large would be a slow dictionary), made on first use. */
function emptySlots(): Array<WordForm | undefined> {
  return Array.from({ length: TABLE_SIZE }, () => undefined);
}

function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** The form of `text.slice(start, end)`, from the table or made and stored. */
function formAt(text: string, start: number, end: number): WordForm {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  let slot = hash & (TABLE_SIZE - 1);
  for (let form = slots[slot]; form; form = slots[slot]) {
    if (sameWord(text, start, end, form.text)) return form;
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  if (formCount >= MAX_FORMS || slots.length === 0) {
    slots = emptySlots();
    formCount = 0;
    return formAt(text, start, end);
  }
  const word = text.slice(start, end);
  const folded = foldWord(word);
  const shape = shapeOf(word);
  const form = { text: word, folded, shape, classes: wordClasses(folded, shape) };
  slots[slot] = form;
  formCount++;
  return form;
}

/** Arrays kept between calls, grown by doubling; a long text's (over 256 Ko) are not kept. */
const MAX_KEPT_WORDS = 1 << 16;
let kept: Words | undefined;

function wordsFor(capacity: number): Words {
  if (kept && kept.start.length >= capacity) {
    kept.count = 0;
    return kept;
  }
  const words: Words = {
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    line: new Int32Array(capacity),
    sentenceStart: new Uint8Array(capacity),
    form: [],
  };
  if (capacity <= MAX_KEPT_WORDS) kept = words;
  return words;
}

function grown(words: Words): Words {
  const bigger = wordsFor(words.start.length * 2);
  bigger.start.set(words.start);
  bigger.end.set(words.end);
  bigger.line.set(words.line);
  bigger.sentenceStart.set(words.sentenceStart);
  for (let i = 0; i < words.count; i++) bigger.form[i] = words.form[i]!;
  bigger.count = words.count;
  return bigger;
}

export function tokenize(text: string): Words {
  // French prose has about one word per six characters: a quarter of the length rarely grows.
  let words = wordsFor(Math.max(256, text.length >> 2));
  let count = 0;
  let line = 0;
  let nextNewline = text.indexOf('\n');
  // Elisions (l', d', qu'…) are split off the words below.
  for (let from = nextWord(text, 0); from !== -1; from = nextWord(text, wordEnd)) {
    let start = from;
    const end = wordEnd;
    // «l'école», «d'Alexandru» split; «N'Diaye», «N'Guessan» (capital N) stay whole.
    // Elisions need an apostrophe: most words have none and skip the elision regex.
    if (wordApostrophe) {
      const word = text.slice(start, end);
      const elision = ELISION.exec(word);
      if (elision && !/^N['’]/.test(word) && word.length > elision[0].length)
        start += elision[0].length;
    }
    // The next newline is searched once and kept: searching it per word would be quadratic.
    while (nextNewline !== -1 && nextNewline < start) {
      line++;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
    // The last visible character before the word says whether a sentence starts here.
    let k = start - 1;
    const floor = Math.max(count > 0 ? words.end[count - 1]! : 0, start - 12);
    while (
      k >= floor &&
      (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 160)
    )
      k--;
    const sentenceStart =
      count === 0 ||
      words.line[count - 1] !== line ||
      (k >= floor && SENTENCE_END.has(text.charAt(k)));
    if (count === words.start.length) words = grown(words);
    words.start[count] = start;
    words.end[count] = end;
    words.line[count] = line;
    words.sentenceStart[count] = sentenceStart ? 1 : 0;
    // Assigned by index: `form` keeps its length across calls (entries past `count` are stale).
    words.form[count] = formAt(text, start, end);
    words.count = ++count;
  }
  return words;
}
