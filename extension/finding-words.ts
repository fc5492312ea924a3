/**
 * French words for the kinds of identifiers, shared by the send guard's
 * question and the journal's name-free entries («2 noms, 1 NIR»).
 */
import type { FindingType } from '../shared/anonymisation';

const WORDS: Partial<Record<FindingType, [string, string]>> = {
  PERSONNE: ['nom', 'noms'],
  EMAIL: ['adresse électronique', 'adresses électroniques'],
  TELEPHONE: ['téléphone', 'téléphones'],
  ADRESSE: ['adresse', 'adresses'],
  DATE_NAISSANCE: ['date de naissance', 'dates de naissance'],
  NIR: ['NIR', 'NIR'],
  INE: ['INE', 'INE'],
  IBAN: ['IBAN ou RIB', 'IBAN ou RIB'],
  NUM_ALLOCATAIRE: ['numéro allocataire', 'numéros allocataire'],
};

export type TypeCounts = Partial<Record<FindingType, number>>;

export const typeWord = (type: FindingType, plural = false): string =>
  WORDS[type]?.[plural ? 1 : 0] ?? type;

export function countByType(types: Iterable<FindingType>): TypeCounts {
  const counts: TypeCounts = {};
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** «2 noms, 1 NIR» (no value, only how many of each kind). */
export function describeCounts(counts: TypeCounts): string {
  const parts = Object.entries(counts).map(
    ([type, n]) => `${n} ${typeWord(type as FindingType, (n ?? 0) > 1)}`,
  );
  return parts.length ? parts.join(', ') : 'aucun identifiant';
}
