/**
 * An in-memory Word document behind the WordHost interface: the browser
 * preview and the tests run the Word views against it. It keeps what the
 * views rely on: paragraphs of the body (table cells included), one header
 * and one footer, the highlights, the selection, what was inserted at the
 * cursor, and the documents created (as .docx bytes).
 */
import PizZip from 'pizzip';
import { docxParagraphs } from '../../../shared/documents';
import { PasserelleError } from '../../../shared/parcours';
import {
  placeOf,
  partKey,
  type TextSpot,
  type WordHost,
  type WordLocation,
  type WordParagraph,
} from './word-host';

export interface MemoryParagraph {
  text: string;
  /** Set for a table cell's paragraph: which table, row and column. */
  cell?: { table: number; row: number; column: number };
}

/** A document to start with: paragraphs, or tables given as rows of cells. */
export interface DocumentSeed {
  header?: string[];
  body: (string | { rows: string[][] })[];
  footer?: string[];
}

export interface MarkedRange {
  location: WordLocation;
  start: number;
  end: number;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphXml = (text: string) =>
  `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

function bodyXml(paragraphs: readonly MemoryParagraph[]): string {
  let xml = '';
  for (let i = 0; i < paragraphs.length;) {
    const cell = paragraphs[i]!.cell;
    if (!cell) {
      xml += paragraphXml(paragraphs[i]!.text);
      i++;
      continue;
    }
    const rows: string[][] = [];
    for (; i < paragraphs.length && paragraphs[i]!.cell?.table === cell.table; i++) {
      const at = paragraphs[i]!.cell!;
      (rows[at.row] ??= [])[at.column] = paragraphs[i]!.text;
    }
    xml += `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows
      .map(
        (row) =>
          `<w:tr>${row.map((text) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraphXml(text)}</w:tc>`).join('')}</w:tr>`,
      )
      .join('')}</w:tbl>`;
  }
  return xml;
}

export class MemoryWordHost implements WordHost {
  readonly body: MemoryParagraph[];
  readonly header: MemoryParagraph[];
  readonly footer: MemoryParagraph[];
  highlights: MarkedRange[] = [];
  selection: MarkedRange | null = null;
  /** Files inserted at the cursor, and documents created, in order. */
  readonly inserted: Uint8Array[] = [];
  readonly created: Uint8Array[] = [];

  constructor(seed: DocumentSeed) {
    this.header = (seed.header ?? []).map((text) => ({ text }));
    this.footer = (seed.footer ?? []).map((text) => ({ text }));
    let table = 0;
    this.body = seed.body.flatMap((block) => {
      if (typeof block === 'string') return [{ text: block }];
      const index = table++;
      return block.rows.flatMap((cells, row) =>
        cells.map((text, column) => ({ text, cell: { table: index, row, column } })),
      );
    });
  }

  private part(location: WordLocation): MemoryParagraph[] {
    if (location.section !== 0 || location.kind !== 'Primary') return [];
    return location.part === 'body'
      ? this.body
      : location.part === 'header'
        ? this.header
        : this.footer;
  }

  /** Where a spot is in its paragraph, or null when the text is no longer there. */
  private find(spot: TextSpot): MarkedRange | null {
    const text = this.part(spot.location)[spot.location.index]?.text;
    if (text === undefined || !spot.text) return null;
    let at = text.indexOf(spot.text);
    for (let n = 0; n < spot.occurrence && at >= 0; n++) at = text.indexOf(spot.text, at + 1);
    return at < 0 ? null : { location: spot.location, start: at, end: at + spot.text.length };
  }

  async readParagraphs(): Promise<WordParagraph[]> {
    const read = (part: WordLocation['part'], paragraphs: MemoryParagraph[]) =>
      paragraphs.map((p, index): WordParagraph => {
        const location: WordLocation = { part, section: 0, kind: 'Primary', index };
        return {
          location,
          part: partKey(location),
          place: placeOf(location, !!p.cell, 1),
          text: p.text,
        };
      });
    return [
      ...read('body', this.body),
      ...read('header', this.header),
      ...read('footer', this.footer),
    ];
  }

  async highlight(spots: readonly TextSpot[]): Promise<void> {
    this.highlights = spots.map((s) => this.find(s)).filter((r): r is MarkedRange => !!r);
  }

  async clearHighlights(): Promise<void> {
    this.highlights = [];
  }

  async show(spot: TextSpot): Promise<void> {
    const range = this.find(spot);
    if (!range) {
      throw new PasserelleError(
        'word/introuvable',
        'Ce passage n’est plus dans le document (il a été modifié) : relancez la vérification.',
      );
    }
    this.selection = range;
  }

  /** After the selected body paragraph, or at the end of the body when nothing is selected there. */
  async insertFile(docx: Uint8Array): Promise<void> {
    const added = (await docxParagraphs(docx))
      .filter((p) => p.part === 'word/document.xml')
      .map((p) => ({ text: p.text }));
    const at =
      this.selection?.location.part === 'body'
        ? this.selection.location.index + 1
        : this.body.length;
    this.body.splice(at, 0, ...added);
    this.inserted.push(docx);
  }

  async createDocument(docx: Uint8Array): Promise<void> {
    // Word refuses a file it cannot read; so does the preview.
    await docxParagraphs(docx);
    this.created.push(docx);
  }

  async readFile(): Promise<Uint8Array> {
    const zip = new PizZip();
    const types = [
      ['/word/document.xml', 'document.main'],
      ['/word/header1.xml', 'header'],
      ['/word/footer1.xml', 'footer'],
    ]
      .map(
        ([part, type]) =>
          `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`,
      )
      .join('');
    zip.file(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${types}</Types>`,
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    zip.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>',
    );
    zip.file('word/header1.xml', `<w:hdr ${W}>${bodyXml(this.header)}</w:hdr>`);
    zip.file('word/footer1.xml', `<w:ftr ${W}>${bodyXml(this.footer)}</w:ftr>`);
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${R}><w:body>${bodyXml(this.body)}<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr></w:body></w:document>`,
    );
    return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
  }
}
