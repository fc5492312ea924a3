/**
 * The text of a package part as docxtemplater sees it: the text nodes (`w:t`
 * in Word parts, the property elements in docProps) joined without
 * separators, so a tag cut across runs reads whole, and where each paragraph
 * starts, so a tag can be placed in the paragraph around it.
 */

/** Elements whose text docxtemplater templates (its `tagsXmlTextArray` for docx). */
const TEXT_ELEMENTS = [
  'w:t',
  'a:t',
  'm:t',
  'dc:title',
  'dc:subject',
  'dc:creator',
  'dc:description',
  'cp:keywords',
  'cp:category',
  'cp:contentStatus',
  'vt:lpstr',
  'vt:lpwstr',
  'Company',
  'Manager',
  'HyperlinkBase',
];
const TEXT_OR_BREAK = new RegExp(
  `<(${TEXT_ELEMENTS.join('|')})(?:\\s[^>]*)?>([^<]*)</\\1>|</(?:w|a):p>|<w:(?:tab|br|cr)(?:\\s[^>]*)?/>`,
  'g',
);

export interface PartText {
  /** Text nodes joined, as docxtemplater lexes them. */
  text: string;
  /** Offset in `text` where each paragraph starts; a paragraph ends where the next starts. */
  paragraphStarts: number[];
  /** Paragraph texts as a reader sees them (tabs as tabs, line breaks as new lines). */
  paragraphs: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()] ?? whole;
    const code =
      entity[1] === 'x' || entity[1] === 'X'
        ? parseInt(entity.slice(2), 16)
        : Number(entity.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function partText(xml: string): PartText {
  let text = '';
  const paragraphStarts = [0];
  const paragraphs: string[] = [];
  let visible = '';
  const endParagraph = () => {
    paragraphs.push(visible);
    paragraphStarts.push(text.length);
    visible = '';
  };
  for (const match of xml.matchAll(TEXT_OR_BREAK)) {
    const [whole, element, content] = match;
    if (element !== undefined) {
      const decoded = decodeXml(content ?? '');
      text += decoded;
      visible += decoded;
      // A property element (title, creator…) stands alone, like a paragraph.
      if (
        !element.includes(':') ||
        element.startsWith('dc:') ||
        element.startsWith('cp:') ||
        element.startsWith('vt:')
      ) {
        endParagraph();
      }
    } else if (whole.startsWith('</')) endParagraph();
    // A line break keeps its line: scanners read a new line as a new sentence.
    else visible += whole.startsWith('<w:tab') ? '\t' : '\n';
  }
  if (visible) endParagraph();
  paragraphStarts.pop();
  return { text, paragraphStarts, paragraphs };
}

/** Index of the paragraph holding the character at `offset`. */
export function paragraphAt(part: PartText, offset: number): number {
  let low = 0;
  let high = part.paragraphStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (part.paragraphStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Whole readable text of any XML part: elements become spaces. For parts outside the body. */
export function looseXmlText(xml: string): string {
  return decodeXml(xml.replace(/<[^>]*>/g, ' '));
}
