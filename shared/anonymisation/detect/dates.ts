/**
 * Birth dates: a date announced by «né(e) le», «DDN», «date de naissance»…
 * Other dates (meetings, letters) are left alone.
 */
import { MONTH_NAMES, foldText } from '../../parcours';
import type { RawFinding } from '../types';
import { letterBefore, matchesNotAfter } from './matching';

const MONTHS =
  'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janv\\.?|f[ée]vr?\\.?|sept\\.?|oct\\.?|nov\\.?|d[ée]c\\.?';
export const DATE_SOURCE = `(?:\\d{1,2}\\s?[/.\\-]\\s?\\d{1,2}\\s?[/.\\-]\\s?(?:\\d{4}|\\d{2})(?!\\d)|(?:1er|\\d{1,2})\\s+(?:${MONTHS})\\s+\\d{4})`;

const BIRTH =
  /(?:n[ée]{1,2}(?:\s?\(e\))?s?|DDN|D\.?D\.?N\.?|date de naissance|naissance|n[ée]e? le)(?![\p{L}])/giu;
const DATE_AFTER = new RegExp(`^[\\s:,]*(?:le\\b|en\\b)?[\\s:]*(${DATE_SOURCE})`, 'iu');

export function detectBirthDates(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, BIRTH, letterBefore)) {
    const after = m.index + m[0].length;
    const d = DATE_AFTER.exec(text.slice(after, after + 40));
    if (!d) continue;
    const start = after + d[0].length - d[1]!.length;
    out.push({
      start,
      end: start + d[1]!.length,
      type: 'DATE_NAISSANCE',
      confidence: 0.95,
      label: 'date de naissance',
    });
  }
  return out;
}

/** Reads a French date as ISO (yyyy-mm-dd), or undefined. Two-digit years are 20yy. */
// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const WRITTEN_DATE = /(\d{1,2})(?:er)?\s+([\p{L}.]+)\s+(\d{4})/u;

export function parseFrenchDate(text: string): string | undefined {
  const numeric = /(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})/.exec(text);
  let day: number, month: number, year: number;
  if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    year = Number(numeric[3]!.length === 2 ? `20${numeric[3]}` : numeric[3]);
  } else {
    const words = WRITTEN_DATE.exec(text);
    if (!words) return undefined;
    const folded = foldText(words[2]!);
    const index = MONTH_NAMES.findIndex((name) => foldText(name).startsWith(folded.slice(0, 3)));
    if (index < 0) return undefined;
    day = Number(words[1]);
    month = index + 1;
    year = Number(words[3]);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
