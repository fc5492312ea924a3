/**
 * An imported row over the record the caseload already holds: stated fields
 * win, the others are kept; the differences are listed field by field so the
 * user confirms them before anything is saved.
 */
import { fieldLabel, type ParcoursDraft, type ParcoursRecord } from '../parcours';
import type { FieldChange } from './types';

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeValue(before: unknown, stated: unknown): unknown {
  if (stated === undefined) return before;
  if (isObject(before) && isObject(stated)) {
    const out: Plain = { ...before };
    for (const [k, v] of Object.entries(stated)) out[k] = mergeValue(before[k], v);
    return out;
  }
  // Guardians merge position by position: the sheet's first guardian over the record's first.
  if (
    Array.isArray(before) &&
    Array.isArray(stated) &&
    stated.every(isObject) &&
    before.every(isObject)
  ) {
    const length = Math.max(before.length, stated.length);
    return Array.from({ length }, (_, i) => mergeValue(before[i], stated[i]));
  }
  return stated;
}

export function mergeStated(existing: ParcoursRecord, stated: ParcoursDraft): ParcoursRecord {
  const { code: _code, id: _id, ...fields } = stated;
  return mergeValue(existing, fields) as ParcoursRecord;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value) && value.some(isObject)) {
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  } else if (value !== undefined) out.set(prefix, value);
}

export function diffRecords(before: ParcoursRecord, after: ParcoursRecord): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const changes: FieldChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (key === 'id' || key === 'code') continue;
    const was = a.get(key);
    const now = b.get(key);
    if (JSON.stringify(was) !== JSON.stringify(now))
      changes.push({ key, label: fieldLabel(key), before: was, after: now });
  }
  return changes;
}
