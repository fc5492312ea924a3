/**
 * The record editor's model: the form fields of the data dictionary (labels
 * from shared/parcours), reading and writing a draft by dotted path, turning
 * the draft back into a record, and placing validateRecord's messages on the
 * fields they name.
 */
import {
  categories,
  domains,
  exitOutcomes,
  exitReasons,
  fieldLabel,
  fundings,
  grades,
  referralSources,
  relations,
  sexes,
  statuses,
  validateRecord,
  type ParcoursRecord,
  type Validation,
} from '../parcours';

type Choices = readonly { value: string; label: string }[];

export type FormField =
  | { key: string; label: string; kind: 'text' | 'date' | 'longText' }
  /** One value per line (objectives, EPS dates). */
  | { key: string; label: string; kind: 'lines' | 'dateLines' }
  | { key: string; label: string; kind: 'choice'; choices: Choices }
  | { key: string; label: string; kind: 'choices'; choices: Choices };

export interface FormSection {
  title: string;
  fields: FormField[];
}

/** A repeated group (guardians, actions): the fields of one item, keys relative to it. */
export interface FormGroup {
  key: 'guardians' | 'actions';
  title: string;
  itemTitle: string;
  addLabel: string;
  fields: FormField[];
}

function choicesOf(enumDef: { labels: Readonly<Record<string, string>> }): Choices {
  return Object.entries(enumDef.labels).map(([value, label]) => ({ value, label }));
}

const text = (key: string): FormField => ({ key, label: fieldLabel(key), kind: 'text' });
const date = (key: string): FormField => ({ key, label: fieldLabel(key), kind: 'date' });
const choice = (key: string, enumDef: { labels: Readonly<Record<string, string>> }): FormField => ({
  key,
  label: fieldLabel(key),
  kind: 'choice',
  choices: choicesOf(enumDef),
});
const relative = (group: string, field: FormField): FormField => ({
  ...field,
  label: fieldLabel(`${group}[].${field.key}`),
});

export const formSections: readonly FormSection[] = [
  {
    title: 'Enfant',
    fields: [
      text('child.lastName'),
      text('child.firstName'),
      date('child.birthDate'),
      choice('child.sex', sexes),
      text('child.school'),
      choice('child.grade', grades),
      text('child.schoolProgramme'),
      text('child.neighbourhood'),
      text('child.town'),
      text('child.ine'),
    ],
  },
  {
    title: 'Parcours',
    fields: [
      choice('status', statuses),
      text('referent'),
      date('referral.date'),
      choice('referral.source', referralSources),
      text('referral.referrer'),
      { key: 'referral.reasons', label: fieldLabel('referral.reasons'), kind: 'longText' },
      {
        key: 'domains',
        label: fieldLabel('domains'),
        kind: 'choices',
        choices: choicesOf(domains),
      },
      {
        key: 'category',
        label: fieldLabel('category'),
        kind: 'choice',
        choices: categories.values.map((c) => ({
          value: String(c),
          label: `${c} – ${categories.labels[c]}`,
        })),
      },
      date('firstContactDate'),
      { key: 'epsDates', label: fieldLabel('epsDates'), kind: 'dateLines' },
      date('consentDate'),
      { key: 'objectives', label: fieldLabel('objectives'), kind: 'lines' },
    ],
  },
  {
    title: 'Sortie',
    fields: [
      date('exit.date'),
      choice('exit.reason', exitReasons),
      choice('exit.outcome', exitOutcomes),
    ],
  },
  {
    title: 'Observations',
    fields: [{ key: 'notes', label: fieldLabel('notes'), kind: 'longText' }],
  },
];

export const formGroups: readonly FormGroup[] = [
  {
    key: 'guardians',
    title: 'Responsables légaux',
    itemTitle: 'Responsable',
    addLabel: 'Ajouter un responsable',
    fields: [
      text('lastName'),
      text('firstName'),
      choice('relation', relations),
      text('phone'),
      text('email'),
      text('address'),
    ].map((f) => relative('guardians', f)),
  },
  {
    key: 'actions',
    title: 'Actions',
    itemTitle: 'Action',
    addLabel: 'Ajouter une action',
    fields: [
      text('label'),
      choice('domain', domains),
      choice('funding', fundings),
      text('provider'),
      date('startDate'),
      date('endDate'),
    ].map((f) => relative('actions', f)),
  },
];

/** A record being edited: the same shape, values possibly empty or wrong. */
export type Draft = Record<string, unknown>;

export function readPath(draft: Draft, path: string): unknown {
  let value: unknown = draft;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A copy of `draft` with `path` set; an empty value removes the key. */
export function writePath(draft: Draft, path: string, value: unknown): Draft {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Draft = Array.isArray(draft) ? ([...draft] as unknown as Draft) : { ...draft };
  if (rest.length === 0) {
    if (isEmpty(value)) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  copy[head] = writePath(
    inner && typeof inner === 'object' ? (inner as Draft) : {},
    rest.join('.'),
    value,
  );
  return copy;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Drops empty strings, objects and lists, trims text: what is left is what the user gave. */
export function pruneDraft(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const items = value.map(pruneDraft).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, pruneDraft(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The draft as a record, checked by the dictionary's schema. */
export function checkDraft(draft: Draft): Validation<ParcoursRecord> {
  const pruned = (pruneDraft(draft) ?? {}) as Draft;
  const category = pruned.category;
  return validateRecord(
    typeof category === 'string' ? { ...pruned, category: Number(category) } : pruned,
  );
}

/**
 * validateRecord's details («Label : raison») grouped by field label, so each
 * message shows under the field it names; messages naming no field stay general.
 */
export function messagesByLabel(details: readonly string[], labels: readonly string[]) {
  const byLabel = new Map<string, string[]>();
  const general: string[] = [];
  for (const detail of details) {
    const label = labels
      .filter((l) => detail.startsWith(`${l} : `))
      .sort((a, b) => b.length - a.length)[0];
    if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), detail.slice(label.length + 3)]);
    else general.push(detail);
  }
  return { byLabel, general };
}

/** Every label the form shows, for `messagesByLabel`. */
export const formLabels: readonly string[] = [
  ...formSections.flatMap((s) => s.fields.map((f) => f.label)),
  ...formGroups.flatMap((g) => g.fields.map((f) => f.label)),
];
