import { describe, expect, it } from 'vitest';
import {
  MEMBRE_EPS,
  depseudonymise,
  mentionsPseudonym,
  namesIndexFromPeople,
  policyByName,
  pseudonymise,
  pseudonymiseWithMemory,
  scan,
} from '../../shared/anonymisation';
import { isPasserelleError, type KnownPerson, type PseudonymMemory } from '../../shared/parcours';

const people: KnownPerson[] = [
  { code: 'PRE-2025-001', kind: 'enfant', firstName: 'Rayane', lastName: 'MEZIANE' },
  { code: 'PRE-2025-001', kind: 'responsable', firstName: 'Karima', lastName: 'MEZIANE' },
];
const names = namesIndexFromPeople(people);
const text =
  'La maman, Mme Karima Meziane, accompagne Rayane (né le 14/06/2015). Son ami Yanis BENALI vient aussi ; ' +
  'Yanis habite 12 rue des Lilas, 30000 Nîmes. Téléphone : 06 12 34 56 78, NIR 1 78 02 99 352 083 ';

function withNirKey(t: string): string {
  return t + String(97 - (1780299352083 % 97)).padStart(2, '0') + '.';
}

describe('pseudonymise', () => {
  it('replaces beneficiaries by codes, others by stable labels, identifiers by placeholders', () => {
    const result = pseudonymise(withNirKey(text), { names, referenceDate: '2026-01-15' });
    expect(result.text).toBe(
      'La maman, Mme [parent de PRE-2025-001], accompagne PRE-2025-001 (né le [10 ans]). Son ami [Enfant A] vient aussi ; ' +
        '[Enfant A] habite [Adresse]. Téléphone : [Téléphone], NIR [NIR].',
    );
    expect(result.leftovers).toEqual([]);
    expect(result.replacements.map((r) => r.original)).toContain('Karima Meziane');
    expect(result.residualRisks.join(' ')).toContain('pseudonymisé, pas anonyme');
  });
  it('leaves no direct identifier behind (re-scan of the output)', () => {
    const result = pseudonymise(withNirKey(text), { names });
    const again = scan(result.text, { names }).findings.filter(
      (f) => f.direct && f.role === 'beneficiaire',
    );
    expect(again).toEqual([]);
  });
  it('keeps initials and birth years under the EPS policy', () => {
    const result = pseudonymise('Yanis BENALI, né le 03/04/2015.', { policy: MEMBRE_EPS });
    expect(result.text).toBe('Y.B., né le [né·e en 2015].');
    expect(pseudonymise('Rayane MEZIANE', { names, policy: MEMBRE_EPS }).text).toBe('PRE-2025-001');
    expect(policyByName('membre-eps')).toBe(MEMBRE_EPS);
  });
  it('refuses an unknown policy with a French message', () => {
    try {
      policyByName('tout-public');
      expect.unreachable();
    } catch (error) {
      expect(isPasserelleError(error) && error.message).toContain('politique inconnue');
    }
  });
  it('replaces a full name by the child’s code', () => {
    expect(pseudonymise('Rayane MEZIANE', { names }).text).toBe('PRE-2025-001');
  });
  it('returns as leftovers the identifiers a bad label let through', () => {
    const labels = new Map([['yanis benali', 'Yanis BENALI']]);
    const result = pseudonymise('Son ami Yanis BENALI vient.', { labels });
    expect(result.leftovers.map((f) => f.type)).toEqual(['PERSONNE']);
  });
});

describe('depseudonymise and memory', () => {
  it('puts names back in a partner reply, locally', () => {
    const reply = 'Nous recevrons PRE-2025-001 et [Enfant A] mardi. [Inconnu Z] reste.';
    const back = depseudonymise(
      reply,
      (label) => ({ 'PRE-2025-001': 'Rayane MEZIANE', '[Enfant A]': 'Yanis BENALI' })[label],
    );
    expect(back).toBe('Nous recevrons Rayane MEZIANE et Yanis BENALI mardi. [Inconnu Z] reste.');
  });
  it('keeps one label per person across texts through a PseudonymMemory', async () => {
    const store = new Map<string, string>();
    const memory: PseudonymMemory = {
      recall: async (key) => store.get(key),
      remember: async (key, label) => void store.set(key, label),
      resolve: async (label) => [...store].find(([, l]) => l === label)?.[0],
    };
    const first = await pseudonymiseWithMemory('Le petit Ousseni dort.', memory);
    const second = await pseudonymiseWithMemory('Son voisin Moussa et le petit Ousseni.', memory);
    expect(first.text).toBe('Le petit [Enfant A] dort.');
    expect(second.text).toBe('Son voisin [Enfant A 2] et le petit [Enfant A].');
  });
});

describe('a person introduced as a parent', () => {
  const onlyRayane = namesIndexFromPeople([people[0]!]);
  it('gets a parent label tied to the child named before, not a child label', () => {
    const result = pseudonymise('Rayane MEZIANE lit mal, sa mère Karima est inquiète.', {
      names: onlyRayane,
    });
    expect(result.text).toBe(
      'PRE-2025-001 lit mal, sa mère [parent de PRE-2025-001] est inquiète.',
    );
    expect(result.leftovers).toEqual([]);
  });
  it('keeps that label at every mention, for a child unknown to the caseload too', () => {
    expect(
      pseudonymise('Yanis BENALI lit mal, son père Omar est inquiet. Omar viendra.').text,
    ).toBe('[Enfant A] lit mal, son père [Parent de A] est inquiet. [Parent de A] viendra.');
  });
  it('leaves «la maman de Yanis» naming the child', () => {
    expect(pseudonymise('La maman de Yanis a appelé.').text).toBe(
      'La maman de [Enfant A] a appelé.',
    );
  });
});

describe('a pseudonymised text is still about a child', () => {
  const text = 'PRE-2025-002, 12 ans, est en 6e au collège Jean Bernard.';
  it('is told by its codes and labels', () => {
    expect(mentionsPseudonym(text)).toBe(true);
    expect(mentionsPseudonym('La maman de [Enfant A] a appelé.')).toBe(true);
    expect(mentionsPseudonym('Réunion au collège Jean Bernard à 12 h.')).toBe(false);
  });
  it('has its quasi-identifiers reported when the caller says so', () => {
    expect(scan(text, { referenceDate: '2026-03-02' }).findings).toEqual([]);
    const types = scan(text, { referenceDate: '2026-03-02', aboutBeneficiary: true }).findings.map(
      (f) => [f.type, f.role, f.direct],
    );
    expect(types).toEqual([
      ['AGE', 'beneficiaire', false],
      ['CLASSE', 'beneficiaire', false],
      ['ETABLISSEMENT', 'beneficiaire', false],
    ]);
  });
});
