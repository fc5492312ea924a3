/** Hostile or broken templates: a clear French error, quickly, never a crash. */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { checkTemplate, fillTemplate, TEMPLATE_LIMITS } from '../../shared/minutes';
import { PasserelleError } from '../../shared/parcours';
import { makeDocx, paragraph, session } from './helpers';

const tableau = session('modele-eps-tableau');

async function refusal(docx: Uint8Array): Promise<PasserelleError> {
  const error = await fillTemplate(docx, tableau).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PasserelleError);
  return error as PasserelleError;
}

/** Rewrites the sizes one central-directory entry declares. */
function declareSize(docx: Uint8Array, part: string, uncompressed: number): Uint8Array {
  const bytes = docx.slice();
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode(part);
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const found = bytes.subarray(at + 46, at + 46 + length);
    if (length === name.length && found.every((b, i) => b === name[i])) {
      view.setUint32(at + 24, uncompressed, true);
      return bytes;
    }
  }
  throw new Error(`no ${part} in the central directory`);
}

describe('bad templates', () => {
  it('refuses bytes that are not a zip', async () => {
    const error = await refusal(new TextEncoder().encode('Compte rendu EPS\n'.repeat(50)));
    expect(error.code).toBe('minutes/not-docx');
    expect(error.message).toContain('n’est pas un document Word .docx lisible');
  });

  it('refuses a truncated .docx', async () => {
    const docx = makeDocx({ body: paragraph('{date}') });
    const error = await refusal(docx.subarray(0, docx.length - 30));
    expect(error.code).toBe('minutes/not-docx');
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new PizZip();
    zip.file('notes.txt', 'bonjour');
    const error = await refusal(zip.generate({ type: 'uint8array' }));
    expect(error.message).toContain('word/document.xml manque');
  });

  it('refuses a macro-enabled .docm', async () => {
    const docm = makeDocx({
      body: paragraph('{date}'),
      contentTypesExtra:
        '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>',
      extraFiles: { 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
    });
    const text = new TextDecoder().decode(docm);
    expect(text).toContain('vbaProject');
    const error = await refusal(docm);
    expect(error.code).toBe('minutes/macros');
    expect(error.message).toContain('contient des macros');
    await expect(checkTemplate(docm)).rejects.toThrow(/macros/);
  });

  it('refuses a zip bomb before inflating it (part far larger than its compressed size)', async () => {
    const bomb = makeDocx({
      body: paragraph('{date}'),
      extraFiles: { 'word/media/zeros.bin': new Uint8Array(8 * 1024 * 1024) },
    });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal(bomb);
    expect(error.code).toBe('minutes/zip-bomb');
    expect(error.message).toContain('word/media/zeros.bin');
  });

  it('stops inflating a part that grows beyond the size its header declares', async () => {
    const docx = makeDocx({
      body: paragraph('{date}'),
      extraFiles: { 'word/media/zeros.bin': new Uint8Array(8 * 1024 * 1024) },
    });
    const error = await refusal(declareSize(docx, 'word/media/zeros.bin', 100));
    expect(error.code).toBe('minutes/zip-bomb');
    expect(error.message).toContain('au-delà de la taille annoncée');
  });

  it('calls a small part lying about its size a damaged document', async () => {
    const liar = declareSize(makeDocx({ body: paragraph('{date}') }), 'word/document.xml', 10);
    const error = await refusal(liar);
    expect(error.code).toBe('minutes/not-docx');
    expect(error.message).toContain('endommagé (partie « word/document.xml » illisible)');
  });

  it('refuses a declared total beyond the limit', async () => {
    const huge = declareSize(makeDocx({ body: paragraph('{date}') }), 'word/document.xml', 2 ** 31);
    const error = await refusal(huge);
    expect(error.code).toBe('minutes/zip-bomb');
  });

  it('stops a template with 10 000 loops with a French problem, quickly', async () => {
    const body = paragraph('{#situations}{code}{/situations}').repeat(10_000);
    const docx = makeDocx({ body });
    const start = performance.now();
    const { problems } = await checkTemplate(docx);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('too-many-tags');
    expect(problems[0]!.message).toContain(`plus de ${TEMPLATE_LIMITS.maxLoops} boucles`);
    const error = await refusal(docx);
    expect(error.code).toBe('minutes/template-invalid');
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
