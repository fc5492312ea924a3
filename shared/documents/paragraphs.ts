/**
 * A document's paragraphs seen by the anonymisation core. The paragraphs of
 * one part (body, a header, a footer) are scanned together, one per line, so
 * a name met once is recognised everywhere in the part and a heading gives
 * context to what follows; findings come back with their paragraph and
 * their offsets inside it (for highlighting), never with the value found.
 */
import { scan, type Finding, type FindingType, type NamesIndex } from '../anonymisation';

export interface DocumentParagraph {
  /** Which part of the document it belongs to (body, a header…): parts are scanned apart. */
  part: string;
  text: string;
}

export interface ParagraphFinding {
  /** Index of the paragraph in the list given. */
  paragraph: number;
  /** Offsets inside that paragraph's text. */
  start: number;
  end: number;
  type: FindingType;
  direct: boolean;
  /** Whether it is about a child or family (the core's role «bénéficiaire»). */
  beneficiary: boolean;
  /** French reason shown to the user. */
  reason: string;
  /** Who it is about: the parcours code when known, else a description. */
  person: string;
}

export interface ParagraphScanOptions {
  names?: NamesIndex;
  /** Reference date for ages, today by default. */
  referenceDate?: string;
}

/** Who a finding is about, without its value: the list groups findings by this. */
function personOf(f: Finding): string {
  if (f.code) return f.code;
  if (f.role === 'beneficiaire')
    return f.type === 'PERSONNE' ? 'Personne non suivie' : 'Enfants et familles';
  return 'Professionnels et institutions';
}

/** The last index whose start is at or before `offset`. */
function paragraphAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Findings of every paragraph (direct identifiers, quasi-identifiers, sensitive content). */
export function scanParagraphs(
  paragraphs: readonly DocumentParagraph[],
  options: ParagraphScanOptions = {},
): ParagraphFinding[] {
  const parts = new Map<string, number[]>();
  paragraphs.forEach((p, i) => {
    const indexes = parts.get(p.part);
    if (indexes) indexes.push(i);
    else parts.set(p.part, [i]);
  });
  const found: ParagraphFinding[] = [];
  for (const indexes of parts.values()) {
    const starts: number[] = [];
    let text = '';
    for (const i of indexes) {
      starts.push(text.length);
      text += `${paragraphs[i]!.text}\n`;
    }
    for (const f of scan(text, options).findings) {
      const local = paragraphAt(starts, f.start);
      const paragraph = indexes[local]!;
      const start = f.start - starts[local]!;
      // A finding running over a paragraph end is shown in the paragraph where it starts.
      const end = Math.min(f.end - starts[local]!, paragraphs[paragraph]!.text.length);
      if (end <= start) continue;
      found.push({
        paragraph,
        start,
        end,
        type: f.type,
        direct: f.direct,
        beneficiary: f.role === 'beneficiaire',
        reason: f.label,
        person: personOf(f),
      });
    }
  }
  return found.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
