/**
 * A pasted text's findings as the screens show them: spans to highlight with
 * their reasons, and list entries by person (line number as the place, never
 * the value). Types only from the anonymisation core: the screens load it lazily.
 */
import type { Finding } from '../anonymisation';
import type { LabelledSpan } from './referral-model';
import type { ListedFinding } from './findings-list';

const roleLabels: Record<Finding['role'], string> = {
  beneficiaire: 'Enfant ou famille suivis',
  professionnel: 'Professionnels',
  institution: 'Institutions',
  public: 'Public',
};

export function findingSpans(findings: readonly Finding[]): LabelledSpan[] {
  return findings.map((f) => ({ start: f.start, end: f.end, label: f.label }));
}

/** «ligne 3» for the finding's start: where to look without repeating the value. */
function lineOf(text: string, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return `ligne ${line}`;
}

export function listedFindings(text: string, findings: readonly Finding[]): ListedFinding[] {
  return findings.map((f) => ({
    cell: lineOf(text, f.start),
    type: f.type,
    reason: f.label,
    person: f.code ?? roleLabels[f.role],
  }));
}
