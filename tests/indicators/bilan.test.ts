/**
 * The bilan on a hand-built caseload (tests/fixtures/indicators/caseload.json).
 * Every expected figure below was counted by hand from the fixture; the
 * comments say which records make it. Records by code:
 *   2024-001 F, entered 2025-03-10, still en cours  → spans 2024-2025 and 2025-2026
 *   2024-002 M, entered 2024-10-01, exited 2025-10-15 (partially reached, no outcome field)
 *   2025-003 same child as 2024-002 (same name + birth date) re-entering 2026-02-20
 *   2025-004 F aged 17, entered 2025-09-20, exited 2026-06-30 (age limit, not reached)
 *   2025-005 M, no birth date, no neighbourhood, no domains; exited 2026-04-10 without reason
 *   2025-006 refusal dated by its EPS 2025-11-12     2025-007 non retenu (never counted)
 *   2025-008 en cours without any date (blocking)    2025-009 «sorti» without exit date, entry = EPS 2025-10-01
 *   2023-010 exited 2025-06-30 (only 2024-2025)      2025-011 repéré only
 *   2026-012 entry 2026-09-15 (next year)            2024-013 refusal dated 2025-05-10 (2024-2025)
 *   2025-014 F aged 4 at entry 2026-01-15             2025-015 F, exit 2026-03-05 complete, consent wins over EPS
 *   2025-016 refusal without any date (blocking)
 */
import { describe, expect, it } from 'vitest';
import {
  RULES,
  computeBilan,
  datesPeriod,
  schoolYearPeriod,
  type Bilan,
  type KeyFigure,
} from '../../shared/indicators';
import { PasserelleError } from '../../shared/parcours';
import { counts, fixtureRecords, table } from './helpers';

const DAYS_PER_MONTH = 365.25 / 12;
const figure = (bilan: Bilan, id: string): KeyFigure => bilan.keyFigures.find((f) => f.id === id)!;

describe('bilan 2025-2026 of the fixture caseload', () => {
  const bilan = computeBilan(fixtureRecords(), schoolYearPeriod('2025-2026'));

  it('counts children, parcours, entries and exits by the written rules', () => {
    // Present: 2024-001, 2024-002, 2025-003, -004, -005, -009, -014, -015 = 8 parcours;
    // 2024-002 and 2025-003 are one child → 7 children.
    expect(figure(bilan, 'parcours')).toMatchObject({ value: 8, numerator: 8 });
    const children = figure(bilan, 'enfants');
    expect(children.value).toBe(7);
    expect(children.codes).toHaveLength(8);
    // New: every present parcours but 2024-001 and 2024-002 (entered the year before).
    expect(figure(bilan, 'nouvelles-entrees')).toMatchObject({ value: 6, denominator: 8 });
    expect(figure(bilan, 'nouvelles-entrees').codes).not.toContain('PRE-2024-001');
    // Exits dated in the year: 2024-002, 2025-004, 2025-005, 2025-015 (2025-009 has no date).
    expect(figure(bilan, 'sorties').codes).toEqual([
      'PRE-2024-002',
      'PRE-2025-004',
      'PRE-2025-005',
      'PRE-2025-015',
    ]);
  });

  it('computes sorties positives, mean duration, ratio per référent, funding and refusals', () => {
    // Outcomes known: 2024-002 partielle (from its reason), 2025-004 non atteinte, 2025-015 complète;
    // 2025-005 has neither → 2 positive out of 3.
    expect(figure(bilan, 'sorties-positives')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(figure(bilan, 'sorties-positives').value).toBeCloseTo(2 / 3);
    // Days from entry to exit: 379 (2024-10-01→2025-10-15) + 283 (2025-09-20→2026-06-30)
    // + 156 (2025-11-05→2026-04-10) + 181 (2025-09-05→2026-03-05, consent not EPS) = 999.
    const duration = figure(bilan, 'duree-moyenne');
    expect(duration.denominator).toBe(4);
    expect(duration.value).toBeCloseTo(999 / 4 / DAYS_PER_MONTH, 6);
    // Référents: Sonia Martel, Karim Benali (two spellings, folded), Nadia Ferhat → 7 / 3.
    expect(figure(bilan, 'enfants-par-referent')).toMatchObject({ numerator: 7, denominator: 3 });
    // Actions in the year: club lecture (DC), coup de pouce (PRE), atelier parents (no funding),
    // bilan orthophonique (DC); orthophonie ended 2025-06-30 → not counted. 2 DC of 3 funded.
    expect(figure(bilan, 'part-droit-commun')).toMatchObject({ numerator: 2, denominator: 3 });
    // One refusal in the year (2025-006, dated by its EPS); 2024-013 is last year's,
    // 2025-016 has no date. Denominator = 1 refusal + 6 new entries.
    expect(figure(bilan, 'taux-refus')).toMatchObject({ numerator: 1, denominator: 7 });
    expect(figure(bilan, 'taux-refus').codes).toEqual(['PRE-2025-006']);
  });

  it('an FTE given by the coordinator replaces the count of référents', () => {
    const withFte = computeBilan(fixtureRecords(), schoolYearPeriod('2025-2026'), {
      referentFte: 0.5,
    });
    expect(figure(withFte, 'enfants-par-referent').value).toBe(14);
  });

  it('breaks children down by sex, age band, grade, school type, neighbourhood and town', () => {
    // F: 2024-001, 004, 014, 015; M: the re-entering child, 005, 009.
    expect(counts(table(bilan, 'sexe'))).toEqual({ F: 4, M: 3 });
    expect(table(bilan, 'sexe').rows.find((r) => r.key === 'M')!.codes).toEqual([
      'PRE-2024-002',
      'PRE-2025-003',
      'PRE-2025-005',
      'PRE-2025-009',
    ]);
    expect(table(bilan, 'sexe').rows.find((r) => r.key === 'M')!.national).toBe(0.58);
    // Ages: 014 is 4 at entry → 2-5; 009 is 5 on 1 September but 6 at its entry → 6-10,
    // 003 turns 9 on its entry day → 6-10; 001 (11 on 1 Sept.) and 015 (12) → 11-16;
    // 004 is 17 → 17+; 005 has no birth date.
    expect(counts(table(bilan, 'age'))).toEqual({
      '2-5': 1,
      '6-10': 2,
      '11-16': 2,
      '17+': 1,
      non_renseigne: 1,
    });
    // The re-entering child is described by its latest parcours (CM1, not CE2).
    expect(counts(table(bilan, 'classe'))).toEqual({
      MS: 1,
      CP: 2,
      CM1: 1,
      '6e': 1,
      '5e': 1,
      '1re': 1,
    });
    expect(counts(table(bilan, 'type-etablissement'))).toEqual({
      maternelle: 1,
      elementaire: 3,
      college: 2,
      lycee: 1,
    });
    expect(counts(table(bilan, 'quartier'))).toEqual({
      'Les Canourgues': 3,
      'La Monaque': 2,
      'Les Bressons': 1,
      non_renseigne: 1,
    });
    expect(counts(table(bilan, 'commune'))).toEqual({ 'Salon-de-Provence': 6, Pélissanne: 1 });
    expect(table(bilan, 'sexe').denominator).toBe(7);
  });

  it('counts orientations and multi-valued motifs per parcours, exits by reason and outcome', () => {
    expect(counts(table(bilan, 'orientation'))).toEqual({
      education_nationale: 4, // 001, 003, 005, 015
      service_social: 1, // 002
      famille: 1, // 004
      caf: 1, // 009
      sante: 1, // 014
    });
    const motifs = table(bilan, 'motifs');
    expect(motifs.multiValued).toBe(true);
    expect(motifs.denominator).toBe(8);
    // scolaire 001, 003, 015; éducatif 002, 004; santé 001, 009, 014; parentalité 003, 014; 005 none.
    expect(counts(motifs)).toEqual({
      scolaire: 3,
      educatif_social: 2,
      sante: 3,
      parentalite: 2,
      non_renseigne: 1,
    });
    expect(counts(table(bilan, 'sorties-motif'))).toEqual({
      objectifs_partiellement_atteints: 1,
      age_limite: 1,
      relais_droit_commun: 1,
      non_renseigne: 1,
    });
    expect(counts(table(bilan, 'sorties-objectifs'))).toEqual({
      complete: 1,
      partielle: 1,
      non_atteinte: 1,
      non_renseigne: 1,
    });
    expect(counts(table(bilan, 'actions-domaine'))).toEqual({
      scolaire: 2,
      sante: 1,
      parentalite: 1,
    });
    expect(counts(table(bilan, 'actions-financement'))).toEqual({
      droit_commun: 2,
      pre: 1,
      non_renseigne: 1,
    });
  });

  it('labels every row in French from the dictionary', () => {
    const labels = (id: string) => table(bilan, id).rows.map((r) => r.label);
    expect(labels('sexe')).toEqual(['Fille', 'Garçon']);
    expect(labels('age')).toEqual([
      '2 à 5 ans',
      '6 à 10 ans',
      '11 à 16 ans',
      '17 ans et plus',
      'Non renseigné',
    ]);
    expect(labels('orientation')[0]).toBe('Éducation nationale');
    expect(labels('sorties-objectifs')).toContain('Objectifs partiellement atteints');
  });

  it('lists what to fix, by code and field, blocking issues first, without names', () => {
    const found = bilan.quality.map((i) => `${i.severity} ${i.code} ${i.field}`);
    expect(found).toEqual([
      'bloquant PRE-2025-008 consentDate',
      'bloquant PRE-2025-016 referral.date',
      'incomplet PRE-2025-003 actions[].funding',
      'incomplet PRE-2025-005 child.birthDate',
      'incomplet PRE-2025-005 child.neighbourhood',
      'incomplet PRE-2025-005 domains',
      'incomplet PRE-2025-005 exit.outcome',
      'incomplet PRE-2025-005 exit.reason',
      'incomplet PRE-2025-009 exit.date',
    ]);
    const text = JSON.stringify(bilan.quality);
    for (const name of ['DUPRÉ', 'Noah', 'GARNIER', 'HAMEL']) expect(text).not.toContain(name);
    expect(bilan.quality[0]!.message).toMatch(/écartée du bilan/);
  });

  it('never puts a name anywhere in the bilan', () => {
    const text = JSON.stringify(bilan);
    for (const record of fixtureRecords()) {
      expect(text).not.toContain(record.child.lastName);
      expect(text).not.toContain(record.child.firstName);
    }
  });

  it('names only rules that are written down', () => {
    const ids = new Set<string>(RULES.map((r) => r.id));
    for (const item of [...bilan.tables, ...bilan.keyFigures]) {
      for (const rule of item.rules) expect(ids).toContain(rule);
    }
  });
});

describe('a parcours spanning two school years', () => {
  const before = computeBilan(fixtureRecords(), schoolYearPeriod('2024-2025'));

  it('counts in both years, but is a new entry only the first', () => {
    // 2024-2025: 2024-001 (entered 2025-03-10), 2024-002 (2024-10-01), 2023-010 (exited 2025-06-30).
    expect(figure(before, 'enfants').codes).toEqual([
      'PRE-2023-010',
      'PRE-2024-001',
      'PRE-2024-002',
    ]);
    expect(figure(before, 'nouvelles-entrees').codes).toEqual(['PRE-2024-001', 'PRE-2024-002']);
    expect(figure(before, 'sorties').codes).toEqual(['PRE-2023-010']);
    // The refusal dated 2025-05-10 belongs here: 1 / (1 + 2 entries).
    expect(figure(before, 'taux-refus')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('works for any period, inclusive of both ends', () => {
    // 2025-10-15 to 2025-10-15: 2024-002 exits that very day; 2025-003 is not there yet.
    const day = computeBilan(fixtureRecords(), datesPeriod('2025-10-15', '2025-10-15'));
    expect(figure(day, 'sorties').codes).toEqual(['PRE-2024-002']);
    expect(figure(day, 'enfants').codes).not.toContain('PRE-2025-003');
  });

  it('an empty caseload gives zeros and no shares, never NaN', () => {
    const empty = computeBilan([], schoolYearPeriod('2025-2026'));
    expect(figure(empty, 'enfants').value).toBe(0);
    expect(figure(empty, 'sorties-positives').value).toBeNull();
    expect(figure(empty, 'enfants-par-referent').value).toBeNull();
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });
});

describe('periods', () => {
  it('refuses an unreadable school year or reversed dates with a French message', () => {
    expect(() => schoolYearPeriod('2025')).toThrow(PasserelleError);
    expect(() => schoolYearPeriod('2025-2027')).toThrow(/2025-2026/);
    expect(() => datesPeriod('2026-06-30', '2026-01-01')).toThrow(/période invalide/);
    expect(() => datesPeriod('2026-02-30', '2026-03-01')).toThrow(PasserelleError);
  });
});
