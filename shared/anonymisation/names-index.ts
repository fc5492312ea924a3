/**
 * The caseload's names as the scanner sees them: folded names (one or several
 * words) → who carries them. Built from `KnownPerson[]` (full index, with codes)
 * or from a compact salted Bloom filter (Outlook on-send: no store, no codes).
 */
import { foldText, type KnownPerson } from '../parcours';
import { BloomFilter } from './bloom';

export type NameKind = 'enfant' | 'responsable' | 'fratrie' | 'professionnel';

export interface NameEntry {
  kind: NameKind;
  /** Which part of the name this is; `any` when the index cannot tell (Bloom filter). */
  part: 'first' | 'last' | 'any';
  /** Parcours code of the child the person belongs to (absent for professionals and Bloom). */
  code?: string;
  /** Folded full name of the person, stable inside one caseload. */
  personKey: string;
}

export interface NamesIndex {
  /** Who carries this folded name (one or more words, as `foldText` gives). */
  lookup(folded: string): readonly NameEntry[] | undefined;
  /** Same, allowing a small typo (bounded edit distance) on longer single words. */
  lookupFuzzy(folded: string): readonly NameEntry[] | undefined;
  /** Most words in one indexed name («dos santos» = 2). */
  readonly maxWords: number;
}

/** Edit distance capped at `max` (returns max + 1 beyond), on short strings. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Typos allowed for a word of this length: none under 6 letters, 1 up to 9, then 2. */
export function allowedTypos(length: number): number {
  return length < 6 ? 0 : length < 10 ? 1 : 2;
}

/** Name variants under which a written name may appear: whole, glued, each word. */
function variants(name: string): string[] {
  const folded = foldText(name);
  if (!folded) return [];
  const words = folded.split(' ');
  const out = new Set([folded, words.join('')]);
  // «Ben Salah» may be written «Bensalah», «N'Diaye» «Ndiaye»; each word alone is a surname too.
  for (const w of words) if (w.length >= 3) out.add(w);
  return [...out];
}

export interface NamesIndexOptions {
  /** Professionals' names (référents…), so their mentions get the right role. */
  professionals?: readonly string[];
}

/** Full index from the caseload's people (see `peopleFromRecords`). */
export function namesIndexFromPeople(
  people: readonly KnownPerson[],
  options: NamesIndexOptions = {},
): NamesIndex {
  const map = new Map<string, NameEntry[]>();
  let maxWords = 1;
  const add = (name: string | undefined, entry: NameEntry) => {
    if (!name) return;
    for (const key of variants(name)) {
      maxWords = Math.max(maxWords, key.split(' ').length);
      const list = map.get(key) ?? [];
      if (!list.some((e) => e.personKey === entry.personKey && e.part === entry.part)) {
        list.push(entry);
      }
      map.set(key, list);
    }
  };
  for (const person of people) {
    const personKey = foldText(`${person.lastName ?? ''} ${person.firstName ?? ''}`);
    const base = { kind: person.kind, code: person.code, personKey } as const;
    add(person.lastName, { ...base, part: 'last' });
    add(person.firstName, { ...base, part: 'first' });
  }
  for (const name of options.professionals ?? []) {
    const personKey = foldText(name);
    for (const word of personKey.split(' '))
      add(word, { kind: 'professionnel', part: 'any', personKey });
  }
  return fromMap(map, maxWords);
}

function fromMap(map: Map<string, NameEntry[]>, maxWords: number): NamesIndex {
  const byLength = new Map<number, string[]>();
  for (const key of map.keys()) {
    if (key.includes(' ')) continue;
    const list = byLength.get(key.length) ?? [];
    list.push(key);
    byLength.set(key.length, list);
  }
  return {
    maxWords,
    lookup: (folded) => map.get(folded),
    lookupFuzzy(folded) {
      const exact = map.get(folded);
      if (exact) return exact;
      const typos = allowedTypos(folded.length);
      if (!typos) return undefined;
      for (let length = folded.length - typos; length <= folded.length + typos; length++) {
        for (const key of byLength.get(length) ?? []) {
          if (allowedTypos(key.length) === 0) continue;
          if (boundedEditDistance(folded, key, typos) <= typos) return map.get(key);
        }
      }
      return undefined;
    },
  };
}

/** Serialisable compact form for runtimes without the store (Outlook on-send). */
export function namesBloomFromPeople(
  people: readonly KnownPerson[],
  options: { falsePositiveRate?: number; salt?: string } = {},
): BloomFilter {
  const keys = new Set<string>();
  for (const person of people) {
    for (const name of [person.firstName, person.lastName]) {
      if (name) for (const key of variants(name)) keys.add(key);
    }
  }
  const filter = BloomFilter.forCapacity(
    keys.size,
    options.falsePositiveRate ?? 0.001,
    options.salt,
  );
  for (const key of keys) filter.add(key);
  return filter;
}

/** Names index over a Bloom filter: knows that a name is in the caseload, not whose. */
export function namesIndexFromBloom(filter: BloomFilter): NamesIndex {
  const entry = (folded: string): NameEntry[] | undefined =>
    filter.has(folded) ? [{ kind: 'enfant', part: 'any', personKey: folded }] : undefined;
  return { maxWords: 3, lookup: entry, lookupFuzzy: entry };
}
