import { describe, expect, it } from 'vitest';
import { MemoryWordHost, spotIn } from '../../addin/hosts/word';
import { sampleDocument } from '../../addin/taskpane/preview/sample-document';
import { docxParagraphs } from '../../shared/documents';
import { PasserelleError } from '../../shared/parcours';
import { makeDocx, paragraph } from '../minutes/helpers';

describe('MemoryWordHost', () => {
  it('reads the sample document: body with table cells, header, footer', async () => {
    const host = new MemoryWordHost(sampleDocument());
    const read = await host.readParagraphs();
    expect(read[0]).toMatchObject({ part: 'body', place: '§ 1' });
    expect(read.find((p) => p.text === 'Contact')?.place).toMatch(/^Tableau, § \d+$/);
    expect(read.filter((p) => p.part === 'header-0-Primary')).toHaveLength(1);
    expect(read.at(-1)).toMatchObject({ part: 'footer-0-Primary', place: 'Pied de page' });
  });

  it('highlights, selects and clears spots found by their occurrence', async () => {
    const host = new MemoryWordHost({ body: ['Moussa et sa mère ; Moussa viendra.'] });
    const [p] = await host.readParagraphs();
    const second = spotIn(p!, 20, 26);
    await host.highlight([second]);
    expect(host.highlights).toEqual([{ location: p!.location, start: 20, end: 26 }]);
    await host.show(second);
    expect(host.selection).toEqual({ location: p!.location, start: 20, end: 26 });
    await host.clearHighlights();
    expect(host.highlights).toEqual([]);
    await expect(host.show({ ...second, occurrence: 2 })).rejects.toThrow(PasserelleError);
  });

  it('inserts a .docx after the selected paragraph, and keeps created documents apart', async () => {
    const host = new MemoryWordHost({ body: ['Avant', 'Après'] });
    const [first] = await host.readParagraphs();
    await host.show(spotIn(first!, 0, 5));
    const docx = makeDocx({ body: paragraph('Inséré') });
    await host.insertFile(docx);
    expect(host.body.map((p) => p.text)).toEqual(['Avant', 'Inséré', 'Après']);
    await host.createDocument(docx);
    expect(host.created).toEqual([docx]);
    expect(host.body).toHaveLength(3);
    await expect(host.createDocument(new Uint8Array([1, 2, 3]))).rejects.toThrow(PasserelleError);
  });

  it('gives the document as a .docx that reads back the same, tables included', async () => {
    const host = new MemoryWordHost(sampleDocument());
    const paragraphs = await docxParagraphs(await host.readFile());
    const read = await host.readParagraphs();
    expect(paragraphs.map((p) => p.text).sort()).toEqual(read.map((p) => p.text).sort());
  });
});
