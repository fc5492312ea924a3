/** Sentences and clauses with their offsets in the clean text, for provenance. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations whose dot ends no sentence («M. Barry», «Mme. Roux», «Dr. Martin»). */
const ABBREVIATION = /(?:^|\s)(?:M|Mme|Mlle|Mr|Dr|Pr|St|Ste|cf|etc|tél|Tél|av|bd|n°)\.$/;

/**
 * A line break inside a sentence of hard-wrapped text (a long line that does not end a
 * sentence, followed by a line that goes on): read as a space.
 */
function wrapped(text: string, at: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, at);
  const next = text.slice(at + 1, Math.min(end, at + 3));
  return line.length >= 60 && !/[.!?:;]\s*$/.test(line) && /^[\p{L}\d«(]/u.test(next);
}

/** Sentences of `text[start, end)`: cut at . ! ? before a capital, and at line ends. */
export function sentencesOf(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) spans.push({ text: body, start: from + lead, end: from + lead + body.length });
    from = to;
  };
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (wrapped(text, i, end)) continue;
      push(i);
      from = i + 1;
    } else if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '')) {
      if (ABBREVIATION.test(text.slice(Math.max(start, i - 5), i + 1))) continue;
      let j = i + 1;
      while (j < end && text[j] === ' ') j++;
      if (j >= end || /[\p{Lu}\d«"-]/u.test(text[j]!)) push(i + 1);
    }
  }
  push(end);
  return spans;
}

/** Clauses of a sentence, cut at «;» (Outlook writes «&nbsp;;»), so one clause speaks of one child. */
export function clausesOf(sentence: Span): Span[] {
  const out: Span[] = [];
  let from = 0;
  const parts = sentence.text.split(/\s*;\s*/);
  for (const part of parts) {
    const at = sentence.text.indexOf(part, from);
    if (part.trim())
      out.push({ text: part, start: sentence.start + at, end: sentence.start + at + part.length });
    from = at + part.length;
  }
  return out;
}

/** The span of `spans` that contains offset `at`. */
export function spanAt(spans: Span[], at: number): Span | undefined {
  return spans.find((s) => s.start <= at && at < s.end);
}
