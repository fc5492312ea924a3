/**
 * The text of a Word part with where each character comes from: `w:t` runs
 * are editable segments (a replacement lands in the run where it starts and
 * keeps that run's formatting); tabs and line breaks read as `\t` and `\n`;
 * each paragraph ends with `\n`. Tab stops (`w:tabs`), deleted text and
 * field codes are not text a reader sees.
 */

interface Segment {
  /** Where the whole `<w:t>…</w:t>` element sits in the XML. */
  xmlStart: number;
  xmlEnd: number;
  /** Where its text starts in the part's text. */
  textStart: number;
  text: string;
}

export interface PartText {
  xml: string;
  /** Paragraphs one per line, each ended by `\n`. */
  text: string;
  paragraphs: string[];
  segments: Segment[];
}

/** Every alternative is linear: a hostile part cannot make the reader backtrack. */
const TOKEN =
  /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<\/w:p>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g;
/** A tab stop (`<w:tab w:val="left" w:pos="…"/>` in `w:tabs`) is paragraph layout, not a tab. */
const TAB_STOP = /\sw:val=/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()] ?? whole;
    const code =
      entity[1] === 'x' || entity[1] === 'X'
        ? parseInt(entity.slice(2), 16)
        : Number(entity.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function readPart(xml: string): PartText {
  let text = '';
  let paragraph = '';
  const paragraphs: string[] = [];
  const segments: Segment[] = [];
  for (const match of xml.matchAll(TOKEN)) {
    const [whole, content, control] = match;
    if (control === 'tab' && TAB_STOP.test(whole)) continue;
    if (whole === '</w:p>') {
      paragraphs.push(paragraph);
      text += '\n';
      paragraph = '';
    } else if (control) {
      const character = control === 'tab' ? '\t' : '\n';
      text += character;
      paragraph += character;
    } else {
      const decoded = decodeXml(content ?? '');
      segments.push({
        xmlStart: match.index,
        xmlEnd: match.index + whole.length,
        textStart: text.length,
        text: decoded,
      });
      text += decoded;
      paragraph += decoded;
    }
  }
  return { xml, text, paragraphs, segments };
}

export interface TextEdit {
  /** Offsets in the part's text. */
  start: number;
  end: number;
  replacement: string;
}

/**
 * The part's XML with the edits applied: each edit's text goes into the run
 * where it starts (keeping its formatting), the rest of the span is removed
 * from the runs it covered. Edits must not overlap.
 */
export function applyEdits(part: PartText, edits: readonly TextEdit[]): string {
  const texts = part.segments.map((s) => s.text);
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const edit of sorted) {
    let placed = false;
    part.segments.forEach((segment, i) => {
      const segmentEnd = segment.textStart + segment.text.length;
      if (segmentEnd <= edit.start || segment.textStart >= edit.end) return;
      const from = Math.max(edit.start, segment.textStart) - segment.textStart;
      const to = Math.min(edit.end, segmentEnd) - segment.textStart;
      const current = texts[i]!;
      texts[i] = current.slice(0, from) + (placed ? '' : edit.replacement) + current.slice(to);
      placed = true;
    });
  }
  let out = '';
  let last = 0;
  part.segments.forEach((segment, i) => {
    if (texts[i] === segment.text) return;
    out += part.xml.slice(last, segment.xmlStart);
    out += `<w:t xml:space="preserve">${escapeXml(texts[i]!)}</w:t>`;
    last = segment.xmlEnd;
  });
  return out + part.xml.slice(last);
}
