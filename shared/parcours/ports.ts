/**
 * What capabilities ask of the caseload, as plain interfaces (architecture.md:
 * capabilities depend on interfaces, not on the store). The store implements
 * them over IndexedDB; the command line over a caseload file; the Outlook
 * on-send runtime over a compact filter.
 */
import { foldText } from './text';
import type { ParcoursRecord } from './schema';

/** A person the caseload knows, tied to the child's parcours code. */
export interface KnownPerson {
  /** Parcours code of the child this person belongs to. */
  code: string;
  /** `enfant` is the child of the record; `responsable` a guardian; `fratrie` a sibling named in the record. */
  kind: 'enfant' | 'responsable' | 'fratrie';
  firstName?: string;
  lastName?: string;
  /** Guardian relation when known (mere, pere…). */
  relation?: string;
}

/** Everyone a caseload names: each child and each named guardian. */
export function peopleFromRecords(records: Iterable<ParcoursRecord>): KnownPerson[] {
  const people: KnownPerson[] = [];
  for (const record of records) {
    people.push({
      code: record.code,
      kind: 'enfant',
      firstName: record.child.firstName,
      lastName: record.child.lastName,
    });
    for (const guardian of record.guardians ?? []) {
      if (!guardian.firstName && !guardian.lastName) continue;
      people.push({
        code: record.code,
        kind: 'responsable',
        ...(guardian.firstName ? { firstName: guardian.firstName } : {}),
        ...(guardian.lastName ? { lastName: guardian.lastName } : {}),
        ...(guardian.relation ? { relation: guardian.relation } : {}),
      });
    }
  }
  return people;
}

/** The key under which two spellings of the same child meet: folded name + birth date. */
export function childIdentityKey(child: {
  lastName?: string;
  firstName?: string;
  birthDate?: string;
}): string {
  return [
    foldText(child.lastName ?? ''),
    foldText(child.firstName ?? ''),
    child.birthDate ?? '',
  ].join('|');
}

/** Finds existing children for the importer and the email extractor. */
export interface CaseloadLookup {
  /** Children matching name (accent- and case-insensitive) and, when given, birth date. */
  findChildren(query: {
    lastName?: string;
    firstName?: string;
    birthDate?: string;
  }): Promise<ParcoursRecord[]>;
  /** Every parcours code in use, so new codes never collide. */
  allCodes(): Promise<string[]>;
}

/**
 * `CaseloadLookup` over records held in memory (a caseload file, a test), with
 * the store's semantics: the names given match folded, and a birth date, when
 * given, must be the record's.
 */
export function caseloadLookupFromRecords(records: readonly ParcoursRecord[]): CaseloadLookup {
  const byLastName = new Map<string, ParcoursRecord[]>();
  for (const record of records) {
    const key = foldText(record.child.lastName);
    byLastName.set(key, [...(byLastName.get(key) ?? []), record]);
  }
  return {
    async findChildren(query) {
      const candidates =
        query.lastName !== undefined ? (byLastName.get(foldText(query.lastName)) ?? []) : records;
      return candidates.filter(
        (r) =>
          (query.firstName === undefined ||
            foldText(query.firstName) === foldText(r.child.firstName)) &&
          (!query.birthDate || r.child.birthDate === query.birthDate),
      );
    },
    async allCodes() {
      return records.map((r) => r.code);
    },
  };
}

/** A column mapping remembered per header signature (importer). */
export interface MappingMemory {
  recall(signature: string): Promise<Record<string, string> | undefined>;
  remember(signature: string, mapping: Record<string, string>): Promise<void>;
}

/** Stable pseudonyms for people outside the caseload, kept in the encrypted store. */
export interface PseudonymMemory {
  /** The label already given to this person key, if any. */
  recall(personKey: string): Promise<string | undefined>;
  remember(personKey: string, label: string): Promise<void>;
  /** Reverse lookup for de-pseudonymising a partner's reply locally. */
  resolve(label: string): Promise<string | undefined>;
}
