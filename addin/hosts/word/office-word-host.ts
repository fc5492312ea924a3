/// <reference types="office-js" />
/**
 * WordHost over Office.js (`Word.run`). Reads load every paragraph's text in
 * one batch; highlights and selections find their text again with Word's
 * search inside the paragraph they belong to, so the same word elsewhere is
 * left alone. The open document is read as a .docx with `getFileAsync`.
 * Needs WordApi 1.3 (`createDocument`); the pane checks it at start-up.
 */
import { PasserelleError } from '../../../shared/parcours';
import {
  placeOf,
  partKey,
  samePart,
  toBase64,
  type HeaderFooterKind,
  type TextSpot,
  type WordHost,
  type WordLocation,
  type WordParagraph,
} from './word-host';

/** `Word.run` as Office.js provides it; tests pass office-addin-mock's. */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** Reads the open document as a compressed .docx; tests pass their own. */
export type ReadDocumentFile = () => Promise<Uint8Array>;

const headerFooterKinds: HeaderFooterKind[] = ['Primary', 'FirstPage', 'EvenPages'];
/** Word's search refuses longer strings. */
const SEARCH_LIMIT = 255;
const HIGHLIGHT = 'Yellow';

/** Word's search syntax: `^` starts a special character; tabs and line breaks are `^t` and `^l`. */
export function searchText(text: string): string {
  return text
    .slice(0, SEARCH_LIMIT)
    .replace(/\^/g, '^^')
    .replace(/\t/g, '^t')
    .replace(/[\n\v]/g, '^l');
}

function partOf(context: Word.RequestContext, location: WordLocation): Word.Body {
  if (location.part === 'body') return context.document.body;
  const section = context.document.sections.items[location.section];
  if (!section) {
    throw new PasserelleError(
      'word/introuvable',
      'Ce passage n’existe plus dans le document : relancez la vérification.',
    );
  }
  return location.part === 'header'
    ? section.getHeader(location.kind)
    : section.getFooter(location.kind);
}

/** Ranges of the spots, found in one batch (sections loaded, paragraphs loaded, searches synced). */
async function findSpots(
  context: Word.RequestContext,
  spots: readonly TextSpot[],
): Promise<(Word.Range | undefined)[]> {
  context.document.sections.load('items');
  await context.sync();
  const parts: { location: WordLocation; paragraphs: Word.ParagraphCollection }[] = [];
  const paragraphsOf = (location: WordLocation) => {
    let found = parts.find((p) => samePart(p.location, location));
    if (!found) {
      found = { location, paragraphs: partOf(context, location).paragraphs };
      found.paragraphs.load('items');
      parts.push(found);
    }
    return found.paragraphs;
  };
  const collections = spots.map((spot) => paragraphsOf(spot.location));
  await context.sync();
  const searches = spots.map((spot, i) => {
    const paragraph = collections[i]!.items[spot.location.index];
    if (!paragraph || !spot.text) return undefined;
    const results = paragraph.search(searchText(spot.text), { matchCase: true });
    results.load('items');
    return results;
  });
  await context.sync();
  return searches.map((results, i) => results?.items[spots[i]!.occurrence]);
}

/** The whole open document as bytes, slice by slice, through the common API's `getFileAsync`. */
export const readOpenDocument: ReadDocumentFile = () =>
  new Promise((resolve, reject) => {
    const failed = (message: string) =>
      reject(
        new PasserelleError(
          'word/lecture',
          `Word n’a pas donné le document (${message}) : enregistrez-le puis réessayez.`,
        ),
      );
    Office.context.document.getFileAsync(
      Office.FileType.Compressed,
      { sliceSize: 4 * 1024 * 1024 },
      (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          failed(opened.error.message);
          return;
        }
        const file = opened.value;
        const slices: Uint8Array[] = [];
        const next = (index: number) => {
          if (index === file.sliceCount) {
            file.closeAsync();
            const bytes = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
            let at = 0;
            for (const slice of slices) {
              bytes.set(slice, at);
              at += slice.length;
            }
            resolve(bytes);
            return;
          }
          file.getSliceAsync(index, (read) => {
            if (read.status !== Office.AsyncResultStatus.Succeeded) {
              file.closeAsync();
              failed(read.error.message);
              return;
            }
            slices.push(new Uint8Array(read.value.data as number[]));
            next(index + 1);
          });
        };
        next(0);
      },
    );
  });

export class OfficeWordHost implements WordHost {
  /** What this host highlighted, to clear exactly that. */
  private highlighted: TextSpot[] = [];

  constructor(
    private readonly run: WordRun = (batch) => Word.run(batch),
    private readonly readDocumentFile: ReadDocumentFile = readOpenDocument,
  ) {}

  readParagraphs(): Promise<WordParagraph[]> {
    return this.run(async (context) => {
      const body = context.document.body.paragraphs;
      body.load('items/text, items/tableNestingLevel');
      const sections = context.document.sections;
      sections.load('items');
      await context.sync();
      const margins = sections.items.flatMap((section, index) =>
        (['header', 'footer'] as const).flatMap((part) =>
          headerFooterKinds.map((kind) => {
            const paragraphs = (
              part === 'header' ? section.getHeader(kind) : section.getFooter(kind)
            ).paragraphs;
            paragraphs.load('items/text');
            return { part, section: index, kind, paragraphs };
          }),
        ),
      );
      await context.sync();
      const count = sections.items.length;
      const read = (location: WordLocation, text: string, inTable: boolean): WordParagraph => ({
        location,
        part: partKey(location),
        place: placeOf(location, inTable, count),
        text,
      });
      return [
        ...body.items.map((p, index) =>
          read(
            { part: 'body', section: 0, kind: 'Primary', index },
            p.text,
            p.tableNestingLevel > 0,
          ),
        ),
        ...margins.flatMap(({ part, section, kind, paragraphs }) =>
          paragraphs.items.map((p, index) => read({ part, section, kind, index }, p.text, false)),
        ),
      ];
    });
  }

  async highlight(spots: readonly TextSpot[]): Promise<void> {
    await this.clearHighlights();
    await this.run(async (context) => {
      const ranges = await findSpots(context, spots);
      for (const range of ranges) if (range) range.font.highlightColor = HIGHLIGHT;
      await context.sync();
    });
    this.highlighted = [...spots];
  }

  async clearHighlights(): Promise<void> {
    if (!this.highlighted.length) return;
    const spots = this.highlighted;
    this.highlighted = [];
    await this.run(async (context) => {
      const ranges = await findSpots(context, spots);
      // Word removes a highlight when its colour is set to null.
      for (const range of ranges) if (range) range.font.highlightColor = null as unknown as string;
      await context.sync();
    });
  }

  show(spot: TextSpot): Promise<void> {
    return this.run(async (context) => {
      const [range] = await findSpots(context, [spot]);
      if (!range) {
        throw new PasserelleError(
          'word/introuvable',
          'Ce passage n’est plus dans le document (il a été modifié) : relancez la vérification.',
        );
      }
      range.select();
      await context.sync();
    });
  }

  insertFile(docx: Uint8Array): Promise<void> {
    const base64 = toBase64(docx);
    return this.run(async (context) => {
      context.document.getSelection().insertFileFromBase64(base64, 'End');
      await context.sync();
    });
  }

  createDocument(docx: Uint8Array): Promise<void> {
    const base64 = toBase64(docx);
    return this.run(async (context) => {
      context.application.createDocument(base64).open();
      await context.sync();
    });
  }

  readFile(): Promise<Uint8Array> {
    return this.readDocumentFile();
  }
}
