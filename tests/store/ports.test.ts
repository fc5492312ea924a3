import { describe, expect, it } from 'vitest';
import type { CaseloadLookup, MappingMemory, PseudonymMemory } from '../../shared/parcours';
import { newStore, sampleRecords } from './helpers';

describe('the ports the other capabilities use', () => {
  it('finds children accent- and case-insensitively, with the birth date when given', async () => {
    const store = await newStore();
    await store.putRecords(sampleRecords());
    const lookup: CaseloadLookup = store;
    const found = await lookup.findChildren({ lastName: 'traore', firstName: 'MOUSSA' });
    expect(found.map((r) => r.code)).toEqual(['PRE-2025-002']);
    expect(await lookup.findChildren({ lastName: 'Traoré', birthDate: '2013-10-03' })).toHaveLength(
      1,
    );
    expect(await lookup.findChildren({ lastName: 'Traoré', birthDate: '2013-10-04' })).toEqual([]);
    expect(await lookup.findChildren({ lastName: 'Traor' })).toEqual([]);
    expect(await lookup.findChildren({})).toEqual([]);
    expect((await lookup.allCodes()).sort()).toEqual(
      sampleRecords()
        .map((r) => r.code)
        .sort(),
    );
  });

  it('lists every known person and finds one by full name', async () => {
    const store = await newStore();
    await store.putRecords(sampleRecords());
    const people = await store.knownPeople();
    expect(people.filter((p) => p.kind === 'enfant')).toHaveLength(8);
    expect(people.some((p) => p.kind === 'responsable' && p.firstName === 'Nadia')).toBe(true);
    expect(await store.findPeople('nadia bouazza')).toEqual([
      {
        code: 'PRE-2025-001',
        kind: 'responsable',
        firstName: 'Nadia',
        lastName: 'BOUAZZA',
        relation: 'mere',
      },
    ]);
    expect((await store.findPeople('Ines BOUAZZA')).map((p) => p.kind)).toEqual(['enfant']);
    expect(await store.findPeople('Personne Inconnue')).toEqual([]);
  });

  it('remembers import mappings and pseudonyms, and logs new pseudonyms', async () => {
    const store = await newStore();
    const mappings: MappingMemory = store.mappingMemory;
    expect(await mappings.recall('sig')).toBeUndefined();
    await mappings.remember('sig', { 'Nom enfant': 'child.lastName' });
    expect(await mappings.recall('sig')).toEqual({ 'Nom enfant': 'child.lastName' });
    const pseudonyms: PseudonymMemory = store.pseudonymMemory;
    await pseudonyms.remember('claire roux', 'Personne A');
    await pseudonyms.remember('claire roux', 'Personne A');
    expect(await pseudonyms.recall('claire roux')).toBe('Personne A');
    expect(await pseudonyms.resolve('Personne A')).toBe('claire roux');
    expect(await pseudonyms.resolve('Personne Z')).toBeUndefined();
    const log = await store.auditLog();
    expect(log.filter((e) => e.kind === 'pseudonymisation')).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain('claire');
  });

  it('gives new children the next code of their school year, never renumbering a known one', async () => {
    const store = await newStore();
    await store.putRecords(sampleRecords());
    const result = await store.putRecords([
      { child: { lastName: 'Neuf', firstName: 'Anna' }, referral: { date: '2026-09-02' } },
      { child: { lastName: 'Dix', firstName: 'Elias' }, referral: { date: '2026-03-02' } },
      { ...sampleRecords()[2]!, id: undefined, code: 'PRE-2025-777', status: 'sorti' },
    ]);
    expect(result.added).toEqual(['PRE-2026-001', 'PRE-2025-009']);
    expect(result.merged).toEqual(['PRE-2025-003']);
    expect(result.notes).toEqual([
      'fiche PRE-2025-777 : cet enfant a déjà le code PRE-2025-003 dans la file active ; il le garde.',
    ]);
    expect((await store.getRecord('PRE-2025-003'))?.status).toBe('sorti');
  });
});
