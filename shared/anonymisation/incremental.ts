/**
 * Incremental scanning for editors: the text is cut into paragraphs (blank
 * lines), each scanned once and cached by its content, so a keystroke re-scans
 * only the paragraph it touched. Names are propagated inside a paragraph only
 * (a full `scan` also propagates across paragraphs; editors run it on send).
 */
import { scan } from './scan';
import type { Finding, ScanOptions } from './types';

export interface IncrementalScanner {
  /** Findings for the whole text, re-scanning only paragraphs not seen before. */
  update(text: string): Finding[];
  /** Paragraphs actually scanned by the last `update` (for tests and telemetry-free diagnostics). */
  readonly lastScanned: number;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

/** Paragraphs of a text with their offsets, separators excluded. */
export function paragraphsOf(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let from = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    out.push({ start: from, text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  out.push({ start: from, text: text.slice(from) });
  return out;
}

export function createIncrementalScanner(options: ScanOptions = {}): IncrementalScanner {
  let cache = new Map<string, Finding[]>();
  let scanned = 0;
  return {
    get lastScanned() {
      return scanned;
    },
    update(text) {
      const next = new Map<string, Finding[]>();
      const findings: Finding[] = [];
      scanned = 0;
      for (const paragraph of paragraphsOf(text)) {
        let local = next.get(paragraph.text) ?? cache.get(paragraph.text);
        if (!local) {
          local = scan(paragraph.text, options).findings;
          scanned++;
        }
        next.set(paragraph.text, local);
        for (const f of local) findings.push(shifted(f, paragraph.start));
      }
      cache = next;
      return findings;
    },
  };
}

/** A copy of a finding moved by `offset`, spelled out: a spread per finding per keystroke costs more. */
function shifted(f: Finding, offset: number): Finding {
  const g: Finding = {
    start: f.start + offset,
    end: f.end + offset,
    type: f.type,
    role: f.role,
    confidence: f.confidence,
    label: f.label,
    replacement: f.replacement,
    direct: f.direct,
    blocking: f.blocking,
  };
  if (f.code !== undefined) g.code = f.code;
  if (f.personKey !== undefined) g.personKey = f.personKey;
  if (f.personKind !== undefined) g.personKind = f.personKind;
  return g;
}

/** The same result without any cache: what `update` must always equal. */
export function scanByParagraph(text: string, options: ScanOptions = {}): Finding[] {
  return paragraphsOf(text).flatMap((p) =>
    scan(p.text, options).findings.map((f) => shifted(f, p.start)),
  );
}
