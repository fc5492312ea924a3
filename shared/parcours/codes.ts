/**
 * Parcours codes `PRE-<school year start>-<NNN>` (dictionary §3), school years
 * and ages. A code is never derived from a name: only the year and a sequence.
 */
const CODE = /^PRE-(\d{4})-(\d{3,})$/;

/** French school years start on 1 September. */
export function schoolYearStart(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** 2025 → «2025-2026». */
export function schoolYearLabel(start: number): string {
  return `${start}-${start + 1}`;
}

/** «2025-2026» → its first and last days. */
export function schoolYearBounds(label: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})\s*[-/]\s*(\d{4})$/.exec(label.trim());
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return undefined;
  return { start: `${m[1]}-09-01`, end: `${m[2]}-08-31` };
}

export function parseParcoursCode(code: string): { year: number; sequence: number } | undefined {
  const m = CODE.exec(code.trim());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : undefined;
}

/**
 * The next free code of a school year, given the codes already used in the
 * store. Never reuses a number, even one of a child erased since.
 */
export function nextParcoursCode(existingCodes: Iterable<string>, onDate: string): string {
  const year = schoolYearStart(onDate);
  let highest = 0;
  for (const code of existingCodes) {
    const parsed = parseParcoursCode(code);
    if (parsed && parsed.year === year) highest = Math.max(highest, parsed.sequence);
  }
  return `PRE-${year}-${String(highest + 1).padStart(3, '0')}`;
}

/** Age in whole years on a given day. */
export function ageAt(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Today as ISO `YYYY-MM-DD` in local time. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
