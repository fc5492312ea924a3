/** Invariants of the bilan on arbitrary caseloads (fast-check), and hostile input to the command. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { computeBilan, schoolYearPeriod, viewBilan } from '../../shared/indicators';
import {
  domains,
  exitOutcomes,
  exitReasons,
  grades,
  referralSources,
  statuses,
  type ParcoursRecord,
} from '../../shared/parcours';
import { memoryIO } from './helpers';

const day = fc
  .date({
    min: new Date('2023-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const birthDay = fc
  .date({
    min: new Date('2005-01-01T00:00:00Z'),
    max: new Date('2024-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const record = (i: number) =>
  fc
    .record({
      birthDate: maybe(birthDay),
      sex: maybe(fc.constantFrom('F' as const, 'M' as const)),
      grade: maybe(fc.constantFrom(...grades.values)),
      neighbourhood: maybe(fc.constantFrom('A', 'B')),
      sameChildAs: fc.nat(5),
      source: maybe(fc.constantFrom(...referralSources.values)),
      domains: fc.uniqueArray(fc.constantFrom(...domains.values), { maxLength: 3 }),
      referral: maybe(day),
      eps: fc.array(day, { maxLength: 2 }),
      consent: maybe(day),
      status: maybe(fc.constantFrom(...statuses.values)),
      exit: maybe(
        fc.record({
          date: maybe(day),
          reason: maybe(fc.constantFrom(...exitReasons.values)),
          outcome: maybe(fc.constantFrom(...exitOutcomes.values)),
        }),
      ),
      referent: maybe(fc.constantFrom('Sonia Martel', 'sonia martel', 'Karim Benali')),
    })
    .map((r): ParcoursRecord => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      code: `PRE-2025-${String(i).padStart(3, '0')}`,
      // Few distinct names so that re-entries (same child, several parcours) happen.
      child: {
        lastName: `NOM${r.sameChildAs}`,
        firstName: 'Prénom',
        ...(r.birthDate ? { birthDate: r.birthDate } : {}),
        ...(r.sex ? { sex: r.sex } : {}),
        ...(r.grade ? { grade: r.grade } : {}),
        ...(r.neighbourhood ? { neighbourhood: r.neighbourhood } : {}),
      },
      ...(r.referent ? { referent: r.referent } : {}),
      referral: {
        ...(r.referral ? { date: r.referral } : {}),
        ...(r.source ? { source: r.source } : {}),
      },
      domains: r.domains,
      epsDates: r.eps,
      ...(r.consent ? { consentDate: r.consent } : {}),
      ...(r.status ? { status: r.status } : {}),
      ...(r.exit ? { exit: JSON.parse(JSON.stringify(r.exit)) } : {}),
    }));

const caseload = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(i + 1))));

describe('bilan invariants', () => {
  it('single-valued tables add up to their denominator; children ≤ parcours; shares within 0–1', () => {
    fc.assert(
      fc.property(caseload, (records) => {
        const bilan = computeBilan(records, schoolYearPeriod('2025-2026'));
        const figure = (id: string) => bilan.keyFigures.find((f) => f.id === id)!;
        for (const table of bilan.tables.filter((t) => !t.multiValued)) {
          expect(table.rows.reduce((sum, r) => sum + r.count, 0)).toBe(table.denominator);
        }
        expect(figure('enfants').numerator).toBeLessThanOrEqual(figure('parcours').numerator);
        expect(figure('nouvelles-entrees').numerator).toBeLessThanOrEqual(
          figure('parcours').numerator,
        );
        for (const f of bilan.keyFigures.filter((f) => f.kind === 'share' && f.value !== null)) {
          expect(f.value).toBeGreaterThanOrEqual(0);
          expect(f.value).toBeLessThanOrEqual(1);
        }
        const external = JSON.stringify(viewBilan(bilan, { external: true }));
        expect(external).not.toMatch(/PRE-2025-|NaN|NOM\d/);
        // No masked count under the threshold leaks as a digit in a table cell.
        for (const table of viewBilan(bilan, { external: true }).tables) {
          for (const row of table.rows)
            expect(['0', '< 5'].includes(row[1]!) || Number(row[1]) >= 5).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile input', () => {
  it('a corrupt or foreign caseload gives a French error and exit 2, never a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-bilan-'));
    const cases: Array<[string, string | Uint8Array, RegExp]> = [
      ['corrompu.json', '{"records": [', /JSON lisible/],
      ['latin1.json', new Uint8Array([0x7b, 0xe9, 0x7d]), /UTF-8/],
      ['objet.json', '{"fiches": 3}', /records/],
      ['classeur.xlsx', 'PK', /extension de classeur mais n’en est pas un/],
      ['notes.docx', 'PK', /format de file active/],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      await writeFile(file, content);
      const m = memoryIO();
      expect(await main(['bilan', '--annee', '2025-2026', '--caseload', file], m.io), name).toBe(2);
      expect(m.err()).toMatch(message);
    }
    const m = memoryIO();
    expect(
      await main(['bilan', '--annee', '2025-2026', '--caseload', join(dir, 'absent.json')], m.io),
    ).toBe(2);
    expect(m.err()).toContain('introuvable');
  });
});
