/**
 * One data row → what it states (a draft with dictionary keys), or why it is
 * not a record: blank, totals, notes and legends are skipped; a row with no
 * name or an impossible birth date is rejected; other unreadable cells are
 * reported and left empty.
 */
import { splitFullName, type GradeValue, type ParcoursDraft } from '../parcours';
import { coerceCell, cellText, type CoerceContext } from './coerce';
import { isFilled, type CellValue } from './grid';
import { FULL_NAME_KEY } from './header-match';
import { MULTI_KEYS } from './sheet-layout';
import type { ColumnMapping, CellIssue } from './types';

export type RowReading =
  | { kind: 'skip'; reason: string }
  | { kind: 'bad'; reason: string; issues: CellIssue[] }
  | { kind: 'record'; stated: ParcoursDraft; issues: CellIssue[] };

export interface RowContext extends CoerceContext {
  sheet: string | null;
  columns: ColumnMapping[];
  referent?: string;
}

const TOTAL_ROW = /^(total|totaux|sous.total|nombre|nb|effectif|moyenne|somme|cumul)\b/;
const NOTE_ROW =
  /^(\*|nb\b|n\.b|note|l[ée]gende|source|remarque|mise? [àa] jour|maj\b|attention|rappel|\()/;

/** Rows that are neither records nor errors (checked without allocating: it runs on every row). */
function skipReason(row: CellValue[], columns: ColumnMapping[]): string | undefined {
  let filled = 0;
  let mapped = 0;
  let first: CellValue = null;
  let repeats = 0;
  let firstName = false;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (!isFilled(value)) continue;
    if (filled++ === 0) first = value;
    const column = columns[c];
    if (column?.key) mapped++;
    if (column?.key === 'child.firstName' && /\p{L}/u.test(String(value))) firstName = true;
    if (typeof value === 'string' && value.trim() === column?.header) repeats++;
  }
  if (filled === 0) return 'ligne vide';
  const start = String(first).trim().slice(0, 16).toLowerCase();
  if (TOTAL_ROW.test(start) && !firstName) return 'ligne de total';
  if (filled === 1) {
    const text = String(first).trim();
    if (NOTE_ROW.test(start) || text.length > 40 || text.includes(':')) return 'note ou légende';
  }
  if (repeats >= Math.max(2, filled / 2)) return 'en-tête répété';
  if (mapped === 0) return 'aucune donnée dans les colonnes reconnues';
  return undefined;
}

function place(context: RowContext, row: number): string {
  return context.sheet !== null ? `Feuille ${context.sheet}, ligne ${row}` : `Ligne ${row}`;
}

type Draft = Record<string, unknown> & { child: Record<string, unknown> };

const paths = new Map<string, string[]>();
function pathOf(key: string): string[] {
  let parts = paths.get(key);
  if (!parts) paths.set(key, (parts = key.split('.')));
  return parts;
}

/** The object holding the last part of a dotted key, created on the way. */
function parentOf(target: Record<string, unknown>, parts: string[]): Record<string, unknown> {
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    node[parts[i]!] ??= {};
    node = node[parts[i]!] as Record<string, unknown>;
  }
  return node;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = pathOf(key);
  parentOf(target, parts)[parts[parts.length - 1]!] = value;
}

/** Several columns for one key: lists are concatenated, texts joined line by line. */
function append(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = pathOf(key);
  const parent = parentOf(target, parts);
  const last = parts[parts.length - 1]!;
  const current = parent[last];
  if (Array.isArray(value)) parent[last] = [...((current as unknown[]) ?? []), ...value];
  else parent[last] = current === undefined ? value : `${String(current)}\n${String(value)}`;
}

export function readRow(
  row: CellValue[],
  formats: Array<string | null> | undefined,
  userRow: number,
  context: RowContext,
): RowReading {
  const skip = skipReason(row, context.columns);
  if (skip) return { kind: 'skip', reason: skip };

  const draft: Draft = { child: {} };
  const guardians: Array<Record<string, unknown>> = [];
  const action: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  const blocking: string[] = [];
  let fullName: { text: string; order: 'nom-prenom' | 'prenom-nom' } | undefined;
  let programmeStated = false;
  let gradeProgramme: string | undefined;

  for (const column of context.columns) {
    const value = row[column.column];
    if (!column.key || !isFilled(value)) continue;
    const key = column.key;
    if (key === FULL_NAME_KEY) {
      fullName = { text: cellText(value), order: column.nameOrder ?? 'nom-prenom' };
      continue;
    }
    const result = coerceCell(key, value, formats?.[column.column], context);
    if (!result.ok) {
      const issue: CellIssue = {
        sheet: context.sheet,
        row: userRow,
        column: column.header,
        reason: result.reason,
        message: `${place(context, userRow)}, colonne ${column.header} : ${result.reason}`,
      };
      issues.push(issue);
      if (key === 'child.birthDate')
        blocking.push(
          `date de naissance ${result.reason.replace(/^date /, '')} (colonne ${column.header})`,
        );
      continue;
    }
    const typed = result.value;
    if (typed === undefined) continue;
    if (key.startsWith('guardians[].')) {
      const index = column.guardian ?? 0;
      while (guardians.length <= index) guardians.push({});
      guardians[index]![key.slice('guardians[].'.length)] = typed;
    } else if (key === 'actions[].label') {
      action.label = [...((action.label as string[] | undefined) ?? []), ...(typed as string[])];
    } else if (key.startsWith('actions[].')) {
      action[key.slice('actions[].'.length)] = typed;
    } else if (key === 'child.grade') {
      const grade = typed as GradeValue;
      draft.child.grade = grade.grade;
      gradeProgramme = grade.programme;
    } else if (MULTI_KEYS.has(key)) {
      append(draft, key, typed);
    } else {
      if (key === 'child.schoolProgramme') programmeStated = true;
      setPath(draft, key, typed);
    }
  }

  if (gradeProgramme && !programmeStated) draft.child.schoolProgramme = gradeProgramme;
  if (fullName && !draft.child.lastName) {
    const firstName = draft.child.firstName as string | undefined;
    if (!firstName) {
      const split = splitFullName(fullName.text, fullName.order);
      if (split.lastName) draft.child.lastName = split.lastName;
      if (split.firstName) draft.child.firstName = split.firstName;
    } else {
      // «Enfant» beside «Prénom»: the whole name minus the first name is the last name.
      const rest = fullName.text.replace(firstName, '').trim();
      draft.child.lastName = rest || fullName.text;
    }
  }
  guardians.forEach((guardian, index) => {
    const column = context.columns.find((c) => c.guardian === index && c.relation);
    if (column?.relation && guardian.relation === undefined) guardian.relation = column.relation;
  });
  const statedGuardians = guardians.filter((g) => Object.keys(g).some((k) => k !== 'relation'));
  if (statedGuardians.length) draft.guardians = statedGuardians;
  const labels = (action.label as string[] | undefined) ?? [];
  if (labels.length) {
    const { label: _label, ...details } = action;
    draft.actions = labels.map((label, i) => (i === 0 ? { label, ...details } : { label }));
  }
  if (context.referent && draft.referent === undefined) draft.referent = context.referent;

  if (!draft.child.lastName && !draft.child.firstName) blocking.unshift('nom et prénom manquants');
  else if (!draft.child.lastName) blocking.unshift('nom manquant');
  else if (!draft.child.firstName) blocking.unshift('prénom manquant');
  if (blocking.length) return { kind: 'bad', reason: blocking.join(' ; '), issues };
  return { kind: 'record', stated: draft as ParcoursDraft, issues };
}
