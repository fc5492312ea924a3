/**
 * Dates as the sender lived them: France (metropolitan) is UTC+1 in winter and
 * UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October
 * 01:00 UTC (EU rule since 1996). Computed here so no time-zone database is needed.
 */
import { toIsoDate } from '../parcours';

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1, 0, 0);
}

/** Paris offset from UTC, in minutes, at an instant. */
export function parisOffsetMinutes(instant: Date): number {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  return t >= lastSundayUtc(year, 2) && t < lastSundayUtc(year, 9) ? 120 : 60;
}

/** The calendar day in Paris of an ISO instant («2026-01-20T23:07:13Z» → «2026-01-21»). */
export function parisDay(isoInstant: string): string | undefined {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return undefined;
  const local = new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
  return toIsoDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** ISO 8601 with an explicit offset: `withOffset(date, 60)` → «…T00:07:13+01:00». */
export function isoWithOffset(instant: Date, offsetMinutes: number): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/**
 * An RFC 5322 `Date:` header with its offset kept: «Wed, 21 Jan 2026 00:07:13
 * +0100» → «2026-01-21T00:07:13+01:00». Undefined when unreadable.
 */
export function rfc5322ToIso(header: string): string | undefined {
  const instant = new Date(header.replace(/\s*\([^)]*\)\s*$/, ''));
  if (Number.isNaN(instant.getTime())) return undefined;
  const m = /([+-])(\d{2})(\d{2})\s*(?:\(.*\))?\s*$/.exec(header.trim());
  if (!m) return isoWithOffset(instant, 0).replace('+00:00', 'Z');
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return isoWithOffset(instant, offset);
}
