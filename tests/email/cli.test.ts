/** `passerelle extract`: JSON with the dictionary's keys, French summary, caseload matching, exit codes. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { matchCaseload, diffDraft } from '../../shared/email';
import type { CaseloadLookup, ParcoursRecord } from '../../shared/parcours';
import { memoryIO } from '../helpers/memory-io';

const fixture = (name: string) => join(__dirname, '../fixtures/email', name);

const lyna: ParcoursRecord = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  code: 'PRE-2025-014',
  child: { lastName: 'Ghalem', firstName: 'Lyna', birthDate: '2017-02-08', grade: 'CE1' },
  referral: { source: 'education_nationale' },
};

describe('passerelle extract', () => {
  it('prints drafts with the dictionary’s keys and their provenance', async () => {
    const m = memoryIO();
    expect(
      await main(['extract', '--json', fixture('exemple-fratrie-assistante-sociale.eml')], m.io),
    ).toBe(0);
    const json = JSON.parse(m.out());
    expect(json.drafts.map((d: { child: { firstName: string } }) => d.child.firstName)).toEqual([
      'Ayman',
      'Hafsa',
    ]);
    expect(Object.keys(json.drafts[0]).sort()).toEqual([
      'child',
      'domains',
      'guardians',
      'provenance',
      'referral',
    ]);
    expect(json.drafts[0].provenance['child.birthDate']).toMatchObject({
      excerpt: expect.stringContaining('12/05/2016'),
      origin: 'texte',
    });
    expect(json.attachments).toEqual([]);
  });

  it('lists attachments and exits 0 with no draft for a non-referral', async () => {
    const m = memoryIO();
    expect(await main(['extract', '--json', fixture('exemple-invitation-copil.eml')], m.io)).toBe(
      0,
    );
    const json = JSON.parse(m.out());
    expect(json.drafts).toEqual([]);
    expect(json.attachments).toEqual([
      { name: 'invite.ics', type: 'application/ics', size: expect.any(Number) },
    ]);
    const text = memoryIO();
    expect(await main(['extract', fixture('exemple-invitation-copil.eml')], text.io)).toBe(0);
    expect(text.out()).toContain('Aucune fiche proposée : invitation à une réunion');
  });

  it('prints a French summary of a .msg', async () => {
    const m = memoryIO();
    expect(await main(['extract', fixture('exemple-outlook-directrice.msg')], m.io)).toBe(0);
    expect(m.out()).toContain('1 fiche proposée');
    expect(m.out()).toContain('Enfant : Rokia SYLLA');
    expect(m.out()).toContain('Classe : Grande section');
    expect(m.out()).toContain('Responsable : Binta SYLLA (mère) – 07 58 40 19 26');
    expect(m.out()).toContain('Orienté par : Éducation nationale – Nadège Rieu, directrice');
  });

  it('proposes an update for a child already in the caseload', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-'));
    const caseload = join(dir, 'file.json');
    await writeFile(caseload, JSON.stringify({ records: [lyna] }));
    const m = memoryIO();
    expect(
      await main(
        ['extract', '--json', '--caseload', caseload, fixture('exemple-saisine-directeur.eml')],
        m.io,
      ),
    ).toBe(0);
    const match = JSON.parse(m.out()).drafts[0].caseload;
    expect(match).toMatchObject({ kind: 'mise_a_jour', code: 'PRE-2025-014' });
    expect(match.changes).toContainEqual({ field: 'child.grade', current: 'CE1', proposed: 'CE2' });
    const text = memoryIO();
    await main(
      ['extract', '--caseload', caseload, fixture('exemple-saisine-directeur.eml')],
      text.io,
    );
    expect(text.out()).toContain('Déjà suivi (PRE-2025-014)');
  });

  it('exits 2 with a French error for an unreadable file, a missing one or no argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-'));
    const pdf = join(dir, 'courriel.eml');
    await writeFile(pdf, '%PDF-1.4\n');
    const bad = memoryIO();
    expect(await main(['extract', pdf], bad.io)).toBe(2);
    expect(bad.err()).toContain('ce fichier n’est pas un courriel (.eml ou .msg)');
    const missing = memoryIO();
    expect(await main(['extract', join(dir, 'absent.eml')], missing.io)).toBe(2);
    expect(missing.err()).toContain('fichier introuvable');
    const none = memoryIO();
    expect(await main(['extract'], none.io)).toBe(2);
    expect(none.err()).toContain('indiquez le courriel à lire');
  });
});

describe('matchCaseload', () => {
  const lookup = (records: ParcoursRecord[]): CaseloadLookup => ({
    findChildren: async (q) =>
      records.filter(
        (r) =>
          r.child.firstName === q.firstName &&
          r.child.lastName.toUpperCase() === q.lastName?.toUpperCase(),
      ),
    allCodes: async () => records.map((r) => r.code),
  });

  it('tells a new child, a known one (with a field-by-field diff) and an ambiguous one apart', async () => {
    const draft = {
      child: { firstName: 'Lyna', lastName: 'GHALEM', grade: 'CE2' as const },
      referral: { reasons: 'Lecture' },
    };
    expect(await matchCaseload(draft, lookup([]))).toEqual({ kind: 'nouveau' });
    expect(await matchCaseload(draft, lookup([lyna]))).toEqual({
      kind: 'mise_a_jour',
      code: 'PRE-2025-014',
      changes: [
        { field: 'child.grade', current: 'CE1', proposed: 'CE2' },
        { field: 'referral.reasons', proposed: 'Lecture' },
      ],
    });
    expect(await matchCaseload(draft, lookup([lyna, { ...lyna, code: 'PRE-2025-015' }]))).toEqual({
      kind: 'ambigu',
      codes: ['PRE-2025-014', 'PRE-2025-015'],
    });
  });

  it('diffs only what changes: a name in other capitals is the same name', () => {
    expect(
      diffDraft(lyna, {
        child: { firstName: 'Lyna', lastName: 'GHALEM', birthDate: '2017-02-08', grade: 'CE2' },
        referral: { source: 'education_nationale', reasons: 'Lecture' },
        domains: ['scolaire'],
      }),
    ).toEqual([
      { field: 'child.grade', current: 'CE1', proposed: 'CE2' },
      { field: 'referral.reasons', proposed: 'Lecture' },
      { field: 'domains', proposed: ['scolaire'] },
    ]);
  });
});
