/**
 * The first-name list (see data/README.md), decoded once on first use so that
 * loading the command line costs nothing until a text is scanned.
 */
import { FIRST_NAMES_FRONT_CODED } from './data/first-names.data';

let decoded: Set<string> | undefined;

function decode(coded: string): Set<string> {
  const names = new Set<string>();
  let previous = '';
  let i = 0;
  while (i < coded.length) {
    const shared = coded.charCodeAt(i++) - 48;
    let j = i;
    while (j < coded.length && (coded.charCodeAt(j) < 48 || coded.charCodeAt(j) > 57)) j++;
    previous = previous.slice(0, shared) + coded.slice(i, j);
    names.add(previous);
    i = j;
  }
  return names;
}

/** Whether a folded word is a known first name. */
export function isFirstName(folded: string): boolean {
  decoded ??= decode(FIRST_NAMES_FRONT_CODED);
  return decoded.has(folded);
}
