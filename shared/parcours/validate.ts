/** Validation with French messages that name the field by its dictionary label. */
import type { z } from 'zod';
import { PasserelleError } from './errors';
import { fieldLabel, sessionFieldLabels } from './fields';
import {
  EpsSessionSchema,
  ParcoursDraftSchema,
  ParcoursRecordSchema,
  type EpsSession,
  type ParcoursDraft,
  type ParcoursRecord,
} from './schema';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: PasserelleError };

function describeIssue(issue: z.core.$ZodIssue, labelOf: (key: string) => string): string {
  const key = issue.path.map(String).join('.');
  const label = key ? labelOf(key) : 'Fiche';
  let reason = issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    reason = 'champ obligatoire manquant';
  else if (issue.code === 'invalid_value') reason = `valeur inconnue « ${String(issue.input)} »`;
  else if (issue.code === 'invalid_type') reason = 'type de valeur incorrect';
  else if (issue.code === 'too_small' && issue.origin === 'string')
    reason = 'ne peut pas être vide';
  return `${label} : ${reason}`;
}

function validateWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  what: string,
  labelOf: (key: string) => string,
): Validation<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const details = result.error.issues.map((issue) => describeIssue(issue, labelOf));
  const first = result.error.issues[0];
  const field = first ? labelOf(first.path.map(String).join('.')) : undefined;
  return {
    ok: false,
    error: new PasserelleError(
      'record/invalid',
      `${what} n’est pas valide : corrigez ${details.length > 1 ? 'les champs signalés' : 'le champ signalé'}.`,
      field ? { field } : {},
      details,
    ),
  };
}

const sessionLabel = (key: string) =>
  sessionFieldLabels[key.replace(/\.\d+(?=\.|$)/g, '[]').replace(/\[\]$/, '')] ??
  sessionFieldLabels[key.replace(/\.\d+(?=\.|$)/g, '[]')] ??
  key;

export function validateRecord(input: unknown): Validation<ParcoursRecord> {
  return validateWith(ParcoursRecordSchema, input, 'La fiche parcours', fieldLabel);
}

export function validateDraft(input: unknown): Validation<ParcoursDraft> {
  return validateWith(ParcoursDraftSchema, input, 'La proposition de fiche', fieldLabel);
}

export function validateSession(input: unknown): Validation<EpsSession> {
  return validateWith(EpsSessionSchema, input, 'La séance d’EPS', sessionLabel);
}
