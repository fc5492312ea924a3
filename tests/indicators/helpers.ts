import { readFileSync } from 'node:fs';
import type { CliIO } from '../../shared/cli';
import type { ParcoursRecord } from '../../shared/parcours';
import type { Bilan, IndicatorTable } from '../../shared/indicators';

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

export function memoryIO(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: () => {},
    endProgress: () => {},
    readStdin: async () => Buffer.from(''),
    env,
  };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}
