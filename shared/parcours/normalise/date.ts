/**
 * French dates to ISO `YYYY-MM-DD`: «03/04/2015», «3/4/15», «3 avril 2015»,
 * «1er mars» (with a reference year), «lundi 3 avril 2015», ISO, Excel serial
 * numbers and Date objects. Impossible dates (31/02) are rejected, never shifted.
 */
import { stripAccents } from '../text';
import { accept, reject, type Normalised } from './result';

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

export const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;
export const WEEKDAY_NAMES = [
  'dimanche',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Excel's 1900 date system, including its fictitious 29 February 1900 (serial 60). */
export function excelSerialToIso(serial: number): Normalised<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) {
    return reject(`nombre ${serial} : ce n’est pas une date Excel`);
  }
  const days = Math.floor(serial);
  if (days === 60) return reject('date Excel 29/02/1900 : ce jour n’a pas existé');
  const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000);
  return accept(toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
}

/** ISO `YYYY-MM-DD` → Excel 1900-system serial (the inverse of `excelSerialToIso`), null if not a real date. */
export function isoToExcelSerial(iso: string): number | null {
  if (!isIsoDate(iso)) return null;
  const days = (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  // Serials before 1 March 1900 sit one lower: Excel counts a 29 February 1900 that never was.
  return days < 61 ? days - 1 : days;
}

export interface DateOptions {
  /** Year used for «1er mars» without a year. */
  defaultYear?: number;
  /** Two-digit years up to this value are 20yy, above it 19yy (default: current yy + 5). */
  twoDigitPivot?: number;
  /** Refuse dates after this ISO date (e.g. today for a birth date). */
  notAfter?: string;
}

function expandYear(yy: number, options: DateOptions): number {
  const pivot = options.twoDigitPivot ?? (new Date().getFullYear() % 100) + 5;
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

function build(
  year: number,
  month: number,
  day: number,
  raw: string,
  options: DateOptions,
): Normalised<string> {
  if (!isRealDate(year, month, day)) return reject(`date impossible : ${raw}`);
  const iso = toIsoDate(year, month, day);
  if (options.notAfter && iso > options.notAfter) return reject(`date dans le futur : ${raw}`);
  return accept(iso);
}

export function normaliseDate(input: unknown, options: DateOptions = {}): Normalised<string> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return reject('date illisible');
    return build(
      input.getUTCFullYear(),
      input.getUTCMonth() + 1,
      input.getUTCDate(),
      input.toISOString().slice(0, 10),
      options,
    );
  }
  if (typeof input === 'number') {
    const serial = excelSerialToIso(input);
    if (!serial.ok) return serial;
    const [y, m, d] = serial.value.split('-').map(Number) as [number, number, number];
    return build(y, m, d, serial.value, options);
  }
  if (typeof input !== 'string') return reject('date manquante');
  const raw = input.trim();
  if (!raw) return reject('date manquante');

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), raw, options);

  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(raw);
  if (m) {
    const year = m[3]!.length === 2 ? expandYear(Number(m[3]), options) : Number(m[3]);
    return build(year, Number(m[2]), Number(m[1]), raw, options);
  }

  // «lundi 3 avril 2015», «1er mars 2016», «3 avr. 15», «1er mars»
  const words = stripAccents(raw).toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim();
  m =
    /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?(\d{1,2})(?: ?er)? ([a-z]+)(?: (\d{4}|\d{2}))?$/.exec(
      words,
    );
  if (m) {
    const month = MONTHS[m[2]!];
    if (!month) return reject(`mois inconnu dans la date : ${raw}`);
    let year: number | undefined;
    if (m[3]) year = m[3].length === 2 ? expandYear(Number(m[3]), options) : Number(m[3]);
    else year = options.defaultYear;
    if (year === undefined) return reject(`année manquante dans la date : ${raw}`);
    return build(year, month, Number(m[1]), raw, options);
  }
  if (/^\d+(?:[.,]\d+)?$/.test(raw)) return normaliseDate(Number(raw.replace(',', '.')), options);
  return reject(`date illisible : ${raw} (attendu par exemple 03/04/2015 ou 3 avril 2015)`);
}

/** «mardi 14 janvier 2026» — the form templates and letters use. */
export function formatLongFrenchDate(iso: string, withWeekday = true): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = d === 1 ? '1er' : String(d);
  const text = `${day} ${MONTH_NAMES[m - 1]} ${y}`;
  return withWeekday ? `${WEEKDAY_NAMES[date.getUTCDay()]} ${text}` : text;
}

/** «14/01/2026». */
export function formatShortFrenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
