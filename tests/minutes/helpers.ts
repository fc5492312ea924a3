/** Builds small .docx files for the tests and reads filled ones back as text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import type { EpsSession, ParcoursDraft } from '../../shared/parcours';

export const fixtures = join(import.meta.dirname, '../fixtures/minutes');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtures, name)));
}

export function fixtureJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;
}

export function fixtureLines(name: string): string[] {
  return readFileSync(join(fixtures, name), 'utf8').split('\n').filter(Boolean);
}

export const session = (name: string) => fixtureJson<EpsSession>(`${name}.session.json`);
export const caseload = (name: string) =>
  fixtureJson<{ records: ParcoursDraft[] }>(`${name}.caseload.json`).records;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A paragraph; `|` in the text splits it into runs, as Word does when formatting changes mid-tag. */
export function paragraph(text: string): string {
  const runs = text
    .split('|')
    .map(
      (t, i) =>
        `<w:r>${i % 2 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`,
    );
  return `<w:p>${runs.join('')}</w:p>`;
}

export function tableRow(cells: string[]): string {
  return `<w:tr>${cells.map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('')}</w:tr>`;
}

export interface DocxParts {
  body: string;
  header?: string;
  footer?: string;
  comment?: string;
  creator?: string;
  contentTypesExtra?: string;
  extraFiles?: Record<string, string | Uint8Array>;
}

/** A minimal but valid .docx, as Word would write it. */
export function makeDocx(parts: DocxParts): Uint8Array {
  const zip = new PizZip();
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
  ];
  const rels: string[] = [];
  const refs: string[] = [];
  if (parts.header !== undefined) {
    zip.file('word/header1.xml', `<w:hdr ${W}>${parts.header}</w:hdr>`);
    overrides.push(
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
    );
    rels.push(
      '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
    );
    refs.push('<w:headerReference w:type="default" r:id="rIdH"/>');
  }
  if (parts.footer !== undefined) {
    zip.file('word/footer1.xml', `<w:ftr ${W}>${parts.footer}</w:ftr>`);
    overrides.push(
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>',
    );
    rels.push(
      '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>',
    );
    refs.push('<w:footerReference w:type="default" r:id="rIdF"/>');
  }
  let body = parts.body;
  if (parts.comment !== undefined) {
    zip.file(
      'word/comments.xml',
      `<w:comments ${W}><w:comment w:id="0" w:author="Relecteur"><w:p><w:r><w:t>${parts.comment}</w:t></w:r></w:p></w:comment></w:comments>`,
    );
    overrides.push(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    rels.push(
      '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>',
    );
    body = `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Relu</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r w:rsidR="00A1B2C3"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>${body}`;
  }
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${overrides.join('')}${parts.contentTypesExtra ?? ''}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${parts.creator ?? ''}</dc:creator><cp:lastModifiedBy>${parts.creator ?? ''}</cp:lastModifiedBy><dc:title>Compte rendu</dc:title></cp:coreProperties>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr>${refs.join('')}</w:sectPr></w:body></w:document>`,
  );
  for (const [name, content] of Object.entries(parts.extraFiles ?? {})) zip.file(name, content);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** What a reader sees: paragraphs of the body, headers and footers, runs joined (as the scorer reads). */
export function visibleText(docx: Uint8Array): string {
  const zip = new PizZip(docx);
  const parts = Object.keys(zip.files)
    .filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))
    .sort();
  const lines: string[] = [];
  for (const part of parts) {
    for (const para of zip.file(part)!.asText().split('</w:p>')) {
      const text = [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      if (text.trim()) lines.push(decode(text));
    }
  }
  return lines.join('\n');
}

/** Every XML part's text, tags removed: properties, comments, rels… */
export function wholePackageText(docx: Uint8Array): string {
  const zip = new PizZip(docx);
  return Object.keys(zip.files)
    .filter((n) => /\.(xml|rels)$/.test(n))
    .map((n) =>
      decode(
        zip
          .file(n)!
          .asText()
          .replace(/<[^>]*>/g, ' '),
      ),
    )
    .join('\n');
}

/** Whole word, case- and accent-sensitive (the scorer's rule for forbidden strings). */
export function hasWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(text);
}

export const normaliseSpaces = (s: string) => s.replace(/\s+/gu, ' ').toLowerCase();
