/** The day of a date line written by a mail client in French or English («lundi 9 février 2026 08:47», «Monday, February 9, 2026 8:47 AM»). */
import { normaliseDate, toIsoDate, isRealDate } from '../parcours';
import { parisDay, rfc5322ToIso } from './paris-time';

const ENGLISH_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

export function dayOfWrittenDate(line: string): string | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(line.trim());
  if (iso) return iso[1];
  const french = /(\d{1,2})(?:er)?\s+(\p{L}+)\.?\s+(\d{4})/u.exec(line);
  if (french) {
    const result = normaliseDate(`${french[1]} ${french[2]} ${french[3]}`);
    if (result.ok) return result.value;
  }
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(line);
  if (numeric) {
    const result = normaliseDate(numeric[0]);
    if (result.ok) return result.value;
  }
  const english = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(line);
  if (english) {
    const month = ENGLISH_MONTHS.indexOf(english[1]!.toLowerCase()) + 1;
    const [day, year] = [Number(english[2]), Number(english[3])];
    if (month && isRealDate(year, month, day)) return toIsoDate(year, month, day);
  }
  const rfc = rfc5322ToIso(line);
  return rfc ? parisDay(rfc) : undefined;
}
