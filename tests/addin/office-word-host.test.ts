/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import {
  OfficeWordHost,
  fromBase64,
  readOpenDocument,
  searchText,
  spotIn,
  type WordRun,
} from '../../addin/hosts/word';
import { PasserelleError } from '../../shared/parcours';

/** A paragraph whose search finds `text` at each of its occurrences (ranges record what was done). */
function paragraph(text: string, tableNestingLevel = 0) {
  return {
    text,
    tableNestingLevel,
    searched: [] as unknown[],
    // Search results are filled by `search`; loading them changes nothing.
    results: { items: [] as unknown[], load: function () {} },
    search: function (
      this: { text: string; results: { items: unknown[] }; searched: unknown[] },
      wanted: string,
      options: unknown,
    ) {
      this.searched.push([wanted, options]);
      const count = this.text.split(wanted).length - 1;
      this.results.items = Array.from({ length: count }, () => ({
        font: { highlightColor: 'None' },
        selected: false,
        select: function (this: { selected: boolean }) {
          this.selected = true;
        },
      }));
      return this.results;
    },
  };
}

/** A collection as Word gives it: its items appear once loaded (the mock's own load needs them declared). */
function collection<T>(items: T[]) {
  return {
    load: function (this: { items: T[] }) {
      this.items = items;
    },
  };
}

function margin(texts: string[]) {
  return { paragraphs: collection(texts.map((t) => paragraph(t))) };
}

/** A document: body paragraphs (one in a table), one section with a header and a footer. */
function wordMock() {
  const body = {
    paragraphs: collection([
      paragraph('Situation de Moussa TRAORÉ.'),
      paragraph('Moussa et sa mère ; Moussa viendra.'),
      paragraph('Moussa TRAORÉ', 1),
    ]),
  };
  const header = margin(['Notes — Moussa TRAORÉ']);
  const footer = margin(['Document de travail']);
  const empty = margin([]);
  const section = {
    header,
    footer,
    empty,
    getHeader: function (this: { header: unknown; empty: unknown }, kind: string) {
      return kind === 'Primary' ? this.header : this.empty;
    },
    getFooter: function (this: { footer: unknown; empty: unknown }, kind: string) {
      return kind === 'Primary' ? this.footer : this.empty;
    },
  };
  const mock = new OfficeMockObject({
    context: {
      document: {
        body,
        sections: collection([section]),
        selection: {
          insertFileFromBase64: function (
            this: { inserted: unknown[] },
            file: string,
            where: string,
          ) {
            this.inserted = [file, where];
          },
        },
        getSelection: function (this: { selection: unknown }) {
          return this.selection;
        },
      },
      application: {
        created: {
          opened: false,
          open: function (this: { opened: boolean }) {
            this.opened = true;
          },
        },
        createDocument: function (this: { created: { file?: string } }, file: string) {
          this.created.file = file;
          return this.created;
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (c: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test inspects what the adapter did to the mock
  }) as unknown as { context: Record<string, any>; run: WordRun };
  return {
    host: new OfficeWordHost(
      (batch) => mock.run(batch),
      async () => new Uint8Array([80, 75]),
    ),
    mock,
  };
}

describe('OfficeWordHost (office-addin-mock)', () => {
  it('reads body paragraphs (tables marked), then headers and footers, with their places', async () => {
    const { host } = wordMock();
    const read = await host.readParagraphs();
    expect(read.map((p) => [p.part, p.place, p.text])).toEqual([
      ['body', '§ 1', 'Situation de Moussa TRAORÉ.'],
      ['body', '§ 2', 'Moussa et sa mère ; Moussa viendra.'],
      ['body', 'Tableau, § 3', 'Moussa TRAORÉ'],
      ['header-0-Primary', 'En-tête', 'Notes — Moussa TRAORÉ'],
      ['footer-0-Primary', 'Pied de page', 'Document de travail'],
    ]);
    expect(read[3]!.location).toEqual({ part: 'header', section: 0, kind: 'Primary', index: 0 });
  });

  it('turns offsets into search spots: the second «Moussa» of a paragraph is occurrence 1', async () => {
    const { host } = wordMock();
    const [, second] = await host.readParagraphs();
    const at = second!.text.lastIndexOf('Moussa');
    expect(spotIn(second!, at, at + 6)).toEqual({
      location: second!.location,
      text: 'Moussa',
      occurrence: 1,
    });
  });

  it('highlights the found ranges in their own paragraph, then clears exactly those', async () => {
    const { host, mock } = wordMock();
    const read = await host.readParagraphs();
    const second = read[1]!;
    const at = second.text.lastIndexOf('Moussa');
    await host.highlight([spotIn(second, at, at + 6), spotIn(read[3]!, 8, 21)]);
    const paragraphs = mock.context.document.body.paragraphs.items;
    expect(paragraphs[1].searched[0]).toEqual(['Moussa', { matchCase: true }]);
    expect(
      paragraphs[1].results.items.map(
        (r: { font: { highlightColor: string } }) => r.font.highlightColor,
      ),
    ).toEqual(['None', 'Yellow']);
    expect(paragraphs[0].searched).toEqual([]);
    const header = mock.context.document.sections.items[0].header.paragraphs.items[0];
    expect(header.searched[0][0]).toBe('Moussa TRAORÉ');
    expect(header.results.items[0].font.highlightColor).toBe('Yellow');

    await host.clearHighlights();
    expect(paragraphs[1].results.items[1].font.highlightColor).toBeNull();
  });

  it('selects a spot (Word scrolls to it), and says so in French when it is gone', async () => {
    const { host, mock } = wordMock();
    const [first] = await host.readParagraphs();
    await host.show(spotIn(first!, 13, 19));
    expect(mock.context.document.body.paragraphs.items[0].results.items[0].selected).toBe(true);
    await expect(host.show({ ...spotIn(first!, 13, 19), occurrence: 3 })).rejects.toThrow(
      PasserelleError,
    );
  });

  it('inserts a .docx after the selection and opens another as a new document, in base64', async () => {
    const { host, mock } = wordMock();
    const docx = new Uint8Array([80, 75, 3, 4, 255, 0]);
    await host.insertFile(docx);
    const [file, where] = mock.context.document.selection.inserted;
    expect(fromBase64(file)).toEqual(docx);
    expect(where).toBe('End');
    await host.createDocument(docx);
    expect(fromBase64(mock.context.application.created.file)).toEqual(docx);
    expect(mock.context.application.created.opened).toBe(true);
    expect(await host.readFile()).toEqual(new Uint8Array([80, 75]));
  });

  it('escapes Word’s search syntax', () => {
    expect(searchText('a^b\tc\nd')).toBe('a^^b^tc^ld');
    expect(searchText('x'.repeat(300))).toHaveLength(255);
  });
});

describe('readOpenDocument (getFileAsync)', () => {
  type Callback = (result: {
    status: string;
    value?: unknown;
    error?: { message: string };
  }) => void;
  const office = globalThis as unknown as { Office?: unknown };

  /** A stand-in for Office's common API: the file comes in `slices`, or the call fails. */
  function fakeOffice(slices: number[][] | null) {
    const closed: boolean[] = [];
    office.Office = {
      FileType: { Compressed: 'compressed' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        document: {
          getFileAsync: (_type: string, _options: unknown, done: Callback) => {
            if (!slices) {
              done({ status: 'failed', error: { message: 'document verrouillé' } });
              return;
            }
            done({
              status: 'succeeded',
              value: {
                sliceCount: slices.length,
                getSliceAsync: (index: number, read: Callback) =>
                  read({ status: 'succeeded', value: { data: slices[index] } }),
                closeAsync: () => closed.push(true),
              },
            });
          },
        },
      },
    };
    return closed;
  }

  it('joins the slices into the .docx bytes and closes the file', async () => {
    const closed = fakeOffice([
      [80, 75, 3],
      [4, 20],
    ]);
    try {
      expect(await readOpenDocument()).toEqual(new Uint8Array([80, 75, 3, 4, 20]));
      expect(closed).toEqual([true]);
    } finally {
      delete office.Office;
    }
  });

  it('says in French when Word does not give the document', async () => {
    fakeOffice(null);
    try {
      await expect(readOpenDocument()).rejects.toThrow(/Word n’a pas donné le document/);
    } finally {
      delete office.Office;
    }
  });
});
