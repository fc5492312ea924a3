/**
 * What the name passes share: the words of the text, the mark each word has
 * earned so far (the strongest wins), the words no pass may mark, and the
 * word-class tests they all ask. A class rather than closures inside one long
 * function, so each pass is a small function the engine optimises on its own.
 */
import { STRONG, WORD_NAME } from '../lexicon';
import type { NameEntry } from '../names-index';
import type { LineInfo } from '../roles';
import { ScratchSlot, zeroedBytes } from '../scratch';
import type { WordForm, Words } from '../tokens';
import type { Role } from '../types';

export interface Mark {
  confidence: number;
  label: string;
  role?: Role;
  roleSure?: boolean;
  entries?: readonly NameEntry[];
  /** Introduced as a parent («sa mère Karima»). */
  parent?: boolean;
}

/** Whether a word is in a lexicon class (bits computed once per word form by the tokenizer). */
export function is(form: WordForm, bit: number): boolean {
  return (form.classes & bit) !== 0;
}

/** A capitalised word that may be part of a name in a strong context (civility, caseload…). */
export function strongShaped(form: WordForm | undefined): boolean {
  return form !== undefined && (form.classes & STRONG) !== 0;
}

export class NameMarks {
  readonly count: number;
  readonly marks: Array<Mark | undefined>;
  /** 1 where no pass may mark the word (taken by another detector, part of an organisation). */
  readonly blocked: Uint8Array;
  /** 1 where the next word is on the same line, separated by spaces or a hyphen only. */
  private readonly joined: Uint8Array;
  /** Per line, 1 when written all in lowercase (SMS): set by `markLowerLines`. */
  lowerLine: Uint8Array = new Uint8Array(0);

  constructor(
    readonly text: string,
    readonly words: Words,
    readonly lines: readonly LineInfo[],
  ) {
    const { count, start, end, line } = words;
    this.count = count;
    this.marks = new Array<Mark | undefined>(count).fill(undefined);
    this.blocked = new Uint8Array(count + 1);
    // Computed once: the passes ask it many times per word.
    const joined = zeroedBytes(ScratchSlot.Joined, count);
    for (let i = 0; i + 1 < count; i++) {
      const gap = start[i + 1]! - end[i]!;
      if (line[i] !== line[i + 1] || gap < 1 || gap > 2) continue;
      let ok = 1;
      for (let k = end[i]!; k < start[i + 1]!; k++) {
        const c = text.charCodeAt(k);
        if (c !== 32 && c !== 0xa0 && c !== 45) ok = 0;
      }
      joined[i] = ok;
    }
    this.joined = joined;
  }

  /** Word `i`'s form, or undefined outside the text (the passes look one or two words around). */
  form(i: number): WordForm | undefined {
    return i >= 0 && i < this.count ? this.words.form[i] : undefined;
  }

  /** A word that may be part of a name by its shape alone: words-that-are-names need a capital mid-sentence. */
  nameShaped(i: number): boolean {
    const form = this.form(i);
    if (!strongShaped(form)) return false;
    return !is(form!, WORD_NAME) || form!.shape === 'upper' || this.words.sentenceStart[i] === 0;
  }

  adjacent(i: number): boolean {
    return this.joined[i] === 1;
  }

  isBlocked(i: number): boolean {
    return this.blocked[i] === 1;
  }

  lineText(i: number): string {
    return this.lines[this.words.line[i]!]?.text ?? '';
  }

  /** Gives word `i` mark `m` unless it holds a stronger one (a surer role counts as stronger). */
  mark(i: number, m: Mark): void {
    if (this.blocked[i] === 1) return;
    const old = this.marks[i];
    if (!old || m.confidence > old.confidence || (m.roleSure && !old.roleSure)) {
      // Spelled out rather than spread: one object shape for every mark keeps this hot path fast.
      this.marks[i] = {
        confidence: m.confidence,
        label: m.label,
        role: 'role' in m ? m.role : old?.role,
        roleSure: 'roleSure' in m ? m.roleSure : old?.roleSure,
        entries: m.entries ?? old?.entries,
        parent: 'parent' in m ? m.parent : old?.parent,
      };
    }
  }
}
