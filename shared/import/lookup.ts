/** A `CaseloadLookup` over records already in memory (a caseload file, a test). */
import { childIdentityKey, foldText, type CaseloadLookup, type ParcoursRecord } from '../parcours';

export function lookupFromRecords(records: readonly ParcoursRecord[]): CaseloadLookup {
  const byName = new Map<string, ParcoursRecord[]>();
  for (const record of records) {
    const key = `${foldText(record.child.lastName)}|${foldText(record.child.firstName)}`;
    byName.set(key, [...(byName.get(key) ?? []), record]);
  }
  return {
    async findChildren(query) {
      const found =
        byName.get(`${foldText(query.lastName ?? '')}|${foldText(query.firstName ?? '')}`) ?? [];
      return query.birthDate
        ? found.filter((r) => childIdentityKey(r.child) === childIdentityKey(query))
        : found;
    },
    async allCodes() {
      return records.map((r) => r.code);
    },
  };
}
