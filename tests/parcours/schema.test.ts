import { describe, expect, it } from 'vitest';
import {
  categories,
  decisions,
  domains,
  exitOutcomes,
  exitReasons,
  fieldLabel,
  fundings,
  grades,
  PasserelleError,
  recordFields,
  referralSources,
  relations,
  sexes,
  situationKinds,
  statuses,
  validateDraft,
  validateRecord,
  validateSession,
} from '../../shared/parcours';

/** A record built from the data dictionary's own example values. */
const dictionaryExample = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  code: 'PRE-2026-014',
  child: {
    lastName: 'GHALEM',
    firstName: 'Lyna',
    birthDate: '2017-02-08',
    sex: 'F',
    school: 'École Jean Zay',
    grade: '6e',
    schoolProgramme: 'SEGPA',
    neighbourhood: 'Pissevin',
    town: 'Nîmes',
    ine: '8712958993R',
  },
  guardians: [
    {
      lastName: 'GHALEM',
      firstName: 'Siham',
      relation: 'mere',
      phone: '+33658312740',
      email: 'siham.g@example.fr',
      address: '20 allée des Micocouliers, 30900 Nîmes',
    },
  ],
  referent: 'Aurélie F.',
  referral: {
    date: '2026-01-19',
    source: 'education_nationale',
    referrer: 'Claire Roux, directrice',
    reasons: 'Difficultés de lecture',
  },
  domains: ['scolaire', 'sante'],
  category: 2,
  firstContactDate: '2026-01-26',
  epsDates: ['2026-02-10'],
  consentDate: '2026-02-20',
  status: 'en_cours',
  objectives: ['Améliorer la lecture'],
  actions: [
    {
      label: 'Bilan orthophonique',
      domain: 'sante',
      funding: 'droit_commun',
      provider: 'CMPP',
      startDate: '2026-03-01',
      endDate: '2026-06-30',
    },
    { label: 'Club Coup de pouce', domain: 'scolaire', funding: 'pre' },
  ],
  exit: { date: '2026-07-01', reason: 'objectifs_atteints', outcome: 'complete' },
  notes: 'Famille très investie.',
};

const clone = () => structuredClone(dictionaryExample);

describe('ParcoursRecord', () => {
  it('validates a record built from the dictionary example values', () => {
    const result = validateRecord(dictionaryExample);
    expect(result.ok).toBe(true);
  });

  it('rejects an impossible date naming the field in French', () => {
    const record = clone();
    record.child.birthDate = '2016-02-31';
    const result = validateRecord(record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(PasserelleError);
    expect(result.error.place.field).toBe('Date de naissance');
    expect(result.error.details).toEqual([
      'Date de naissance : date invalide : attendu une date réelle au format AAAA-MM-JJ',
    ]);
    expect(result.error.message).toBe(
      'La fiche parcours n’est pas valide : corrigez le champ signalé.',
    );
  });

  it('rejects an unknown grade naming the field in French', () => {
    const record = clone();
    (record.child as { grade: string }).grade = 'CE7';
    const result = validateRecord(record);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toEqual(['Classe : valeur inconnue « CE7 »']);
  });

  it('rejects a missing name naming the field in French', () => {
    const record = clone();
    delete (record.child as { lastName?: string }).lastName;
    record.child.firstName = '  ';
    const result = validateRecord(record);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.details).toEqual([
        'Nom : champ obligatoire manquant',
        'Prénom : ne peut pas être vide',
      ]);
      expect(result.error.describe()).toContain(
        'Champ Nom : La fiche parcours n’est pas valide : corrigez les champs signalés.',
      );
    }
  });

  it('names nested guardian and action fields by their labels', () => {
    const record = clone();
    record.guardians[0]!.phone = '06 58 31 27 40';
    (record.actions[1] as { funding: string }).funding = 'mairie';
    const result = validateRecord(record);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.details).toEqual([
        'Téléphone : numéro invalide : attendu au format international (+33…)',
        'Financement : valeur inconnue « mairie »',
      ]);
    }
  });

  it('accepts a draft without id, code or names but with a stated age', () => {
    expect(validateDraft({ child: { firstName: 'Octave', age: 7 } }).ok).toBe(true);
    expect(validateRecord({ child: { firstName: 'Octave' } }).ok).toBe(false);
  });
});

describe('EpsSession', () => {
  it('accepts the shape of the minutes fixtures, null next review included', () => {
    const result = validateSession({
      date: '2026-01-27',
      place: 'Maison de quartier',
      territory: 'Nîmes – Pissevin',
      chair: 'Laurène Lacan',
      members: [{ name: 'Claire Roux', role: 'directrice', institution: 'École Jean Jaurès' }],
      apologies: [],
      situations: [
        {
          code: 'PRE-2025-014',
          age: 9,
          grade: 'CM1',
          referent: 'L. Lacan',
          kind: 'entree',
          summary: '…',
          decision: 'entree_validee',
          actions: [{ label: 'Club lecture', domain: 'scolaire' }],
          nextReview: null,
        },
      ],
      nextSessionDate: '2026-02-24',
    });
    expect(result.ok).toBe(true);
  });
  it('names a bad decision in French', () => {
    const result = validateSession({
      date: '2026-01-27',
      situations: [{ code: 'PRE-2025-014', decision: 'oui' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toEqual(['Décision : valeur inconnue « oui »']);
  });
});

describe('labels', () => {
  const enums = {
    grades,
    referralSources,
    domains,
    statuses,
    decisions,
    exitReasons,
    exitOutcomes,
    fundings,
    relations,
    sexes,
    situationKinds,
  };
  it.each(Object.entries(enums))(
    '%s: every value has a distinct French label',
    (_name, enumDef) => {
      const labels = enumDef.values.map((v) => (enumDef.labels as Record<string, string>)[v]);
      for (const label of labels) expect(label).toMatch(/^[A-ZÀ-Ý0-9]/);
      expect(new Set(labels).size).toBe(labels.length);
    },
  );
  it('has the dictionary labels', () => {
    expect(statuses.labels.attente_eps).toBe('En attente d’EPS');
    expect(decisions.labels.entree_validee).toBe('Entrée validée');
    expect(domains.labels.educatif_social).toBe('Éducatif et social');
    expect(referralSources.labels.education_nationale).toBe('Éducation nationale');
    expect(Object.keys(categories.labels)).toEqual(['1', '2', '3', '4']);
  });
  it('labels every dictionary field, nested ones included', () => {
    expect(recordFields.every((f) => f.label.length > 0)).toBe(true);
    expect(fieldLabel('guardians.0.phone')).toBe('Téléphone');
    expect(fieldLabel('actions[1].funding')).toBe('Financement');
    expect(fieldLabel('child.birthDate')).toBe('Date de naissance');
    expect(fieldLabel('referral.source')).toBe('Orienté par');
  });
});
