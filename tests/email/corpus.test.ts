/**
 * The dev corpus (copied to tests/fixtures/email): every stated field of every
 * expected draft must come out, compared as the scorer does, with provenance
 * that points into the clean text; a non-referral gives no draft.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReferrals, readMailFile } from '../../shared/email';

const dir = join(__dirname, '../fixtures/email');
const files = readdirSync(dir).filter((f) => /\.(eml|msg)$/.test(f));

const norm = (v: unknown) => String(v).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const digits = (v: unknown) => String(v).replace(/\D/g, '').replace(/^33/, '0');

function flat(value: unknown, prefix = '', out: Record<string, unknown> = {}) {
  if (Array.isArray(value) && value.every((x) => typeof x !== 'object')) out[prefix] = value;
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flat(v, prefix ? `${prefix}.${k}` : k, out);
  else if (value !== undefined) out[prefix] = value;
  return out;
}

describe.each(files)('%s', (file) => {
  const expected = JSON.parse(
    readFileSync(join(dir, file.replace(/\.(eml|msg)$/, '.expected.json')), 'utf8'),
  ).drafts as Array<Record<string, unknown>>;

  it('gives the expected drafts, field by field', async () => {
    const message = await readMailFile(new Uint8Array(readFileSync(join(dir, file))), file);
    const result = extractReferrals(message);
    expect(result.drafts).toHaveLength(expected.length);
    if (!expected.length) expect(result.noDraftReason).toMatch(/saisine/);
    for (const want of expected) {
      const child = want.child as { firstName: string };
      const got = result.drafts.find(
        (d) => norm(d.draft.child.firstName) === norm(child.firstName),
      );
      expect(got, child.firstName).toBeDefined();
      const have = flat(got!.draft);
      for (const [key, value] of Object.entries(flat(want))) {
        if (key === 'referral.reasons') expect(have[key]).toEqual(expect.any(String));
        else if (key === 'domains')
          expect(have[key]).toEqual(expect.arrayContaining(value as string[]));
        else if (/phone/.test(key)) expect(digits(have[key]), key).toBe(digits(value));
        else expect(norm(have[key]), key).toBe(norm(value));
      }
    }
  });

  it('gives every field a provenance that points into the clean text', async () => {
    const message = await readMailFile(new Uint8Array(readFileSync(join(dir, file))), file);
    const result = extractReferrals(message);
    for (const { draft, provenance } of result.drafts) {
      for (const key of Object.keys(flat(draft))) {
        const p = provenance[key];
        expect(p, key).toBeDefined();
        expect(p!.confidence).toBeGreaterThan(0);
        expect(p!.confidence).toBeLessThanOrEqual(1);
        if (p!.start !== undefined) expect(result.text.slice(p!.start, p!.end)).toBe(p!.excerpt);
      }
    }
  });
});

describe('the corpus traps', () => {
  const read = async (file: string) =>
    extractReferrals(await readMailFile(new Uint8Array(readFileSync(join(dir, file))), file));

  it('never takes the school phone of a signature as the family’s', async () => {
    const { drafts } = await read('exemple-saisine-directeur.eml');
    expect(drafts[0]!.draft.guardians?.map((g) => g.phone)).toEqual(['+33658312740']);
  });

  it('reads a forward from the forwarded message and its sender', async () => {
    const result = await read('exemple-TR-transfert-mairie.eml');
    expect(result.sections[result.referralSection!]!.kind).toBe('forwarded');
    expect(result.drafts[0]!.draft.referral?.referrer).toBe('Hélène Bastide, directrice');
  });

  it('ignores the quoted message of a reply', async () => {
    const result = await read('exemple-reponse-citation.eml');
    expect(result.sections.map((s) => s.kind)).toEqual(['message', 'quoted']);
    expect(result.drafts[0]!.draft.referral?.referrer).toBe('Marc Tessier, directeur');
  });

  it('keeps the age only when no birth date is given', async () => {
    const { drafts } = await read('exemple-caf-minuit.eml');
    expect(drafts[0]!.draft.child.age).toBe(7);
    const dated = await read('exemple-saisine-directeur.eml');
    expect(dated.drafts[0]!.draft.child.age).toBeUndefined();
  });

  it('notes the attached referral form', async () => {
    const { attachments } = await read('exemple-fiche-reperage-pdf.eml');
    expect(attachments).toEqual([
      expect.objectContaining({
        name: 'fiche_reperage.pdf',
        type: 'application/pdf',
        note: expect.stringMatching(/fiche jointe/),
      }),
    ]);
  });
});
