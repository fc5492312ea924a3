/**
 * French phone numbers in any written form → E.164 (`+33612345678`): spaces,
 * dots, dashes, run together, +33 / 0033 / (0), a number that lost its leading
 * zero in a spreadsheet (612345678). A number written the national way
 * (0694…, 0262…) stays `+33…` as the data dictionary says, overseas ones
 * included; one written with its own country code (+262, 00590) keeps it.
 */
import { accept, reject, type Normalised } from './result';

export function normalisePhone(input: unknown): Normalised<string> {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input <= 0)
      return reject(`numéro de téléphone illisible : ${input}`);
    input = String(input);
  }
  if (typeof input !== 'string' || !input.trim()) return reject('numéro de téléphone manquant');
  const raw = input.trim();
  if (/[a-z]/i.test(raw.replace(/^(t[ée]l\.?|portable|fixe)\s*:?\s*/i, ''))) {
    return reject(`numéro de téléphone illisible : « ${raw} »`);
  }
  let digits = raw.replace(/\(0\)/g, '').replace(/[\s.\-/()\u00a0\u202f]/g, '');
  if (/^\+/.test(digits)) digits = `00${digits.slice(1)}`;
  if (!/^\d+$/.test(digits)) return reject(`numéro de téléphone illisible : « ${raw} »`);

  if (digits.startsWith('0033')) digits = digits.slice(4);
  else if (/^00(590|594|596|262|508|269)/.test(digits)) {
    const rest = digits.slice(5);
    if (rest.length === 9) return accept(`+${digits.slice(2, 5)}${rest}`);
    return reject(`numéro de téléphone incomplet : « ${raw} »`);
  } else if (digits.startsWith('00')) {
    return digits.length >= 11 && digits.length <= 17
      ? accept(`+${digits.slice(2)}`)
      : reject(`numéro de téléphone illisible : « ${raw} »`);
  } else if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1);
  else if (digits.length === 11 && digits.startsWith('33')) digits = digits.slice(2);

  if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1); // +33 0 6…
  if (digits.length !== 9 || digits.startsWith('0')) {
    return reject(`numéro de téléphone incomplet ou trop long : « ${raw} » (10 chiffres attendus)`);
  }
  return accept(`+33${digits}`);
}

/** «+33612345678» → «06 12 34 56 78» for display. */
export function formatFrenchPhone(e164: string): string {
  const m = /^\+(33|590|594|596|262|508)(\d{9})$/.exec(e164);
  if (!m) return e164;
  return `0${m[2]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}
