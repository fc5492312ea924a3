/**
 * Proposes the situations of an EPS session from the caseload: children
 * waiting for the EPS (entries), parcours whose review is due, and exits to
 * validate. Codes only: the session never names a child.
 */
import { ageAt, type ParcoursRecord, type Situation, type SituationKind } from '../parcours';

export interface AgendaOptions {
  /** A parcours in progress comes back to the EPS this many months after its last passage (default 3). */
  reviewEveryMonths?: number;
}

function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - months, d));
  return date.toISOString().slice(0, 10);
}

function agendaKind(
  record: ParcoursRecord,
  date: string,
  reviewBefore: string,
): SituationKind | null {
  if (record.status === 'attente_eps') return 'entree';
  if (record.status !== 'en_cours' && record.status !== 'suspendu') return null;
  // An exit recorded on a parcours still open is an exit the EPS has to validate.
  if (record.exit?.date || record.exit?.reason) return 'sortie';
  const passages = (record.epsDates ?? []).filter((d) => d <= date).sort();
  const last = passages[passages.length - 1];
  return !last || last <= reviewBefore ? 'suivi' : null;
}

const KIND_ORDER: Record<SituationKind, number> = { entree: 0, suivi: 1, sortie: 2 };

/** The situations to examine at the session of `date` (ISO), entries first, then reviews, then exits. */
export function proposeAgenda(
  records: Iterable<ParcoursRecord>,
  date: string,
  options: AgendaOptions = {},
): Situation[] {
  const reviewBefore = monthsBefore(date, options.reviewEveryMonths ?? 3);
  const situations: Situation[] = [];
  for (const record of records) {
    const kind = agendaKind(record, date, reviewBefore);
    if (!kind) continue;
    const birth = record.child.birthDate;
    situations.push({
      code: record.code,
      age: birth && birth <= date ? ageAt(birth, date) : null,
      grade: record.child.grade ?? null,
      referent: record.referent ?? null,
      kind,
      actions: [],
      nextReview: null,
    });
  }
  return situations.sort(
    (a, b) => KIND_ORDER[a.kind!] - KIND_ORDER[b.kind!] || a.code.localeCompare(b.code),
  );
}
