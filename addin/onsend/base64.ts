/**
 * `atob` for the on-send runtime: the names filter is stored in base64, and
 * the JavaScript-only runtime of classic Outlook on Windows promises no web
 * API beyond the language itself. Installed only where `atob` is missing.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 → binary string, as `atob`; throws on a character outside the alphabet. */
export function decodeBase64(text: string): string {
  const clean = text.replace(/[\s=]+$/g, '').replace(/\s+/g, '');
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error('invalid base64');
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

export function installBase64Decoder(scope: { atob?: (text: string) => string }): void {
  if (typeof scope.atob !== 'function') scope.atob = decodeBase64;
}
