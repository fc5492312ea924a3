import { readFileSync } from 'node:fs';
import type { ParcoursRecord } from '../../shared/parcours';
import type { Bilan, IndicatorTable } from '../../shared/indicators';
export { memoryIO } from '../helpers/memory-io';

export const FIXTURE = 'tests/fixtures/indicators/caseload.json';

export function fixtureRecords(): ParcoursRecord[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { records: ParcoursRecord[] }).records;
}

export function table(bilan: Bilan, id: string): IndicatorTable {
  const found = bilan.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** Row key → count, zero rows left out, so expectations list only what is there. */
export function counts(t: IndicatorTable): Record<string, number> {
  return Object.fromEntries(t.rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
}
