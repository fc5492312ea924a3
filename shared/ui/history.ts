/** A child's history as the editor shows it: the audit entries naming its code, newest first. */
import { auditKindLabels, type AuditEntry } from '../store';

export interface HistoryLine {
  seq: number;
  /** «23/11/2026 à 10 h 05», local time. */
  when: string;
  what: string;
  actor: string;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function frenchDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = `${twoDigits(at.getDate())}/${twoDigits(at.getMonth() + 1)}/${at.getFullYear()}`;
  return `${day} à ${at.getHours()}\u00a0h\u00a0${twoDigits(at.getMinutes())}`;
}

/** The store's audit entries hold codes and French details, never names. */
export function historyOf(code: string, audit: readonly AuditEntry[]): HistoryLine[] {
  return audit
    .filter((entry) => entry.codes.includes(code))
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => ({
      seq: entry.seq,
      when: frenchDateTime(entry.at),
      what: entry.detail
        ? `${auditKindLabels[entry.kind]} (${entry.detail})`
        : auditKindLabels[entry.kind],
      actor: entry.actor,
    }));
}
