import { describe, expect, it } from 'vitest';
import { unlockStore } from '../../shared/store';
import { PASSPHRASE, memoryDb, newStore } from './helpers';

describe('two contexts on the same database', () => {
  it('lets two contexts write at once without losing or renumbering anyone', async () => {
    const options = memoryDb();
    const first = await newStore(options);
    const second = await unlockStore({ ...options, passphrase: PASSPHRASE });
    const child = (i: number) => ({
      child: { lastName: `ENFANT${i}`, firstName: 'Test' },
      referral: { date: '2025-10-01' },
    });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => first.putRecords([child(i)])),
      ...Array.from({ length: 10 }, (_, i) => second.putRecords([child(100 + i)])),
    ]);
    const codes = (await first.allRecords()).map((r) => r.code);
    expect(codes.length).toBe(20);
    expect(new Set(codes).size).toBe(20);
    expect(codes.sort().at(-1)).toBe('PRE-2025-020');
    await first.changePassphrase(PASSPHRASE, 'une autre phrase longue');
    await expect(second.putRecords([child(999)])).rejects.toMatchObject({
      code: 'store/passphrase-changed',
    });
    expect(second.isLocked).toBe(true);
    first.close();
    second.close();
  });
});
