/** Merging two versions of the same child's record without losing what either knows. */
import type { ParcoursRecord } from '../parcours';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` wins where it has a value; nested objects merge; arrays are taken whole. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const prior = out[key];
    out[key] = isPlainObject(prior) && isPlainObject(value) ? deepMerge(prior, value) : value;
  }
  return out;
}

/**
 * The same child seen twice. `prefer` says whose values win on conflict:
 * an import updates (`incoming`), a restore from an older backup only fills
 * gaps (`existing`). The stored id and code always stay: a code is never renumbered.
 */
export function mergeRecords(
  existing: ParcoursRecord,
  incoming: Omit<ParcoursRecord, 'id' | 'code'>,
  prefer: 'incoming' | 'existing',
): ParcoursRecord {
  const a = existing as unknown as Record<string, unknown>;
  const b = incoming as unknown as Record<string, unknown>;
  const merged = prefer === 'incoming' ? deepMerge(a, b) : deepMerge(b, a);
  return { ...(merged as unknown as ParcoursRecord), id: existing.id, code: existing.code };
}
