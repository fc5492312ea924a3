/** Shared by the anonymisation tests: the dev corpus and its caseload, read from fixtures. */
import { readFileSync } from 'node:fs';
import type { KnownPerson } from '../../shared/parcours';

const fixture = (name: string) => new URL(`../fixtures/anonymisation/${name}`, import.meta.url);

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
  role: string;
  text: string;
}
export interface CorpusDocument {
  id: string;
  genre: string;
  text: string;
  spans: GoldSpan[];
}

export function loadCorpus(): CorpusDocument[] {
  return readFileSync(fixture('dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusDocument);
}

/** The caseload spreadsheet as people, one code per row (PRE-2025-001…). */
export function loadCaseloadPeople(): { people: KnownPerson[]; referents: string[] } {
  const rows = readFileSync(fixture('caseload.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .slice(1)
    .map((line) => line.split(';'));
  const people: KnownPerson[] = [];
  const referents = new Set<string>();
  rows.forEach(([lastName, firstName, , , , referent, guardianLast, guardianFirst], index) => {
    const code = `PRE-2025-${String(index + 1).padStart(3, '0')}`;
    people.push({ code, kind: 'enfant', firstName: firstName!, lastName: lastName! });
    people.push({ code, kind: 'responsable', firstName: guardianFirst!, lastName: guardianLast! });
    if (referent) referents.add(referent);
  });
  return { people, referents: [...referents] };
}

export const DIRECT = new Set([
  'PERSONNE',
  'EMAIL',
  'TELEPHONE',
  'ADRESSE',
  'DATE_NAISSANCE',
  'NIR',
  'INE',
  'IBAN',
  'NUM_ALLOCATAIRE',
]);
