/**
 * The caseload as the anonymisation core knows it: children and families by
 * name with their codes, and the référents as professionals. Undefined when
 * the caseload is locked (the core then reads names from context only).
 */
import { namesIndexFromPeople, type NamesIndex } from '../../../shared/anonymisation';
import type { CaseloadStore } from '../../../shared/store';
import { filterChoices } from '../../../shared/ui';

export async function caseloadNames(store: CaseloadStore | null): Promise<NamesIndex | undefined> {
  if (!store) return undefined;
  const referents = filterChoices(await store.allRecords()).referents;
  return namesIndexFromPeople(await store.knownPeople(), { professionals: referents });
}
