/**
 * Validated identifiers: NIR, INE, IBAN, RIB, CAF number, e-mail, phone.
 * Every regular expression starts with a bounded, fixed structure so that the
 * engine never rescans a long run: work stays linear on hostile input.
 */
import type { RawFinding } from '../types';
import { STREET_TYPES } from './address';
import { ibanValid, nirKey, ribKey } from './checksums';
import { asciiAlnumBefore, matchesNotAfter, type BeforeCheck } from './matching';

// Word and Outlook put no-break spaces (U+00A0, and the narrow U+202F) between digit groups.
const SEP = '[ .\\-\\u00a0\\u202f]?';

/** Text of the line before `index`, at most `max` characters, folded to lowercase. */
function before(text: string, index: number, max = 60): string {
  const from = Math.max(0, index - max);
  const chunk = text.slice(from, index);
  const cut = chunk.lastIndexOf('\n');
  return (cut >= 0 ? chunk.slice(cut + 1) : chunk).toLowerCase();
}

const NIR_RE = new RegExp(
  `([1-478])${SEP}(\\d{2})${SEP}(\\d{2})${SEP}(\\d{2}|2[ABab])${SEP}(\\d{3})${SEP}(\\d{3})(?:${SEP}(\\d{2}))?(?![\\dA-Za-z])`,
  'g',
);
const NIR_CONTEXT = /(nir|s[ée]cu|s[ée]curit[ée] sociale|n° ss|num[ée]ro ss|insee|immatriculation)/;

export function detectNir(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, NIR_RE, asciiAlnumBefore)) {
    const [whole, sex, year, month, dept, commune, order, key] = m;
    const monthNumber = Number(month);
    const plausibleMonth =
      (monthNumber >= 1 && monthNumber <= 12) || (monthNumber >= 20 && monthNumber <= 99);
    if (!plausibleMonth) continue;
    const body = `${sex}${year}${month}${dept}${commune}${order}`;
    const start = m.index;
    const keyValid = key !== undefined && nirKey(body) === Number(key);
    if (keyValid) {
      out.push({
        start,
        end: start + whole.length,
        type: 'NIR',
        confidence: 0.99,
        label: `NIR valide (clé ${key})`,
      });
    } else if (NIR_CONTEXT.test(before(text, start))) {
      // Announced but keyless: the two digits after it (if any) are something else, e.g. a phone.
      const end =
        key === undefined
          ? start + whole.length
          : start +
            whole.lastIndexOf(key) -
            (/[ .\-\u00a0]$/.test(whole.slice(0, whole.lastIndexOf(key))) ? 1 : 0);
      out.push({
        start,
        end,
        type: 'NIR',
        confidence: 0.85,
        label: 'NIR sans clé (annoncé par le contexte)',
      });
    }
  }
  return out;
}

// Digits written out one by one (`\d\d\d`, not `\d{3}`): the engine then reads ahead to
// where a letter must stand and skips along a run of digits, several times faster.
const INE_RE =
  /(?:\d\d\d\d\d\d\d\d\d\d[A-Z]|\d\d\d\d\d\d\d\d\d[A-Z][A-Z]|\d\d\d\dA\d\d\d\d\d[A-Z])(?![\dA-Za-z])/g;

export function detectIne(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, INE_RE, asciiAlnumBefore)) {
    const sure = /\bine\b|identifiant national/.test(before(text, m.index));
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      type: 'INE',
      confidence: sure ? 0.95 : 0.8,
      label: sure ? 'INE (identifiant national élève)' : 'identifiant de la forme d’un INE',
    });
  }
  return out;
}

const IBAN_RE = /[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;
// Digits written out one by one, as in INE_RE.
const RIB_RE = /(\d\d\d\d\d)[ ]?(\d\d\d\d\d)[ ]?([0-9A-Z]{11})[ ]?(\d\d)(?![\dA-Za-z])/g;

export function detectBank(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, IBAN_RE, asciiAlnumBefore)) {
    if (!ibanValid(m[0])) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      type: 'IBAN',
      confidence: 0.99,
      label: 'IBAN valide (clé de contrôle correcte)',
    });
  }
  for (const m of matchesNotAfter(text, RIB_RE, asciiAlnumBefore)) {
    const [whole, bank, branch, account, key] = m;
    if (ribKey(bank!, branch!, account!) !== Number(key)) continue;
    out.push({
      start: m.index,
      end: m.index + whole.length,
      type: 'IBAN',
      confidence: 0.95,
      label: `RIB valide (clé ${key})`,
    });
  }
  return out;
}

// Digits written out one by one, as in INE_RE.
const CAF_RE = /\d\d\d\d\d\d\d(?![\dA-Za-z])/g;
const CAF_CONTEXT = /(caf|allocataire|alloc\b|n° d’alloc|n° d'alloc|msa)/;

export function detectCaf(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, CAF_RE, asciiAlnumBefore)) {
    if (!CAF_CONTEXT.test(before(text, m.index, 50))) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      type: 'NUM_ALLOCATAIRE',
      confidence: 0.9,
      label: 'numéro d’allocataire CAF',
    });
  }
  return out;
}

// Character classes by code, not a regex per character: they run on every character around an «@».
const isAsciiAlnum = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** [A-Za-z0-9.-] */
const isDomainChar = (code: number) => isAsciiAlnum(code) || code === 46 || code === 45;
/** [A-Za-z0-9._%+-] */
const isLocalChar = (code: number) =>
  isDomainChar(code) || code === 95 || code === 37 || code === 43;

/** E-mails found from each «@», expanding both ways (linear, unlike a leading `[…]+@`). */
export function detectEmails(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > lastEnd && isLocalChar(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
    for (
      let c = text.charCodeAt(e - 1);
      e > at + 1 && (c === 46 || c === 45);
      c = text.charCodeAt(--e - 1)
    );
    while (s < at && text.charCodeAt(s) === 46) s++;
    const domain = text.slice(at + 1, e);
    if (s === at || !/^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain))
      continue;
    out.push({ start: s, end: e, type: 'EMAIL', confidence: 0.99, label: 'adresse électronique' });
    lastEnd = e;
    at = e - 1;
  }
  return out;
}

const digitOrPlusBefore: BeforeCheck = (text, index) => {
  const code = text.charCodeAt(index - 1);
  return (code >= 48 && code <= 57) || code === 43;
};
// Matched without a leading lookbehind: `matchesNotAfter` checks the character before.
/**
 * Ten digits not followed by more digits (part of a longer number), unless those
 * start a street address («06 12 34 56 78 12 rue des Lilas») or another phone
 * («06 12 34 56 78 01 23 45 67 89»). The `i` flag only concerns the street types.
 */
const PHONE_RE = new RegExp(
  `(?:(?:\\+|00)\\s?33[ .-]?(?:\\(0\\)[ .-]?)?[1-9]|0[1-9])(?:[ .\\-\\u00a0\\u202f]?\\d){8}` +
    `(?=(?![ .-]?\\d)|[ .-]?(?:\\d{1,4}(?:\\s?(?:bis|ter|quater|[abcd])\\b)?,?\\s(?:${STREET_TYPES})(?![a-zà-ÿ])|0[1-9](?:[ .\\-\\u00a0\\u202f]?\\d){8}(?!\\d)))`,
  'gi',
);
const COUNTRY_CODE = /^(?:\+|00)\s?33/;

/**
 * Whether a phone number mixes separators after its country code (any space
 * counts as one: a typed number often mixes spaces and no-break spaces).
 * Read by code rather than with replaces and a Set: it runs on every number.
 */
function mixesSeparators(phone: string): boolean {
  let kind = 0;
  for (let i = COUNTRY_CODE.exec(phone)?.[0].length ?? 0; i < phone.length; i++) {
    let code = phone.charCodeAt(i);
    if (code === 0xa0 || code === 0x202f) code = 32;
    if (code !== 32 && code !== 46 && code !== 45) continue;
    if (kind === 0) kind = code;
    else if (kind !== code) return true;
  }
  return false;
}

export function detectPhones(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, PHONE_RE, digitOrPlusBefore)) {
    // Separators must be regular: pairs, or a 4-digit head then pairs («0751 84 29 06»).
    if (mixesSeparators(m[0])) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      type: 'TELEPHONE',
      confidence: 0.95,
      label: 'numéro de téléphone',
    });
  }
  return out;
}
