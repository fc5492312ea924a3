import { describe, expect, it } from 'vitest';
import { newStore, sampleRecords } from './helpers';

describe('replacing an edited record', () => {
  it('keeps a field emptied in the editor empty (putRecords would merge it back)', async () => {
    const store = await newStore();
    await store.putRecords(sampleRecords());
    const record = (await store.getRecord('PRE-2025-001'))!;
    expect(record.child.grade).toBe('CM2');
    const { grade: _cleared, ...child } = record.child;
    await store.replaceRecord({ ...record, child, referent: 'Karim Haddad' });
    const saved = (await store.getRecord('PRE-2025-001'))!;
    expect(saved.child.grade).toBeUndefined();
    expect(saved.referent).toBe('Karim Haddad');
    expect((await store.byReferent('karim haddad')).map((r) => r.code)).toContain('PRE-2025-001');
  });

  it('refuses an invalid record, an unknown one and a twin of another child, changing nothing', async () => {
    const store = await newStore();
    await store.putRecords(sampleRecords());
    const [first, second] = await store.allRecords();
    await expect(
      store.replaceRecord({ ...first!, child: { ...first!.child, birthDate: '2015-02-30' } }),
    ).rejects.toMatchObject({ code: 'record/invalid' });
    await expect(store.replaceRecord({ ...first!, code: 'PRE-1999-001' })).rejects.toMatchObject({
      code: 'store/unknown-code',
    });
    await expect(
      store.replaceRecord({ ...first!, child: { ...second!.child } }),
    ).rejects.toMatchObject({ code: 'store/duplicate-child' });
    expect(await store.getRecord(first!.code)).toEqual(first);
  });
});
