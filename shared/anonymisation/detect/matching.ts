/**
 * Regex matching without a leading lookbehind: a lookbehind first stops the
 * engine from skipping ahead by first characters, so it runs at every position.
 */

// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
export const ENDS_WITH_LETTER = /\p{L}$/u;
export const ENDS_WITH_LETTER_OR_DIGIT = /[\p{L}\d]$/u;
export const ENDS_WITH_ASCII_ALNUM = /[\dA-Za-z]$/;

/**
 * `text.matchAll(re)` for a global regex that must not start right after a
 * character `before` matches (tested on the two code units before, as the
 * character may lie outside the basic plane): a match found there is dropped
 * and the search resumes one character further, exactly as a leading negative
 * lookbehind would behave.
 */
export function* matchesNotAfter(
  text: string,
  re: RegExp,
  before: RegExp,
): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && before.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}
