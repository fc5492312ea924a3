/**
 * zod schemas of the data dictionary: the stored `ParcoursRecord`, the
 * `ParcoursDraft` that importers and extractors propose before a person
 * confirms it, and the `EpsSession`. Keys are exactly the dictionary's.
 */
// A namespace import: esbuild cannot shake `{ z }` (a re-exported namespace) and would
// bundle every zod locale and the JSON Schema tools into the pane (~350 KB minified).
import * as z from 'zod';
import {
  categories,
  decisions,
  domains,
  exitOutcomes,
  exitReasons,
  fundings,
  grades,
  referralSources,
  relations,
  sexes,
  situationKinds,
  statuses,
} from './enums';
import { isIsoDate } from './normalise/date';

const text = z.string().trim().min(1, 'ne peut pas être vide');
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, 'date invalide : attendu une date réelle au format AAAA-MM-JJ');

export const GuardianSchema = z.object({
  lastName: text.optional(),
  firstName: text.optional(),
  relation: z.enum(relations.values).optional(),
  phone: z
    .string()
    .regex(/^\+\d{9,14}$/, 'numéro invalide : attendu au format international (+33…)')
    .optional(),
  email: z.email('adresse électronique invalide').optional(),
  address: text.optional(),
});

export const ActionSchema = z.object({
  label: text,
  domain: z.enum(domains.values).optional(),
  funding: z.enum(fundings.values).optional(),
  provider: text.optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
});

const childShape = {
  lastName: text,
  firstName: text,
  birthDate: isoDateSchema.optional(),
  sex: z.enum(sexes.values).optional(),
  school: text.optional(),
  grade: z.enum(grades.values).optional(),
  schoolProgramme: text.optional(),
  neighbourhood: text.optional(),
  town: text.optional(),
  ine: z
    .string()
    .regex(/^[0-9A-Z]{11}$/i, 'INE invalide : 11 caractères attendus')
    .optional(),
};

const recordShape = {
  id: z.uuid('identifiant invalide'),
  code: text,
  child: z.object(childShape),
  guardians: z.array(GuardianSchema).optional(),
  referent: text.optional(),
  referral: z
    .object({
      date: isoDateSchema.optional(),
      source: z.enum(referralSources.values).optional(),
      referrer: text.optional(),
      reasons: text.optional(),
    })
    .optional(),
  domains: z.array(z.enum(domains.values)).optional(),
  category: z.union(categories.values.map((c) => z.literal(c))).optional(),
  firstContactDate: isoDateSchema.optional(),
  epsDates: z.array(isoDateSchema).optional(),
  consentDate: isoDateSchema.optional(),
  status: z.enum(statuses.values).optional(),
  objectives: z.array(text).optional(),
  actions: z.array(ActionSchema).optional(),
  exit: z
    .object({
      date: isoDateSchema.optional(),
      reason: z.enum(exitReasons.values).optional(),
      outcome: z.enum(exitOutcomes.values).optional(),
    })
    .optional(),
  notes: text.optional(),
};

export const ParcoursRecordSchema = z.object(recordShape);

/**
 * What an import or an email proposes: no id or code yet, names may be
 * missing; `child.age` holds an age stated without a birth date.
 */
export const ParcoursDraftSchema = z.object({
  ...recordShape,
  id: recordShape.id.optional(),
  code: recordShape.code.optional(),
  child: z.object({
    ...childShape,
    lastName: text.optional(),
    firstName: text.optional(),
    age: z.number().int().min(0).max(30).optional(),
  }),
});

export const MemberSchema = z.object({
  name: text,
  role: text.nullish(),
  institution: text.nullish(),
});

export const SituationSchema = z.object({
  code: text,
  initials: text.nullish(),
  age: z.number().int().min(0).max(30).nullish(),
  grade: z.enum(grades.values).nullish(),
  referent: text.nullish(),
  kind: z.enum(situationKinds.values).nullish(),
  summary: z.string().nullish(),
  decision: z.enum(decisions.values).nullish(),
  actions: z.array(ActionSchema).nullish(),
  nextReview: isoDateSchema.nullish(),
});

export const EpsSessionSchema = z.object({
  id: z.uuid().optional(),
  date: isoDateSchema,
  place: text.nullish(),
  territory: text.nullish(),
  chair: text.nullish(),
  members: z.array(MemberSchema).default([]),
  apologies: z.array(MemberSchema).default([]),
  situations: z.array(SituationSchema).default([]),
  nextSessionDate: isoDateSchema.nullish(),
});

export type Guardian = z.infer<typeof GuardianSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type ParcoursRecord = z.infer<typeof ParcoursRecordSchema>;
export type ParcoursDraft = z.infer<typeof ParcoursDraftSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type Situation = z.infer<typeof SituationSchema>;
export type EpsSession = z.infer<typeof EpsSessionSchema>;
