/** proposeAgenda: which children come to the EPS, as codes. */
import { describe, expect, it } from 'vitest';
import { proposeAgenda } from '../../shared/minutes';
import type { ParcoursRecord } from '../../shared/parcours';

let sequence = 0;
function record(over: Partial<ParcoursRecord> & { birthDate?: string }): ParcoursRecord {
  sequence++;
  const { birthDate = '2016-05-12', ...rest } = over;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    code: `PRE-2025-${String(100 + sequence)}`,
    child: { lastName: 'OUAZZANI', firstName: 'Ayman', birthDate, grade: 'CM1' },
    referent: 'Samir Khaldi',
    ...rest,
  };
}

describe('proposeAgenda', () => {
  const date = '2026-01-27';

  it('puts children waiting for the EPS, reviews due and exits to validate, in that order', () => {
    const waiting = record({
      status: 'attente_eps',
      code: 'PRE-2025-201',
      birthDate: '2017-02-08',
    });
    const due = record({ status: 'en_cours', code: 'PRE-2025-177', epsDates: ['2025-09-30'] });
    const recent = record({ status: 'en_cours', code: 'PRE-2025-190', epsDates: ['2025-12-16'] });
    const exit = record({
      status: 'en_cours',
      code: 'PRE-2024-140',
      exit: { date: '2026-01-20', reason: 'objectifs_atteints' },
    });
    const closed = record({ status: 'sorti', code: 'PRE-2023-050' });
    const spotted = record({ status: 'repere', code: 'PRE-2025-210' });
    const agenda = proposeAgenda([exit, closed, recent, due, spotted, waiting], date);
    expect(agenda.map((s) => [s.code, s.kind])).toEqual([
      ['PRE-2025-201', 'entree'],
      ['PRE-2025-177', 'suivi'],
      ['PRE-2024-140', 'sortie'],
    ]);
  });

  it('gives age at the session date, grade and referent, and never a name', () => {
    const [situation] = proposeAgenda(
      [record({ status: 'attente_eps', birthDate: '2017-01-28' })],
      date,
    );
    expect(situation).toMatchObject({ age: 8, grade: 'CM1', referent: 'Samir Khaldi' });
    expect(JSON.stringify(situation)).not.toMatch(/Ayman|OUAZZANI/);
    const [birthday] = proposeAgenda(
      [record({ status: 'attente_eps', birthDate: '2017-01-27' })],
      date,
    );
    expect(birthday!.age).toBe(9);
  });

  it('brings back a parcours never reviewed, and follows the review interval given', () => {
    const never = record({ status: 'en_cours' });
    const twoMonths = record({ status: 'en_cours', epsDates: ['2025-11-20'] });
    expect(proposeAgenda([never, twoMonths], date).map((s) => s.code)).toEqual([never.code]);
    expect(
      proposeAgenda([never, twoMonths], date, { reviewEveryMonths: 2 }).map((s) => s.code),
    ).toEqual([never.code, twoMonths.code].sort());
  });
});
