/**
 * A real referral email (corpus) as the review screen shows it: every field
 * with a French label, a readable value and the sentence it was read from;
 * the text cut into highlighted pieces that put it back together; the draft
 * turned into a new record or an update.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReferrals, readMailFile } from '../../shared/email';
import type { ParcoursRecord } from '../../shared/parcours';
import {
  highlightSegments,
  provenanceLines,
  provenanceSpans,
  recordFromDraft,
  recordUpdatedBy,
} from '../../shared/ui';

async function referral() {
  const file = join(process.cwd(), 'tests', 'fixtures', 'email', 'exemple-saisine-directeur.eml');
  const extraction = extractReferrals(await readMailFile(new Uint8Array(readFileSync(file)), file));
  return { extraction, found: extraction.drafts[0]! };
}

describe('referral review model', () => {
  it('lists each field with its label, a French value and where it was read', async () => {
    const { found } = await referral();
    const lines = provenanceLines(found);
    const line = (label: string) => lines.find((l) => l.label === label);
    expect(line('Date de naissance')?.value).toBe('08/02/2017');
    expect(line('Classe')?.value).toBe('CE2');
    expect(line('Téléphone (responsable 1)')?.value).toBe('06 58 31 27 40');
    expect(line('Lien (responsable 1)')?.value).toBe('Mère');
    expect(line('Domaines')?.value).toBe('Scolaire, Éducatif et social');
    expect(line('Date de naissance')?.provenance?.excerpt).toContain('08/02/2017');
    expect(line('Orienté par')?.provenance?.origin).toBe('en-tête');
  });

  it('cuts the text into pieces that rebuild it, highlighted where a field was read', async () => {
    const { extraction, found } = await referral();
    const segments = highlightSegments(extraction.text, provenanceSpans(provenanceLines(found)));
    expect(segments.map((s) => s.text).join('')).toBe(extraction.text);
    const birth = segments.find((s) => s.text.includes('08/02/2017'))!;
    expect(birth.fields).toEqual(expect.arrayContaining(['Date de naissance', 'Nom', 'Classe']));
    expect(segments.some((s) => s.fields.length === 0)).toBe(true);
  });

  it('overlapping and out-of-range spans still rebuild the text', () => {
    const segments = highlightSegments('abcdef', [
      { start: 1, end: 4, label: 'x' },
      { start: 3, end: 99, label: 'y' },
    ]);
    expect(segments).toEqual([
      { text: 'a', fields: [] },
      { text: 'bc', fields: ['x'] },
      { text: 'd', fields: ['x', 'y'] },
      { text: 'ef', fields: ['y'] },
    ]);
    expect(highlightSegments('', [])).toEqual([]);
  });

  it('a draft with both names becomes a record waiting for the EPS; without, it says what lacks', async () => {
    const { found } = await referral();
    const input = recordFromDraft(found.draft);
    if ('missing' in input) throw new Error(input.missing.join());
    expect(input.status).toBe('attente_eps');
    expect(input.child).toMatchObject({ lastName: 'GHALEM', firstName: 'Lyna' });
    expect(input.child).not.toHaveProperty('age');
    expect(recordFromDraft({ child: { firstName: 'Lyna', age: 9 } })).toEqual({
      missing: ['Nom'],
    });
  });

  it('an update keeps the record and adds what the email gives', async () => {
    const { found } = await referral();
    const record: ParcoursRecord = {
      id: '00000000-0000-4000-8000-000000000001',
      code: 'PRE-2025-007',
      child: { lastName: 'Ghalem', firstName: 'Lyna', neighbourhood: 'Pissevin' },
      status: 'en_cours',
      referent: 'Aurélie F.',
    };
    const updated = recordUpdatedBy(record, found.draft);
    expect(updated).toMatchObject({
      id: record.id,
      code: 'PRE-2025-007',
      status: 'en_cours',
      referent: 'Aurélie F.',
      child: { neighbourhood: 'Pissevin', birthDate: '2017-02-08', grade: 'CE2' },
      referral: { source: 'education_nationale' },
    });
    expect(updated.guardians?.[0]?.firstName).toBe('Siham');
  });
});
