/**
 * What the Word views need from Word, and nothing else: views know only this
 * interface; `office-word-host.ts` implements it with Office.js and
 * `memory-word-host.ts` with a small in-memory document (preview and tests).
 * A place in the document is a paragraph (body, table cell, header or
 * footer) and a text inside it, found again by Word's search.
 */

export type HeaderFooterKind = 'Primary' | 'FirstPage' | 'EvenPages';

/** A paragraph's address: the body, or a section's header or footer, and its index there. */
export interface WordLocation {
  part: 'body' | 'header' | 'footer';
  /** Section (0-based) of a header or footer; 0 for the body. */
  section: number;
  kind: HeaderFooterKind;
  /** Paragraph index inside that part. */
  index: number;
}

export interface WordParagraph {
  location: WordLocation;
  /** The part's key: paragraphs of one part are read together (body, each header, each footer). */
  part: string;
  /** Where it is, in French, for lists: «§ 4», «Tableau, § 9», «Pied de page». */
  place: string;
  text: string;
}

/** A text inside a paragraph: its `occurrence`-th appearance there (0-based). */
export interface TextSpot {
  location: WordLocation;
  text: string;
  occurrence: number;
}

export interface WordHost {
  /** Paragraphs of the body (tables included), then headers and footers of every section. */
  readParagraphs(): Promise<WordParagraph[]>;
  /** Highlights the spots in yellow, replacing the previous highlights of this host. */
  highlight(spots: readonly TextSpot[]): Promise<void>;
  /** Removes the highlights this host put; the document's own highlights stay. */
  clearHighlights(): Promise<void>;
  /** Selects the spot and scrolls the document to it. */
  show(spot: TextSpot): Promise<void>;
  /** Inserts a .docx at the cursor (after the selection: nothing selected is replaced). */
  insertFile(docx: Uint8Array): Promise<void>;
  /** Opens a .docx as a new document; the open one is left as it is. */
  createDocument(docx: Uint8Array): Promise<void>;
  /** The open document as a .docx, as it is now (saved or not). */
  readFile(): Promise<Uint8Array>;
}

/** The spot of `text.slice(start, end)` in a paragraph: which appearance of that text it is. */
export function spotIn(paragraph: WordParagraph, start: number, end: number): TextSpot {
  const text = paragraph.text.slice(start, end);
  let occurrence = 0;
  for (let at = paragraph.text.indexOf(text); at >= 0 && at < start;) {
    occurrence++;
    at = paragraph.text.indexOf(text, at + 1);
  }
  return { location: paragraph.location, text, occurrence };
}

export function samePart(a: WordLocation, b: WordLocation): boolean {
  return a.part === b.part && a.section === b.section && a.kind === b.kind;
}

export function partKey(location: WordLocation): string {
  return location.part === 'body'
    ? 'body'
    : `${location.part}-${location.section}-${location.kind}`;
}

const kindLabels: Record<HeaderFooterKind, string> = {
  Primary: '',
  FirstPage: ' (première page)',
  EvenPages: ' (pages paires)',
};

/** French place of a paragraph, for the findings list. */
export function placeOf(location: WordLocation, inTable: boolean, sections: number): string {
  if (location.part === 'body') return `${inTable ? 'Tableau, ' : ''}§ ${location.index + 1}`;
  const what = location.part === 'header' ? 'En-tête' : 'Pied de page';
  const section = sections > 1 ? `, section ${location.section + 1}` : '';
  return `${what}${kindLabels[location.kind]}${section}`;
}

/** Base64 of bytes, in chunks (a large document would overflow `String.fromCharCode(...all)`). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
