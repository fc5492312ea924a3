/**
 * The whole bilan (every indicator, the quality report, the internal and the
 * protected views) over 10 000 generated records spread over three school
 * years, beside one plain pass over the same records counting the parcours
 * en cours (the floor any bilan pays).
 */
import {
  domains,
  exitReasons,
  grades,
  referralSources,
  type ParcoursRecord,
  type Status,
} from '../../shared/parcours';
import { computeBilan, schoolYearPeriod, viewBilan } from '../../shared/indicators';
import { time, type Bench } from './harness';

const COUNT = 10_000;
const STATUSES: Status[] = [
  'en_cours',
  'en_cours',
  'sorti',
  'sorti',
  'suspendu',
  'refus',
  'repere',
  'non_retenu',
];
const pad = (n: number) => String(n).padStart(2, '0');
/** A day of school years 2023-2024 to 2025-2026, spread by `i`. */
const dayOf = (i: number) => {
  const year = 2023 + (i % 3);
  const month = 1 + (i % 12);
  return `${month >= 9 ? year : year + 1}-${pad(month)}-${pad(1 + (i % 28))}`;
};
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

function syntheticRecords(): ParcoursRecord[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const status = pick(STATUSES, i);
    const consent = dayOf(i);
    const exitDate = dayOf(i + 7);
    return {
      id: crypto.randomUUID(),
      code: `PRE-2025-${String(i + 1).padStart(5, '0')}`,
      child: {
        lastName: `NOM${i % 9000}`,
        firstName: `Prénom${i % 37}`,
        ...(i % 50
          ? { birthDate: `20${pad(8 + (i % 15))}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}` }
          : {}),
        ...(i % 40 ? { sex: i % 5 < 3 ? ('M' as const) : ('F' as const) } : {}),
        grade: pick(grades.values, i),
        neighbourhood: `Quartier ${i % 12}`,
        town: `Commune ${i % 4}`,
      },
      referent: `Référent ${i % 100}`,
      referral: { date: consent, source: pick(referralSources.values, i) },
      domains: [pick(domains.values, i), pick(domains.values, i + 2)],
      ...(i % 3 ? { consentDate: consent } : { epsDates: [consent] }),
      status,
      actions: [
        {
          label: 'Club lecture',
          domain: pick(domains.values, i),
          funding: i % 2 ? 'pre' : 'droit_commun',
          startDate: consent,
        },
        { label: 'Sport', domain: 'culture_sport_loisirs' },
      ],
      ...(status === 'sorti' && exitDate > consent
        ? { exit: { date: exitDate, reason: pick(exitReasons.values, i) } }
        : {}),
    } satisfies ParcoursRecord;
  });
}

export const indicatorsBench: Bench = {
  name: 'Bilan annuel (10 000 fiches)',
  async run() {
    const records = syntheticRecords();
    const period = schoolYearPeriod('2025-2026');
    const baseline = await time(() => records.filter((r) => r.status === 'en_cours').length, 20);
    const whole = await time(() => {
      const bilan = computeBilan(records, period);
      viewBilan(bilan, { withCodes: true });
      viewBilan(bilan, { external: true });
    }, 20);
    return [
      {
        name: 'Bilan complet : indicateurs, qualité, vues interne et diffusable (médiane)',
        value: whole.median,
        unit: 'ms',
        baseline: { name: 'un passage comptant les parcours en cours', value: baseline.median },
        target: '< 500 ms',
        pass: whole.median < 500,
      },
    ];
  },
};
