/**
 * One header → one dictionary key, with a confidence: the synonyms of
 * `recordFields`, compared accent-, case- and punctuation-insensitively, then
 * without small words, then with a relation («Tél. mère») or the child
 * («Classe de l’enfant») set aside, then fuzzily (typos, plurals).
 */
import { foldText, normaliseRelation, recordFields, type Relation } from '../parcours';

/** A column holding the child's whole name («NOM Prénom»): split on import. */
export const FULL_NAME_KEY = 'child.fullName';

export interface HeaderMatch {
  key: string;
  /** 1 for a listed synonym, lower for looser matches. */
  confidence: number;
  /** Guardian relation the header names («Nom de la mère» → mere). */
  relation?: Relation;
  /** «Prénom Nom» order of a full-name column. */
  nameOrder?: 'nom-prenom' | 'prenom-nom';
}

const STOPWORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'a',
  'au',
  'aux',
  'en',
  'et',
  'n',
  'no',
  'n°',
  'nº',
  'numero',
  'num',
]);
const GUARDIAN_WORDS = new Set([
  'mere',
  'pere',
  'maman',
  'papa',
  'tuteur',
  'tutrice',
  'parent',
  'parents',
  'responsable',
  'responsables',
  'legal',
  'legale',
  'representant',
  'famille',
]);
const CHILD_WORDS = new Set(['enfant', 'eleve', 'jeune', 'beneficiaire', 'mineur']);
const FULL_NAMES: Record<string, 'nom-prenom' | 'prenom-nom'> = {
  'nom prenom': 'nom-prenom',
  'prenom nom': 'prenom-nom',
  identite: 'nom-prenom',
  enfant: 'nom-prenom',
  eleve: 'nom-prenom',
  beneficiaire: 'nom-prenom',
  'nom complet': 'nom-prenom',
};
/** Keys a guardian column can take; a child key under a guardian word becomes the guardian one. */
const TO_GUARDIAN: Record<string, string> = {
  'child.lastName': 'guardians[].lastName',
  'child.firstName': 'guardians[].firstName',
  'guardians[].lastName': 'guardians[].lastName',
  'guardians[].firstName': 'guardians[].firstName',
  'guardians[].phone': 'guardians[].phone',
  'guardians[].email': 'guardians[].email',
  'guardians[].address': 'guardians[].address',
  'guardians[].relation': 'guardians[].relation',
  [FULL_NAME_KEY]: 'guardians[].lastName',
};

// Punctuation foldText keeps («Nom*», «Tél ?», «Date de naissance !») is noise in a header.
const fold = (text: string) =>
  foldText(text.replace(/[°º]/g, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    // «D.D.N.» → «ddn»
    .replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1');
const significant = (folded: string) =>
  folded
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .join(' ');
const withoutDigits = (folded: string) =>
  folded
    .replace(/\b\d+\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const exact = new Map<string, string>();
const loose = new Map<string, string>();
for (const field of recordFields) {
  if (field.key === 'id') continue;
  for (const synonym of [field.label, ...field.synonyms]) {
    const folded = fold(synonym);
    if (!exact.has(folded)) exact.set(folded, field.key);
    const short = significant(folded);
    if (short && !loose.has(short)) loose.set(short, field.key);
  }
}
const looseEntries = [...loose.entries()];

function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The key of a header with the guardian and child words set aside. */
function plainMatch(short: string): HeaderMatch | undefined {
  const full = FULL_NAMES[short];
  if (full) return { key: FULL_NAME_KEY, confidence: 0.95, nameOrder: full };
  const key = loose.get(short);
  if (key) return { key, confidence: 0.95 };
  if (short.length < 4 || short.length > 40) return undefined;
  // Typos and plurals: «Date de naisance», «Téléphones», «Statuts».
  let best: HeaderMatch | undefined;
  const compact = short.replace(/ /g, '');
  for (const [synonym, synonymKey] of looseEntries) {
    if (Math.abs(synonym.length - short.length) > 3 || synonym.length < 4) continue;
    const other = synonym.replace(/ /g, '');
    const ratio = 1 - levenshtein(compact, other) / Math.max(compact.length, other.length);
    if (ratio >= 0.84 && (!best || ratio > best.confidence))
      best = { key: synonymKey, confidence: Math.round(ratio * 0.95 * 100) / 100 };
  }
  if (best) return best;
  // A listed synonym inside a longer header: «Date de naissance (jj/mm/aaaa)», «École fréquentée».
  const words = short.split(' ');
  for (const [synonym, synonymKey] of looseEntries) {
    const parts = synonym.split(' ');
    // «Code» alone would take «Code postal»; short single words need a whole-word match elsewhere.
    if (parts.length === 1 && (synonym.length < 4 || synonym === 'code')) continue;
    if (parts.every((p) => words.includes(p))) {
      const coverage = parts.length / words.length;
      const confidence = Math.round((0.55 + 0.3 * coverage) * 100) / 100;
      if (!best || confidence > best.confidence) best = { key: synonymKey, confidence };
    }
  }
  return best;
}

const cache = new Map<string, HeaderMatch | null>();

export function matchHeader(header: string): HeaderMatch | undefined {
  const folded = fold(header);
  if (!folded) return undefined;
  const cached = cache.get(folded);
  if (cached !== undefined) return cached ?? undefined;
  let result = computeMatch(folded);
  // An explanation in brackets: «Date de naissance (jj/mm/aaaa)», «Statut (voir liste)».
  const bare = fold(header.replace(/\s+\([^)]*\)/g, ' '));
  if (bare && bare !== folded && (!result || result.confidence < 0.9)) {
    const inner = computeMatch(bare);
    if (inner && (!result || inner.confidence * 0.95 > result.confidence))
      result = { ...inner, confidence: Math.round(inner.confidence * 95) / 100 };
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(folded, result ?? null);
  return result;
}

function relationIn(words: string[]): Relation | undefined {
  for (const word of words) {
    if (!GUARDIAN_WORDS.has(word)) continue;
    const relation = normaliseRelation(word);
    if (relation.ok && relation.value !== 'autre') return relation.value;
  }
  return undefined;
}

function computeMatch(folded: string): HeaderMatch | undefined {
  const words = folded.split(' ');
  const relation = relationIn(words);
  const key = exact.get(folded);
  if (key)
    return relation && key.startsWith('guardians')
      ? { key, confidence: 1, relation }
      : { key, confidence: 1 };
  const short = significant(withoutDigits(folded));
  if (!short) return undefined;
  const shortWords = short.split(' ');
  const guardianWords = shortWords.filter((w) => GUARDIAN_WORDS.has(w));
  if (guardianWords.length && guardianWords.length < shortWords.length) {
    const rest = shortWords.filter((w) => !GUARDIAN_WORDS.has(w)).join(' ');
    const inner = plainMatch(rest);
    const guardianKey = inner && TO_GUARDIAN[inner.key];
    if (inner && guardianKey)
      return {
        key: guardianKey,
        confidence: Math.min(inner.confidence, 0.9),
        ...(relation ? { relation } : {}),
      };
  }
  const direct = plainMatch(short);
  if (direct) {
    if (relation && direct.key.startsWith('guardians')) return { ...direct, relation };
    return direct;
  }
  const childRest = shortWords.filter((w) => !CHILD_WORDS.has(w)).join(' ');
  if (childRest && childRest !== short) {
    const inner = plainMatch(childRest);
    if (inner && !inner.key.startsWith('guardians'))
      return { ...inner, confidence: Math.min(inner.confidence, 0.9) };
  }
  return undefined;
}
