/** Checksums of French identifiers, computed digit by digit (no BigInt needed). */

/** Remainder of a decimal string modulo m, for numbers of any length. */
export function modString(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % m;
  return r;
}

/** NIR key: 97 − (13-digit number mod 97), with Corsica 2A → 19 and 2B → 18. */
export function nirKey(body13: string): number {
  const numeric = body13
    .toUpperCase()
    .replace(/^(\d{5})2A/, '$119')
    .replace(/^(\d{5})2B/, '$118');
  return 97 - modString(numeric, 97);
}

/** IBAN check: the four first characters moved to the end, letters as 10–35, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let digits = '';
  for (const ch of moved) digits += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  return modString(digits, 97) === 1;
}

/** Letters of a RIB account number as digits (A,J→1 … I,R→9, S→2 … Z→9). */
function ribDigits(text: string): string {
  const table = '123456789123456789234567890';
  return text.toUpperCase().replace(/[A-Z]/g, (ch) => table.charAt(ch.charCodeAt(0) - 65) || '0');
}

/** French RIB key: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97). */
export function ribKey(bank: string, branch: string, account: string): number {
  const b = modString(ribDigits(bank), 97);
  const g = modString(ribDigits(branch), 97);
  const a = modString(ribDigits(account), 97);
  return 97 - ((89 * b + 15 * g + 3 * a) % 97);
}
