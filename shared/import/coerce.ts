/**
 * One cell → the typed value of its dictionary key, through the shared
 * normalisers of `shared/parcours`; or a French reason when it cannot be read.
 * Results are memoised per key and raw value: caseloads repeat schools,
 * grades and statuses on every row.
 */
import {
  collapseSpaces,
  excelSerialToIso,
  exitOutcomes,
  exitReasons,
  foldText,
  fundings,
  normaliseDate,
  normaliseGrade,
  normaliseName,
  normalisePhone,
  normaliseReferralSource,
  normaliseRelation,
  normaliseSex,
  normaliseStatus,
  type Normalised,
} from '../parcours';
import type { CellValue } from './grid';

export type Coerced = Normalised<unknown>;

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (reason: string): Coerced => ({ ok: false, reason });

/** Text as written, trimmed; numbers as the user sees them (dates under a date format). */
export function cellText(value: CellValue, format?: string | null): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    if (format && isDateFormat(format)) {
      const iso = excelSerialToIso(value);
      if (iso.ok) return iso.value;
    }
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return '';
}

function isDateFormat(format: string): boolean {
  const plain = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(plain) || /m{3,}/i.test(plain);
}

type EnumDef = { values: readonly string[]; labels: Readonly<Record<string, string>> };

/** A value or its French label, folded; or a label that contains the text. */
function matchEnumeration(def: EnumDef, text: string, what: string): Coerced {
  const folded = foldText(text);
  for (const value of def.values) {
    if (foldText(value) === folded || foldText(def.labels[value] ?? '') === folded)
      return ok(value);
  }
  for (const value of def.values) {
    const label = foldText(def.labels[value] ?? '');
    if (folded.length >= 4 && (label.startsWith(folded) || folded.startsWith(label)))
      return ok(value);
  }
  return fail(`${what} inconnu(e) : « ${text} »`);
}

const EXIT_REASON_WORDS: Array<[RegExp, string]> = [
  [/partiel/, 'objectifs_partiellement_atteints'],
  [/atteint/, 'objectifs_atteints'],
  [/demenag/, 'demenagement'],
  [/refus|abandon/, 'refus_ou_abandon_famille'],
  [/protection|ase|aide sociale/, 'relais_protection_enfance'],
  [/droit commun|relais|orientation/, 'relais_droit_commun'],
  [/age|limite|16 ans/, 'age_limite'],
];

function exitReason(text: string): Coerced {
  const exact = matchEnumeration(exitReasons, text, 'motif de sortie');
  if (exact.ok) return exact;
  const folded = foldText(text);
  const rule = EXIT_REASON_WORDS.find(([pattern]) => pattern.test(folded));
  return ok(rule ? rule[1] : 'autre');
}

const DOMAIN_WORDS: Array<[RegExp, string]> = [
  [/scolai|ecole|apprentissage/, 'scolaire'],
  [/sante|soin|medical|psy/, 'sante'],
  [/parental|famil/, 'parentalite'],
  [/culture|sport|loisir/, 'culture_sport_loisirs'],
  [/educati|social/, 'educatif_social'],
];

function domainList(text: string): Coerced {
  const found = new Set<string>();
  for (const part of text.split(/[,;/+\n]| et /)) {
    const folded = foldText(part);
    if (!folded) continue;
    const rule = DOMAIN_WORDS.find(([pattern]) => pattern.test(folded));
    if (!rule) return fail(`domaine inconnu : « ${part.trim()} »`);
    found.add(rule[1]);
  }
  return found.size ? ok([...found]) : fail('domaine manquant');
}

function dateList(text: string, value: CellValue): Coerced {
  if (typeof value === 'number') {
    const date = normaliseDate(value);
    return date.ok ? ok([date.value]) : date;
  }
  const dates: string[] = [];
  for (const part of text.split(/[,;\n]| et /)) {
    if (!part.trim()) continue;
    const date = normaliseDate(part);
    if (!date.ok) return date;
    dates.push(date.value);
  }
  return dates.length ? ok(dates) : fail('date manquante');
}

function email(text: string): Coerced {
  const address = text
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(address)
    ? ok(address)
    : fail(`adresse électronique illisible : « ${text} »`);
}

/** «06 12 34 56 78 / 07 …» or «06… ou 04…»: the first number that reads. */
function phone(value: CellValue, text: string): Coerced {
  const whole = normalisePhone(typeof value === 'number' ? value : text);
  if (whole.ok) return whole;
  for (const part of text.split(/\s+\/\s+|\s+ou\s+|[;,\n]/i)) {
    const one = normalisePhone(part);
    if (one.ok && part.trim() !== text) return one;
  }
  return whole;
}

export interface CoerceContext {
  /** ISO date after which a birth date is in the future. */
  today: string;
}

function coerceUncached(
  key: string,
  value: CellValue,
  text: string,
  context: CoerceContext,
): Coerced {
  switch (key) {
    case 'child.lastName':
    case 'child.firstName':
    case 'guardians[].lastName':
    case 'guardians[].firstName':
      return ok(normaliseName(text));
    case 'child.birthDate':
      return normaliseDate(typeof value === 'number' ? value : text, { notAfter: context.today });
    case 'referral.date':
    case 'firstContactDate':
    case 'consentDate':
    case 'exit.date':
    case 'actions[].startDate':
    case 'actions[].endDate':
      return normaliseDate(typeof value === 'number' ? value : text);
    case 'epsDates':
      return dateList(text, value);
    case 'child.sex':
      return normaliseSex(text);
    case 'child.grade':
      return normaliseGrade(text);
    case 'child.ine':
      return /^[0-9A-Z]{11}$/i.test(text.replace(/\s/g, ''))
        ? ok(text.replace(/\s/g, '').toUpperCase())
        : fail(`INE illisible : « ${text} » (11 caractères attendus)`);
    case 'guardians[].phone':
      return phone(value, text);
    case 'guardians[].email':
      return email(text);
    case 'guardians[].relation':
      return normaliseRelation(text);
    case 'referral.source':
      return normaliseReferralSource(text);
    case 'status':
      return normaliseStatus(text);
    case 'category': {
      const m = /^\D*([1-4])\D*$/.exec(text);
      return m ? ok(Number(m[1])) : fail(`catégorie inconnue : « ${text} » (1 à 4 attendu)`);
    }
    case 'domains':
    case 'actions[].domain':
      return domainList(text);
    case 'exit.reason':
      return exitReason(text);
    case 'exit.outcome':
      return matchEnumeration(exitOutcomes, text, 'atteinte des objectifs');
    case 'actions[].funding':
      return /droit commun/i.test(foldText(text))
        ? ok('droit_commun')
        : matchEnumeration(fundings, text, 'financement');
    case 'objectives':
    case 'actions[].label':
      return ok(
        text
          .split(/\s*[;\n]\s*/)
          .map((part) => part.trim())
          .filter(Boolean),
      );
    default:
      // Free text (school, reasons, notes, address, referent…): kept as written, trimmed.
      return ok(key === 'notes' || key === 'referral.reasons' ? text : collapseSpaces(text));
  }
}

const memo = new Map<string, Coerced>();
/** Keys whose values repeat from row to row and cost a normaliser call; names and free text do not. */
const MEMOISED = new Set([
  'child.birthDate',
  'referral.date',
  'firstContactDate',
  'consentDate',
  'exit.date',
  'epsDates',
  'child.sex',
  'child.grade',
  'referral.source',
  'status',
  'guardians[].relation',
  'category',
  'domains',
  'actions[].domain',
  'exit.reason',
  'exit.outcome',
  'actions[].funding',
]);

export function coerceCell(
  key: string,
  value: CellValue,
  format: string | null | undefined,
  context: CoerceContext,
): Coerced {
  const text = cellText(value, /date/i.test(key) ? null : format);
  if (!MEMOISED.has(key)) return coerceUncached(key, value, text, context);
  const memoKey = `${key}\u0000${typeof value}\u0000${text}\u0000${context.today}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const result = coerceUncached(key, value, text, context);
  if (memo.size > 50_000) memo.clear();
  memo.set(memoKey, result);
  return result;
}
