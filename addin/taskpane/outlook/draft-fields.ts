/**
 * A proposed parcours as the «Créer un parcours» view shows it: one line per
 * value (dictionary key, French label, the sentence it came from with the
 * value marked), corrections written back by key, and the record to save —
 * a new one, or the existing child's record with the accepted changes.
 */
import type { FieldChange, FieldProvenance } from '../../../shared/email';
import { fieldLabel, type ParcoursDraft, type ParcoursRecord } from '../../../shared/parcours';
import type { RecordInput } from '../../../shared/store';
import { writePath, type Draft } from '../../../shared/ui';

export interface DraftField {
  /** Dictionary key, array items by index: `guardians.0.phone`. */
  path: string;
  label: string;
  value: string | number | string[];
  /** Text fields are corrected in place; numbers and lists are shown as read. */
  editable: boolean;
  provenance?: FieldProvenance;
}

function leaves(value: unknown, path: string, out: [string, unknown][]) {
  if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
    value.forEach((item, i) => leaves(item, `${path}.${i}`, out));
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      leaves(inner, path ? `${path}.${key}` : key, out);
  } else if (value !== undefined && value !== null && value !== '') out.push([path, value]);
  return out;
}

export function draftFields(
  draft: ParcoursDraft,
  provenance: Readonly<Record<string, FieldProvenance>>,
): DraftField[] {
  return leaves(draft, '', []).map(([path, value]) => ({
    path,
    label: labelOf(path),
    value: value as DraftField['value'],
    editable: typeof value === 'string',
    ...(provenance[path] ? { provenance: provenance[path] } : {}),
  }));
}

/** `child.age` is the draft's own key (an age stated without a birth date). */
function labelOf(path: string): string {
  return path === 'child.age' ? 'Âge indiqué' : fieldLabel(path);
}

/** How a normalised value may be written in a message: ISO dates as dd/mm/yyyy, +33 phones as 0…. */
function writtenForms(value: string): RegExp[] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = [new RegExp(escape(value.trim()), 'i')];
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, y, m, d] = iso;
    forms.push(new RegExp(`0?${Number(d)}\\s?[/.-]\\s?0?${Number(m)}\\s?[/.-]\\s?${y}`));
  }
  const phone = /^\+33(\d{9})$/.exec(value);
  if (phone) forms.push(new RegExp(`0${[...phone[1]!].join('[\\s.\\u00a0-]?')}`));
  return forms;
}

/** The excerpt split around the value, when the value is written in it (any case, any usual form). */
export function markValue(
  excerpt: string,
  value: string,
): { before: string; match: string; after: string } | null {
  if (!value.trim()) return null;
  for (const form of writtenForms(value)) {
    const found = form.exec(excerpt);
    if (!found) continue;
    const end = found.index + found[0].length;
    return {
      before: excerpt.slice(0, found.index),
      match: found[0],
      after: excerpt.slice(end),
    };
  }
  return null;
}

/** The draft with the user's corrections (an emptied field is removed). */
export function correctedDraft(
  draft: ParcoursDraft,
  corrections: Readonly<Record<string, string>>,
): ParcoursDraft {
  let out = draft as unknown as Draft;
  for (const [path, value] of Object.entries(corrections)) out = writePath(out, path, value.trim());
  return out as unknown as ParcoursDraft;
}

/** A new child's record: «repéré» until the EPS decides; the stated age is not a record key. */
export function newRecordInput(draft: ParcoursDraft): RecordInput {
  const { age: _age, ...child } = draft.child;
  return { ...draft, child, status: draft.status ?? 'repere' } as RecordInput;
}

/** The existing record with the accepted changes. */
export function withChanges(
  record: ParcoursRecord,
  accepted: readonly FieldChange[],
): ParcoursRecord {
  let out = record as unknown as Draft;
  for (const change of accepted) out = writePath(out, change.field, change.proposed);
  return out as unknown as ParcoursRecord;
}
