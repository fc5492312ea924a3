/**
 * A referral email's drafts as the review screen shows them: each field with
 * its French label, readable value and the sentence it came from; a text
 * cut into plain and highlighted segments (fields read, findings); and the draft turned
 * into what the store takes (a new child, or the fields to update).
 */
import type { DraftWithProvenance, FieldProvenance } from '../email';
import {
  domains,
  formatFrenchPhone,
  formatShortFrenchDate,
  grades,
  labelOf,
  recordFields,
  referralSources,
  relations,
  sexes,
  type ParcoursDraft,
  type ParcoursRecord,
} from '../parcours';
import type { RecordInput } from '../store';

export interface ProvenanceLine {
  key: string;
  label: string;
  value: string;
  provenance?: FieldProvenance;
}

export interface TextSegment {
  text: string;
  /** Labels of the spans covering this stretch of text (none: plain text). */
  fields: string[];
}

const enumOf: Record<string, { labels: Readonly<Record<string, string>> }> = {
  'child.grade': grades,
  'child.sex': sexes,
  'referral.source': referralSources,
  'guardians[].relation': relations,
  domains,
};

const genericKey = (key: string) => key.replace(/\.\d+(?=\.|$)/g, '[]');

function fieldLabel(key: string): string {
  const generic = genericKey(key);
  if (key === 'child.age') return 'Âge';
  const label = recordFields.find((f) => f.key === generic)?.label ?? key;
  const index = /^guardians\.(\d+)\./.exec(key)?.[1];
  return index === undefined ? label : `${label} (responsable ${Number(index) + 1})`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function display(key: string, value: unknown): string {
  const labels = enumOf[genericKey(key)];
  const one = (v: unknown) => {
    const text = String(v);
    if (labels) return labelOf(labels, text);
    if (ISO_DATE.test(text)) return formatShortFrenchDate(text);
    return key.endsWith('.phone') ? formatFrenchPhone(text) : text;
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

function flatten(value: unknown, prefix: string, out: [string, unknown][]) {
  if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) {
    out.push([prefix, value]);
  }
  return out;
}

/** Every field the email gave, in the draft's order, with where it was read. */
export function provenanceLines(found: DraftWithProvenance): ProvenanceLine[] {
  return flatten(found.draft, '', []).map(([key, value]) => {
    const provenance = found.provenance[key];
    return {
      key,
      label: fieldLabel(key),
      value: display(key, value),
      ...(provenance ? { provenance } : {}),
    };
  });
}

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

/** Where each field was read in the message text (fields read from headers have no span). */
export function provenanceSpans(lines: readonly ProvenanceLine[]): LabelledSpan[] {
  return lines.flatMap((l) => {
    const p = l.provenance;
    return p && p.start !== undefined && p.end !== undefined && p.end > p.start
      ? [{ start: p.start, end: p.end, label: l.label }]
      : [];
  });
}

/** A text cut at every span's edges, each piece with the labels of the spans covering it. */
export function highlightSegments(text: string, spans: readonly LabelledSpan[]): TextSegment[] {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((c) => c >= 0 && c <= text.length)
    .sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const labels = [
      ...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.label)),
    ];
    const last = segments[segments.length - 1];
    if (last && last.fields.join('\n') === labels.join('\n')) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), fields: labels });
  }
  return segments;
}

/**
 * The draft as a new record for the store, or why it cannot be one yet. An
 * age stated without a birth date stays in the draft only (the record keeps
 * dates); a new referral waits for the EPS.
 */
export function recordFromDraft(draft: ParcoursDraft): RecordInput | { missing: string[] } {
  const missing = [
    ...(draft.child.lastName ? [] : ['Nom']),
    ...(draft.child.firstName ? [] : ['Prénom']),
  ];
  if (missing.length) return { missing };
  const { age: _age, ...child } = draft.child;
  return {
    ...draft,
    child: { ...child, lastName: draft.child.lastName!, firstName: draft.child.firstName! },
    status: draft.status ?? 'attente_eps',
  };
}

/** A known child's record with what the email adds or corrects (its lists replace the old). */
export function recordUpdatedBy(record: ParcoursRecord, draft: ParcoursDraft): ParcoursRecord {
  const { age: _age, lastName, firstName, ...child } = draft.child;
  return {
    ...record,
    ...(draft.guardians?.length ? { guardians: draft.guardians } : {}),
    ...(draft.domains?.length ? { domains: draft.domains } : {}),
    ...(draft.referral ? { referral: { ...record.referral, ...draft.referral } } : {}),
    child: {
      ...record.child,
      ...child,
      ...(lastName ? { lastName } : {}),
      ...(firstName ? { firstName } : {}),
    },
  };
}
