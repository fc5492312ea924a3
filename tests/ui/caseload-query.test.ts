import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParcoursRecord } from '../../shared/parcours';
import {
  EMPTY_FILTER,
  PAGE_SIZE,
  filterCaseload,
  filterChoices,
  pageOf,
  sortCaseload,
} from '../../shared/ui';

const records = (
  JSON.parse(readFileSync('tests/fixtures/store/suivi-exemple.json', 'utf8')) as {
    records: ParcoursRecord[];
  }
).records;
const names = (list: ParcoursRecord[]) => list.map((r) => r.child.lastName);

describe('caseload search, filters and pages', () => {
  it('finds names whatever the accents, case, spaces or apostrophes', () => {
    expect(names(filterCaseload(records, { ...EMPTY_FILTER, text: 'traore' }))).toEqual(['TRAORÉ']);
    expect(names(filterCaseload(records, { ...EMPTY_FILTER, text: 'NDIAYE' }))).toEqual([
      "N'DIAYE",
    ]);
    expect(names(filterCaseload(records, { ...EMPTY_FILTER, text: 'bensalah' }))).toEqual([
      'BEN SALAH',
    ]);
    expect(names(filterCaseload(records, { ...EMPTY_FILTER, text: 'ines bouazza' }))).toEqual([
      'BOUAZZA',
    ]);
    expect(filterCaseload(records, { ...EMPTY_FILTER, text: 'PRE-2025-003' })).toHaveLength(1);
  });

  it('filters by status, référent and school, together with the text', () => {
    const byStatus = filterCaseload(records, { ...EMPTY_FILTER, status: 'en_cours' });
    expect(byStatus.every((r) => r.status === 'en_cours')).toBe(true);
    expect(byStatus).toHaveLength(records.filter((r) => r.status === 'en_cours').length);
    const both = filterCaseload(records, {
      ...EMPTY_FILTER,
      referent: 'Sonia Martel',
      school: 'École Jean Moulin',
    });
    expect(both.length).toBeGreaterThan(0);
    expect(
      both.every((r) => r.referent === 'Sonia Martel' && r.child.school === 'École Jean Moulin'),
    ).toBe(true);
  });

  it('lists référents and schools once, in French order', () => {
    const { referents, schools } = filterChoices(records);
    expect(referents).toEqual(['Karim Haddad', 'Sonia Martel']);
    expect(schools[0]).toBe('Collège Jean Bernard');
    expect(new Set(schools).size).toBe(schools.length);
  });

  it('sorts by last name and pages 1 000+ children, clamping the page asked', () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({
      ...records[i % records.length]!,
      code: `PRE-2025-${String(i).padStart(4, '0')}`,
    }));
    const sorted = sortCaseload(many);
    expect(sorted[0]!.child.lastName).toBe('BEN SALAH');
    const last = pageOf(sorted, 999);
    expect(last.count).toBe(Math.ceil(1234 / PAGE_SIZE));
    expect(last.index).toBe(last.count - 1);
    expect(last.items).toHaveLength(1234 % PAGE_SIZE);
    expect(pageOf([], 3)).toEqual({ items: [], index: 0, count: 1, total: 0 });
  });
});
