import { describe, expect, it } from 'vitest';
import {
  ageAt,
  nextParcoursCode,
  parseParcoursCode,
  schoolYearBounds,
  schoolYearLabel,
  schoolYearStart,
} from '../../shared/parcours';

describe('parcours codes', () => {
  it('numbers codes within the school year of the date', () => {
    expect(nextParcoursCode([], '2026-01-15')).toBe('PRE-2025-001');
    expect(nextParcoursCode(['PRE-2025-001', 'PRE-2025-014', 'PRE-2024-200'], '2026-03-01')).toBe(
      'PRE-2025-015',
    );
    expect(nextParcoursCode(['PRE-2025-014'], '2026-09-01')).toBe('PRE-2026-001');
  });
  it('never reuses a number and ignores foreign codes', () => {
    expect(nextParcoursCode(['PRE-2025-002', 'ABC-1', 'Enfant A'], '2025-10-01')).toBe(
      'PRE-2025-003',
    );
    expect(nextParcoursCode(['PRE-2025-999'], '2025-10-01')).toBe('PRE-2025-1000');
  });
  it('parses codes', () => {
    expect(parseParcoursCode('PRE-2026-014')).toEqual({ year: 2026, sequence: 14 });
    expect(parseParcoursCode('MEZIANE')).toBeUndefined();
  });
});

describe('school years and ages', () => {
  it('starts the school year on 1 September', () => {
    expect(schoolYearStart('2025-08-31')).toBe(2024);
    expect(schoolYearStart('2025-09-01')).toBe(2025);
    expect(schoolYearLabel(2025)).toBe('2025-2026');
    expect(schoolYearBounds('2025-2026')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(schoolYearBounds('2025-2027')).toBeUndefined();
  });
  it('computes ages in whole years', () => {
    expect(ageAt('2015-04-03', '2026-04-02')).toBe(10);
    expect(ageAt('2015-04-03', '2026-04-03')).toBe(11);
    expect(ageAt('2016-02-29', '2026-02-28')).toBe(9);
  });
});

describe('people of a caseload', () => {
  it('lists each child and named guardian with the child’s code', async () => {
    const { peopleFromRecords, childIdentityKey } = await import('../../shared/parcours');
    const people = peopleFromRecords([
      {
        id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        code: 'PRE-2025-001',
        child: { lastName: 'MEZIANE', firstName: 'Rayane' },
        guardians: [
          { lastName: 'MEZIANE', firstName: 'Karima', relation: 'mere' },
          { phone: '+33612345678' },
        ],
      },
    ]);
    expect(people).toEqual([
      { code: 'PRE-2025-001', kind: 'enfant', firstName: 'Rayane', lastName: 'MEZIANE' },
      {
        code: 'PRE-2025-001',
        kind: 'responsable',
        firstName: 'Karima',
        lastName: 'MEZIANE',
        relation: 'mere',
      },
    ]);
    expect(
      childIdentityKey({ lastName: 'Méziane', firstName: 'RAYANE', birthDate: '2015-06-14' }),
    ).toBe(childIdentityKey({ lastName: 'MEZIANE', firstName: 'rayane', birthDate: '2015-06-14' }));
  });
});

describe('caseloadLookupFromRecords', () => {
  it('matches folded names and, when given, the birth date, like the store', async () => {
    const { caseloadLookupFromRecords } = await import('../../shared/parcours');
    const base = { child: { lastName: 'MÉZIANE', firstName: 'Rayane', birthDate: '2015-06-14' } };
    const records = [
      { id: '0f8fad5b-d9cb-469f-a165-70867728950e', code: 'PRE-2025-001', ...base },
      {
        id: '0f8fad5b-d9cb-469f-a165-70867728950f',
        code: 'PRE-2025-002',
        child: { lastName: 'Meziane', firstName: 'Lyna' },
      },
    ];
    const lookup = caseloadLookupFromRecords(records);
    const codes = async (q: Parameters<typeof lookup.findChildren>[0]) =>
      (await lookup.findChildren(q)).map((r) => r.code);
    expect(await codes({ lastName: 'meziane', firstName: 'RAYANE' })).toEqual(['PRE-2025-001']);
    expect(
      await codes({ lastName: 'meziane', firstName: 'rayane', birthDate: '2015-06-14' }),
    ).toEqual(['PRE-2025-001']);
    expect(
      await codes({ lastName: 'meziane', firstName: 'rayane', birthDate: '2016-01-01' }),
    ).toEqual([]);
    expect(await codes({ lastName: 'Meziane' })).toEqual(['PRE-2025-001', 'PRE-2025-002']);
    expect(await codes({ firstName: 'lyna' })).toEqual(['PRE-2025-002']);
    expect(await lookup.allCodes()).toEqual(['PRE-2025-001', 'PRE-2025-002']);
  });
});
