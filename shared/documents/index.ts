/**
 * shared/documents — Word documents checked before they leave the team.
 *
 * `scanParagraphs(paragraphs, options)` scans a document's paragraphs (as an
 * Office host reads them) part by part and returns findings with their
 * paragraph and offsets, grouped-ready (person, type, French reason), never
 * the value; `docxParagraphs(docx)` reads a .docx's body, tables, headers,
 * footers and notes as paragraphs; `pseudonymiseDocx(docx, options)` makes a
 * pseudonymised copy, formatting kept, checked again, with its residual risks.
 * Needs shared/anonymisation (a `NamesIndex` when the caseload is open, the
 * store's `PseudonymMemory` for stable labels) and pizzip. Pure, no I/O.
 */
export {
  scanParagraphs,
  type DocumentParagraph,
  type ParagraphFinding,
  type ParagraphScanOptions,
} from './paragraphs';
export {
  docxParagraphs,
  pseudonymiseDocx,
  DOCX_LIMITS,
  type DocxPseudonymiseOptions,
  type PseudonymisedDocx,
} from './docx';
