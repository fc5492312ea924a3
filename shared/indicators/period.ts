/** The period a bilan covers: a school year («2025-2026») or any two dates. */
import { PasserelleError, isIsoDate, schoolYearBounds } from '../parcours';

export interface Period {
  /** First day, ISO. */
  start: string;
  /** Last day, ISO (included). */
  end: string;
  /** French label shown in titles: «année scolaire 2025-2026» or «du 01/01/2026 au 30/06/2026». */
  label: string;
}

export function schoolYearPeriod(label: string): Period {
  const bounds = schoolYearBounds(label);
  if (!bounds) {
    throw new PasserelleError(
      'indicators/school-year',
      `année scolaire « ${label} » non reconnue : écrivez-la comme « 2025-2026 ».`,
      { field: 'annee' },
    );
  }
  return {
    ...bounds,
    label: `année scolaire ${bounds.start.slice(0, 4)}-${bounds.end.slice(0, 4)}`,
  };
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function datesPeriod(start: string, end: string): Period {
  if (!isIsoDate(start) || !isIsoDate(end) || start > end) {
    throw new PasserelleError(
      'indicators/period',
      'période invalide : donnez deux dates AAAA-MM-JJ, la première avant la seconde.',
      { field: 'periode' },
    );
  }
  return { start, end, label: `du ${frenchDate(start)} au ${frenchDate(end)}` };
}
