import { describe, expect, it } from 'vitest';
import type { EpsSession } from '../../shared/parcours';
import { memoryDb, newStore, sampleRecords } from './helpers';

const session: EpsSession = {
  date: '2026-01-13',
  place: 'Centre social',
  members: [{ name: 'Claire Roux', role: 'directrice' }],
  apologies: [],
  situations: [
    { code: 'PRE-2025-005', kind: 'sortie', summary: 'Objectifs atteints, relais club.' },
    { code: 'PRE-2025-001', kind: 'suivi', summary: 'Bilan orthophonique fait.' },
  ],
};

/** A store whose clock says `today`. */
async function storeOn(today: string) {
  return newStore(memoryDb({ now: () => new Date(`${today}T10:00:00Z`), actor: 'sm' }));
}

describe('retention, erasure and right of access', () => {
  it('purges closed parcours 2 years after exit or last contact, whichever is later', async () => {
    const store = await storeOn('2028-07-01');
    const records = sampleRecords();
    const late = structuredClone(records[4]!); // sorti 2026-06-30, then a later action
    late.code = 'PRE-2025-099';
    late.id = '7b1c2d3e-4f50-4a6b-8c7d-000000000099';
    late.child.firstName = 'Autre';
    late.actions = [{ label: 'Club Coup de pouce', endDate: '2026-09-15' }];
    await store.putRecords([...records, late]);
    expect(await store.purgeCandidates()).toEqual(['PRE-2025-005']);
    expect(await store.purge()).toEqual(['PRE-2025-005']);
    expect(await store.getRecord('PRE-2025-005')).toBeUndefined();
    expect(await store.getRecord('PRE-2025-099')).toBeDefined();
    expect(await store.allCodes()).toContain('PRE-2025-005');
    await store.updateSettings({ retentionMonths: 12 });
    expect(await store.purgeCandidates()).toEqual(['PRE-2025-099']);
    const audit = await store.auditLog();
    expect(audit.at(-1)).toMatchObject({ kind: 'deletion', codes: ['PRE-2025-005'], actor: 'sm' });
  });

  it('erases one child entirely but never reuses its code', async () => {
    const store = await storeOn('2026-02-01');
    await store.putRecords(sampleRecords());
    await store.putSession(session);
    await store.pseudonymMemory.remember('Inès Bouazza', 'Enfant A');
    await store.pseudonymMemory.remember('Claire Roux', 'Personne B');
    await store.eraseChild('PRE-2025-001');
    expect(await store.getRecord('PRE-2025-001')).toBeUndefined();
    expect(await store.findChildren({ lastName: 'Bouazza', firstName: 'Ines' })).toEqual([]);
    const [kept] = await store.sessions();
    expect(kept!.situations.map((s) => s.code)).toEqual(['PRE-2025-005']);
    expect(await store.pseudonymMemory.recall('Inès Bouazza')).toBeUndefined();
    expect(await store.pseudonymMemory.recall('Claire Roux')).toBe('Personne B');
    const { added } = await store.putRecords([
      { child: { lastName: 'NOUVEAU', firstName: 'Léo' }, referral: { date: '2025-10-01' } },
    ]);
    expect(added).toEqual(['PRE-2025-009']);
    await expect(store.eraseChild('PRE-1999-001')).rejects.toMatchObject({
      code: 'store/unknown-code',
    });
  });

  it('exports one child as JSON and logs it without any name', async () => {
    const store = await storeOn('2026-02-01');
    await store.putRecords(sampleRecords());
    await store.putSession(session);
    const exported = await store.exportChild('PRE-2025-001');
    expect(exported.record.child.lastName).toBe('BOUAZZA');
    expect(exported.eps).toEqual([
      expect.objectContaining({
        date: '2026-01-13',
        situation: expect.objectContaining({ code: 'PRE-2025-001' }),
      }),
    ]);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    const audit = await store.auditLog();
    expect(audit.at(-1)).toMatchObject({
      kind: 'export',
      codes: ['PRE-2025-001'],
      detail: 'droit d’accès',
    });
    expect(JSON.stringify(audit)).not.toMatch(/BOUAZZA|Inès/);
    await store.logEvent('share', ['PRE-2025-002'], 'compte rendu partagé');
    expect((await store.auditLog()).at(-1)).toMatchObject({
      kind: 'share',
      codes: ['PRE-2025-002'],
    });
  });

  it('answers the usual questions through clear and blind indexes', async () => {
    const store = await storeOn('2026-02-01');
    await store.putRecords(sampleRecords());
    expect((await store.byStatus('en_cours')).map((r) => r.code).sort()).toEqual([
      'PRE-2025-001',
      'PRE-2025-003',
      'PRE-2025-006',
    ]);
    expect(
      (await store.activeCaseload('SONIA MARTEL')).every((r) => r.referent === 'Sonia Martel'),
    ).toBe(true);
    expect((await store.byReferent('sonia martel')).length).toBe(4);
    expect((await store.bySchool('École Jean Moulin')).map((r) => r.code)).toContain(
      'PRE-2025-001',
    );
    expect((await store.byNeighbourhood('Les Canourgues')).length).toBeGreaterThan(0);
    expect((await store.bySchoolYear('2025-2026')).length).toBe(8);
    expect(await store.bySchoolYear('2024-2025')).toEqual([]);
    await expect(store.bySchoolYear('l’an dernier')).rejects.toMatchObject({
      code: 'store/school-year',
    });
  });
});
