/**
 * Searching, filtering and paging the caseload list: plain functions over
 * records, so the list stays quick with 1 000+ children and is tested
 * without a browser.
 */
import { foldText, type ParcoursRecord, type Status } from '../parcours';

export interface CaseloadFilter {
  /** Words to find in the name, code, school or référent (accents and case ignored). */
  text: string;
  status: Status | '';
  referent: string;
  school: string;
}

export const EMPTY_FILTER: CaseloadFilter = { text: '', status: '', referent: '', school: '' };

/**
 * What one line of the list searches in, folded once per record, with a
 * spaceless copy so «ndiaye» finds «N'Diaye» and «benali» finds «Ben Ali».
 */
function searchKey(record: ParcoursRecord): string {
  const { child } = record;
  const folded = foldText(
    [child.lastName, child.firstName, record.code, child.school, record.referent]
      .filter(Boolean)
      .join(' '),
  );
  return `${folded} | ${folded.replace(/ /g, '')}`;
}

const keys = new WeakMap<ParcoursRecord, string>();
function cachedKey(record: ParcoursRecord): string {
  let key = keys.get(record);
  if (key === undefined) {
    key = searchKey(record);
    keys.set(record, key);
  }
  return key;
}

export function filterCaseload(
  records: readonly ParcoursRecord[],
  filter: CaseloadFilter,
): ParcoursRecord[] {
  const words = foldText(filter.text).split(' ').filter(Boolean);
  return records.filter(
    (record) =>
      (!filter.status || record.status === filter.status) &&
      (!filter.referent || record.referent === filter.referent) &&
      (!filter.school || record.child.school === filter.school) &&
      words.every((word) => cachedKey(record).includes(word)),
  );
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Alphabetical by last name then first name, as a team's list reads. */
export function sortCaseload(records: readonly ParcoursRecord[]): ParcoursRecord[] {
  return [...records].sort(
    (a, b) =>
      collator.compare(a.child.lastName, b.child.lastName) ||
      collator.compare(a.child.firstName, b.child.firstName) ||
      collator.compare(a.code, b.code),
  );
}

/** The référents and schools present, sorted, to fill the filters. */
export function filterChoices(records: readonly ParcoursRecord[]): {
  referents: string[];
  schools: string[];
} {
  const referents = new Set<string>();
  const schools = new Set<string>();
  for (const record of records) {
    if (record.referent) referents.add(record.referent);
    if (record.child.school) schools.add(record.child.school);
  }
  return {
    referents: [...referents].sort(collator.compare),
    schools: [...schools].sort(collator.compare),
  };
}

export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages that exist. */
  index: number;
  count: number;
  total: number;
}

export const PAGE_SIZE = 25;

export function pageOf<T>(items: readonly T[], index: number, size = PAGE_SIZE): Page<T> {
  const count = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, index), count - 1);
  return {
    items: items.slice(clamped * size, (clamped + 1) * size),
    index: clamped,
    count,
    total: items.length,
  };
}
