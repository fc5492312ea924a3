/**
 * Person names as typed: trimmed, spaces collapsed, capitalisation kept.
 * `splitFullName` separates «MEZIANE Rayane», «Rayane MEZIANE» and
 * «Mme Karima Meziane» into last and first name.
 */
import { collapseSpaces } from '../text';

const CIVILITY =
  /^(?:m\.|mr\.?|mme\.?|mlle\.?|mademoiselle|madame|monsieur|dr\.?|docteur|pr\.?)\s+/i;
const UPPER_WORD = /^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ]$|^[A-ZÀ-ÖØ-Þ]$/;
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'le',
  'la',
  'van',
  'von',
  'da',
  'dos',
  'das',
  'di',
  'ben',
  'bin',
  'el',
  'al',
  'ould',
  'ait',
]);

export function normaliseName(input: unknown): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  const text = collapseSpaces(String(input)).replace(/\s*-\s*/g, '-');
  return text || undefined;
}

export interface SplitName {
  lastName?: string;
  firstName?: string;
}

/**
 * Splits a full name. Words in CAPITALS are the last name, whatever their
 * place; when case does not tell, `order` says which comes first (default:
 * «NOM Prénom», as in most caseload sheets).
 */
export function splitFullName(
  input: string,
  order: 'nom-prenom' | 'prenom-nom' = 'nom-prenom',
): SplitName {
  const text = normaliseName(input)?.replace(CIVILITY, '');
  if (!text) return {};
  const words = text.split(' ');
  if (words.length === 1) return { lastName: words[0] };

  const isUpper = words.map(
    (w) => UPPER_WORD.test(w) && w.replace(/[^A-ZÀ-ÖØ-Þ]/g, '').length >= 2,
  );
  const upperCount = isUpper.filter(Boolean).length;
  if (upperCount > 0 && upperCount < words.length) {
    const first = isUpper[0];
    // Capitals form one block at the start or at the end.
    const boundary = first ? isUpper.indexOf(false) : isUpper.indexOf(true);
    const head = words.slice(0, boundary).join(' ');
    const tail = words.slice(boundary).join(' ');
    const tailAllUpper = isUpper.slice(boundary).every(Boolean);
    if (first) return { lastName: head, firstName: tail };
    if (tailAllUpper) return { firstName: head, lastName: tail };
  }
  if (order === 'nom-prenom') {
    // Particles stay with the last name: «Ben Salah Yanis», «de La Fontaine Jean».
    let cut = 1;
    while (cut < words.length - 1 && PARTICLES.has(words[cut - 1]!.toLowerCase())) cut++;
    return { lastName: words.slice(0, cut).join(' '), firstName: words.slice(cut).join(' ') };
  }
  let cut = words.length - 1;
  while (cut > 1 && PARTICLES.has(words[cut - 1]!.toLowerCase())) cut--;
  return { firstName: words.slice(0, cut).join(' '), lastName: words.slice(cut).join(' ') };
}

/** «Rayane MEZIANE» → «R. M.» (the internal minutes may show initials). */
export function initialsOf(firstName?: string, lastName?: string): string {
  const initial = (name?: string) =>
    name
      ? name
          .split(/[\s-]+/)
          // Lower-case particles («de», «du») give no initial; «DA SILVA» gives «D.S.».
          .filter((part) => part && !PARTICLES.has(part))
          .map((part) => `${part[0]!.toUpperCase()}.`)
          .join('')
      : '';
  return [initial(firstName), initial(lastName)].filter(Boolean).join(' ');
}
