/** Text helpers every capability uses to compare what people type. */

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Removes diacritics and ligatures, keeps case: «Éloïse Œuvray» → «Eloise OEuvray». */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Case-, accent- and punctuation-insensitive key: «N’Diaye» and «n diaye» fold
 * alike. Apostrophes, hyphens, dots and spaces become single spaces.
 */
export function foldText(text: string): string {
  // Plain ASCII has no accent nor ligature: skipping the Unicode normalisation gives the same key, faster.
  return (isAscii(text) ? text : stripAccents(text))
    .toLowerCase()
    .replace(/[\s'’`´\-‐–—_.,;:/\\()[\]"«»]+/g, ' ')
    .trim();
}

/** Trims and collapses every kind of space (incl. non-breaking ones) to one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/g, ' ').trim();
}
