/**
 * The Word host adapter: the `WordHost` interface the Word views use, its
 * Office.js implementation and the in-memory document of the preview/tests.
 */
export * from './word-host';
export {
  MemoryWordHost,
  type DocumentSeed,
  type MarkedRange,
  type MemoryParagraph,
} from './memory-word-host';
export {
  OfficeWordHost,
  readOpenDocument,
  searchText,
  type ReadDocumentFile,
  type WordRun,
} from './office-word-host';
