/**
 * Drafts against the caseload (through the `CaseloadLookup` port): a child
 * already followed gets an update proposal, field by field, instead of a new
 * record; a new child is proposed as such.
 */
import {
  foldText,
  type CaseloadLookup,
  type ParcoursDraft,
  type ParcoursRecord,
} from '../parcours';

export interface FieldChange {
  /** Dictionary key, e.g. `child.grade`, `referral.reasons`. */
  field: string;
  current?: unknown;
  proposed: unknown;
}

export type CaseloadMatch =
  | { kind: 'nouveau' }
  | { kind: 'mise_a_jour'; code: string; changes: FieldChange[] }
  | { kind: 'ambigu'; codes: string[] };

function flatten(value: unknown, prefix: string, out: Record<string, unknown>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) out[prefix] = value;
  return out;
}

/** Equal, or the same text in other capitals or accents («Ghalem» / «GHALEM»). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return foldText(a) === foldText(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields of the draft that differ from the record (arrays compared as JSON). */
export function diffDraft(record: ParcoursRecord, draft: ParcoursDraft): FieldChange[] {
  const current = flatten(record, '', {});
  const proposed = flatten(draft, '', {});
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(proposed)) {
    if (field === 'id' || field === 'code' || field === 'child.age') continue;
    if (same(current[field], value)) continue;
    changes.push({
      field,
      ...(current[field] !== undefined ? { current: current[field] } : {}),
      proposed: value,
    });
  }
  return changes;
}

export async function matchCaseload(
  draft: ParcoursDraft,
  lookup: CaseloadLookup,
): Promise<CaseloadMatch> {
  const { firstName, lastName, birthDate } = draft.child;
  if (!firstName || !lastName) return { kind: 'nouveau' };
  let found = await lookup.findChildren({
    firstName,
    lastName,
    ...(birthDate ? { birthDate } : {}),
  });
  if (!found.length && birthDate) found = [];
  if (found.length === 1)
    return { kind: 'mise_a_jour', code: found[0]!.code, changes: diffDraft(found[0]!, draft) };
  if (found.length > 1) return { kind: 'ambigu', codes: found.map((r) => r.code) };
  return { kind: 'nouveau' };
}
