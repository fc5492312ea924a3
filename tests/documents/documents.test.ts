import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { namesIndexFromPeople } from '../../shared/anonymisation';
import {
  DOCX_LIMITS,
  docxParagraphs,
  pseudonymiseDocx,
  scanParagraphs,
} from '../../shared/documents';
import {
  PasserelleError,
  peopleFromRecords,
  type ParcoursRecord,
  type PseudonymMemory,
} from '../../shared/parcours';
import { makeDocx, paragraph, tableRow, visibleText } from '../minutes/helpers';

const records = (
  JSON.parse(readFileSync('tests/fixtures/store/suivi-exemple.json', 'utf8')) as {
    records: ParcoursRecord[];
  }
).records;
const referents = [...new Set(records.flatMap((r) => (r.referent ? [r.referent] : [])))];
const names = namesIndexFromPeople(peopleFromRecords(records), { professionals: referents });
const moussa = records.find((r) => r.code === 'PRE-2025-002')!;

/** A note as a référente writes it: the child's name cut across runs, a table, a header and a comment. */
const note = makeDocx({
  header: paragraph('Note de situation — Moussa TRAORÉ'),
  body: [
    paragraph('Situation de |Moussa| TRAORÉ, suivi par Sonia Martel.'),
    paragraph('La mère, Mme Awa TRAORÉ, est joignable au 07 45 12 36 98.'),
    paragraph('Bilan orthophonique demandé ; suivi au CMP depuis septembre.'),
    `<w:tbl>${tableRow(['Nom', 'Téléphone'])}${tableRow(['Gérard ZORLAC', '06 77 88 99 00'])}</w:tbl>`,
  ].join(''),
  footer: paragraph('Document de travail'),
  comment: 'Vu avec Moussa TRAORÉ',
  creator: 'Sonia Martel',
});

function memory(): PseudonymMemory & { labels: Map<string, string> } {
  const labels = new Map<string, string>();
  return {
    labels,
    recall: async (key) => labels.get(key),
    remember: async (key, label) => void labels.set(key, label),
    resolve: async (label) => [...labels].find(([, l]) => l === label)?.[0],
  };
}

describe('reading a .docx as paragraphs', () => {
  it('reads headers, body with its table cells, and footers in reading order', async () => {
    const paragraphs = await docxParagraphs(note);
    expect(paragraphs[0]).toEqual({
      part: 'word/header1.xml',
      text: 'Note de situation — Moussa TRAORÉ',
    });
    const body = paragraphs.filter((p) => p.part === 'word/document.xml').map((p) => p.text);
    expect(body).toContain('Situation de Moussa TRAORÉ, suivi par Sonia Martel.');
    expect(body).toContain('Gérard ZORLAC');
    expect(paragraphs.at(-1)).toEqual({ part: 'word/footer1.xml', text: 'Document de travail' });
  });

  it('refuses what is not a Word document with a French message', async () => {
    await expect(docxParagraphs(new TextEncoder().encode('pas un zip'))).rejects.toThrow(
      PasserelleError,
    );
    const zip = new PizZip();
    zip.file('autre.xml', '<a/>');
    await expect(docxParagraphs(zip.generate({ type: 'uint8array' }))).rejects.toThrow(
      /word\/document\.xml manque/,
    );
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = makeDocx({ body: '<w:p><w:r><w:t>x</w:t></w:r></w:p>' });
    const zip = new PizZip(bomb);
    // 128 MB of images once inflated, from a file of a few hundred kilobytes.
    zip.file('word/media/zeros1.bin', new Uint8Array(64 * 1024 * 1024));
    zip.file('word/media/zeros2.bin', new Uint8Array(64 * 1024 * 1024));
    const bytes = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await expect(docxParagraphs(bytes)).rejects.toMatchObject({ code: 'documents/zip-bomb' });
  });
});

describe('scanning paragraphs', async () => {
  const paragraphs = await docxParagraphs(note);
  const found = scanParagraphs(paragraphs, { names });

  it('gives each finding its paragraph and offsets, the known child under its code', () => {
    const child = found.filter((f) => f.person === moussa.code && f.type === 'PERSONNE');
    expect(child.length).toBeGreaterThanOrEqual(2);
    for (const f of child) {
      const text = paragraphs[f.paragraph]!.text.slice(f.start, f.end);
      expect(text).toMatch(/Moussa|TRAORÉ|Awa/);
    }
  });

  it('finds the phone and the health mention, not the référente as a beneficiary', () => {
    expect(found.some((f) => f.type === 'TELEPHONE' && f.beneficiary)).toBe(true);
    expect(found.some((f) => f.type === 'SANTE')).toBe(true);
    const referent = found.filter(
      (f) => paragraphs[f.paragraph]!.text.slice(f.start, f.end) === 'Sonia Martel',
    );
    expect(referent.every((f) => !f.beneficiary)).toBe(true);
  });
});

describe('the pseudonymised copy', () => {
  it('replaces names and contacts everywhere, keeps formatting, removes comments and authors', async () => {
    const result = await pseudonymiseDocx(note, { names, memory: memory() });
    const text = visibleText(result.docx);
    for (const value of ['Moussa', 'TRAORÉ', 'Awa', '07 45 12 36 98', 'ZORLAC', '06 77 88 99 00'])
      expect(text).not.toContain(value);
    expect(text).toContain(moussa.code);
    expect(text).toContain('Sonia Martel');
    expect(result.codes).toContain(moussa.code);
    const zip = new PizZip(result.docx);
    // The run that was bold still is, and now holds the code.
    expect(zip.file('word/document.xml')!.asText()).toMatch(
      new RegExp(`<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${moussa.code}`),
    );
    expect(zip.file('word/comments.xml')).toBeNull();
    expect(zip.file('docProps/core.xml')!.asText()).not.toContain('Sonia Martel');
    expect(result.residualRisks[0]).toContain('pseudonymisée, pas anonyme');
    expect(result.residualRisks.join(' ')).toContain('santé');
  });

  it('replaces a family’s phone the core gives to an institution (a school is named nearby)', async () => {
    const doc = makeDocx({
      body: paragraph(
        'Situation de Moussa TRAORÉ, 6e SEGPA au collège Jean Bernard. Orienté par le service social. La mère, Mme Awa TRAORÉ, est joignable au 07 45 12 36 98 après 17 h.',
      ),
    });
    const result = await pseudonymiseDocx(doc, { names });
    const text = visibleText(result.docx);
    expect(text).not.toContain('07 45 12 36 98');
    expect(text).toContain('collège Jean Bernard');
    expect(result.residualRisks.join(' ')).toMatch(
      /classe ×1.*établissement ×1|établissement ×1.*classe ×1/,
    );
  });

  it('leaves the original bytes untouched', async () => {
    const before = note.slice();
    await pseudonymiseDocx(note, { names });
    expect(note).toEqual(before);
  });

  it('gives a person outside the caseload the same label in every document', async () => {
    const shared = memory();
    const first = visibleText((await pseudonymiseDocx(note, { names, memory: shared })).docx);
    const other = makeDocx({ body: paragraph('Rendez-vous avec M. Gérard ZORLAC lundi.') });
    const second = visibleText((await pseudonymiseDocx(other, { names, memory: shared })).docx);
    const label = [...shared.labels.values()][0]!;
    expect(label).toMatch(/^\[.+\]$/);
    expect(first).toContain(label);
    expect(second).toContain(label);
  });
});

describe('hostile or odd documents', () => {
  it('reads tab stops as layout, and a run tab as a tab', async () => {
    const doc = makeDocx({
      body: '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs></w:pPr><w:r><w:t>Nom</w:t></w:r><w:r><w:tab/><w:t>Classe</w:t></w:r></w:p>',
    });
    expect((await docxParagraphs(doc)).find((p) => p.part === 'word/document.xml')?.text).toBe(
      'Nom\tClasse',
    );
  });

  it('refuses a file beyond the size limit at once, and reads a part full of broken tags', async () => {
    await expect(docxParagraphs(new Uint8Array(DOCX_LIMITS.maxFileBytes + 1))).rejects.toThrow(
      /plus de 50 Mo/,
    );
    const broken = makeDocx({
      body: `<w:p>${'<w:tabs><w:t '.repeat(100_000)}<w:r><w:t>fin</w:t></w:r></w:p>`,
    });
    // Read without backtracking: a quadratic reader would outlast the test's timeout.
    expect((await docxParagraphs(broken)).some((p) => p.text.endsWith('fin'))).toBe(true);
  });
});
