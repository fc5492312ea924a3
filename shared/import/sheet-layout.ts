/**
 * Where a sheet's table starts and what each column holds: the header row is
 * the row (among the first ones) that names the most dictionary fields,
 * including the child's name — titles, subtitles, blank rows and a group row
 * above it are passed over. Guardian columns are grouped per guardian in
 * column order.
 */
import { collapseSpaces, foldText, normaliseRelation, type Relation } from '../parcours';
import { isFilled, type CellValue } from './grid';
import { FULL_NAME_KEY, matchHeader, type HeaderMatch } from './header-match';
import type { ColumnMapping } from './types';

const HEADER_SEARCH_ROWS = 40;
const NAME_KEYS = new Set(['child.lastName', 'child.firstName', FULL_NAME_KEY]);
/** Keys several columns may fill (their values are joined or listed). */
export const MULTI_KEYS = new Set([
  'epsDates',
  'notes',
  'referral.reasons',
  'objectives',
  'actions[].label',
]);

export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

export function headerText(value: CellValue | undefined): string {
  return isFilled(value) ? collapseSpaces(String(value)) : '';
}

function rowScore(row: CellValue[]): { score: number; hasName: boolean } {
  const keys = new Set<string>();
  let hasName = false;
  for (const cell of row) {
    if (typeof cell !== 'string' || !cell.trim() || cell.length > 60) continue;
    const match = matchHeader(cell);
    if (!match || match.confidence < 0.8) continue;
    keys.add(match.key + (match.relation ?? ''));
    if (NAME_KEYS.has(match.key)) hasName = true;
  }
  return { score: keys.size, hasName };
}

/** 0-based index of the header row, or -1 when no row names the child. */
export function findHeaderRow(rows: CellValue[][]): number {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const { score, hasName } = rowScore(rows[r] ?? []);
    if (hasName && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

const GROUP_RELATION =
  /\b(mere|pere|maman|papa|parents?|responsables?|famille|representants? legaux|tuteur|tutrice)\b/;

/** Relation a group label above the header gives («MÈRE» over «Nom | Tél»). */
function groupContext(label: string): { guardian: boolean; relation?: Relation } {
  const folded = foldText(label);
  if (!GROUP_RELATION.test(folded)) return { guardian: false };
  const relation = normaliseRelation(label);
  return relation.ok && relation.value !== 'autre' && /mere|pere|maman|papa|tut/.test(folded)
    ? { guardian: true, relation: relation.value }
    : { guardian: true };
}

const GUARDIAN_OF_CHILD: Record<string, string> = {
  'child.lastName': 'guardians[].lastName',
  'child.firstName': 'guardians[].firstName',
  [FULL_NAME_KEY]: 'guardians[].lastName',
};

export function headerSignature(headers: string[]): string {
  return headers.map((h) => foldText(h)).join('|');
}

/** Maps each column; `choose` lets memory and the user's corrections win over the automatic match. */
export function mapColumns(
  rows: CellValue[][],
  headerRow: number,
  choose: (header: string) => { key: string | null; origin: 'memory' | 'user' } | undefined,
): ColumnMapping[] {
  const header = rows[headerRow] ?? [];
  const above = headerRow > 0 ? (rows[headerRow - 1] ?? []) : [];
  const groupLabels = above.filter((c) => isFilled(c)).map(String);
  const hasGroups = new Set(groupLabels).size >= 2;
  let width = header.length;
  for (let r = headerRow + 1; r < rows.length; r++) width = Math.max(width, rows[r]!.length);

  const columns: ColumnMapping[] = [];
  for (let c = 0; c < width; c++) {
    const text = headerText(header[c]);
    const letter = columnLetter(c);
    const label = text || `Colonne ${letter}`;
    const chosen = text ? choose(text) : undefined;
    if (chosen) {
      columns.push({
        column: c,
        letter,
        header: label,
        key: chosen.key,
        confidence: 1,
        origin: chosen.origin,
      });
      continue;
    }
    let match: HeaderMatch | undefined = text ? matchHeader(text) : undefined;
    if (match && match.confidence < 0.7) match = undefined;
    if (match && hasGroups && isFilled(above[c])) {
      const group = groupContext(String(above[c]));
      const guardianKey = GUARDIAN_OF_CHILD[match.key];
      if (group.guardian && (guardianKey || match.key.startsWith('guardians')))
        match = {
          key: guardianKey ?? match.key,
          confidence: match.confidence,
          ...((match.relation ?? group.relation)
            ? { relation: match.relation ?? group.relation }
            : {}),
        };
    }
    columns.push({
      column: c,
      letter,
      header: label,
      key: match?.key ?? null,
      confidence: match?.confidence ?? 0,
      ...(match?.relation ? { relation: match.relation } : {}),
      ...(match?.nameOrder ? { nameOrder: match.nameOrder } : {}),
      origin: 'auto',
    });
  }
  keepBestOfEachKey(columns);
  groupGuardians(columns);
  return columns;
}

const SECOND_NAME_IS_GUARDIAN: Record<string, string> = {
  'child.lastName': 'guardians[].lastName',
  'child.firstName': 'guardians[].firstName',
};

/** A single-valued key taken by two columns goes to the surer one; the other stays unrecognised. */
function keepBestOfEachKey(columns: ColumnMapping[]): void {
  const best = new Map<string, ColumnMapping>();
  for (const column of columns) {
    const key = column.key;
    if (!key || MULTI_KEYS.has(key) || key.startsWith('guardians')) continue;
    const holder = best.get(key);
    if (!holder) best.set(key, column);
    else if (SECOND_NAME_IS_GUARDIAN[key] && column.column > holder.column) {
      // «Nom | Prénom | … | Nom | Prénom | Tél»: the second name is a guardian's.
      column.key = SECOND_NAME_IS_GUARDIAN[key]!;
      column.confidence = Math.min(column.confidence, 0.8);
    } else {
      const loser = column.confidence > holder.confidence ? holder : column;
      if (loser === holder) best.set(key, column);
      loser.key = null;
    }
  }
  // A full-name column is only needed when the names have no columns of their own.
  if (best.has('child.lastName') && best.has(FULL_NAME_KEY)) best.get(FULL_NAME_KEY)!.key = null;
}

/**
 * One guardian per guardian-name column, in column order; first names join
 * the guardian of their relation or the nearest one before them; contact
 * columns join the guardian of their relation, else the nearest guardian to
 * their left, else the first one.
 */
function groupGuardians(columns: ColumnMapping[]): void {
  const guardians: Array<{ fields: Set<string>; relation?: Relation; column: number }> = [];
  const add = (column: ColumnMapping, field: string) => {
    guardians.push({
      fields: new Set([field]),
      ...(column.relation ? { relation: column.relation } : {}),
      column: column.column,
    });
    column.guardian = guardians.length - 1;
  };
  const guardianColumns = columns.filter((c) => c.key?.startsWith('guardians[].'));
  const nameFields = new Set(['lastName', 'firstName']);
  for (const column of guardianColumns) {
    const field = column.key!.slice('guardians[].'.length);
    if (!nameFields.has(field)) continue;
    const previous = guardians[guardians.length - 1];
    const joinable =
      previous &&
      !previous.fields.has(field) &&
      (column.relation === previous.relation || !column.relation || !previous.relation);
    if (joinable && (field === 'firstName' || !previous.fields.has('lastName'))) {
      previous.fields.add(field);
      previous.relation ??= column.relation;
      column.guardian = guardians.length - 1;
    } else add(column, field);
  }
  for (const column of guardianColumns) {
    const field = column.key!.slice('guardians[].'.length);
    if (nameFields.has(field)) continue;
    const free = (g: (typeof guardians)[number]) => !g.fields.has(field);
    let index = column.relation
      ? guardians.findIndex((g) => g.relation === column.relation && free(g))
      : -1;
    if (index < 0 && !column.relation) {
      for (let i = guardians.length - 1; i >= 0; i--)
        if (guardians[i]!.column < column.column && free(guardians[i]!)) {
          index = i;
          break;
        }
      if (index < 0) index = guardians.findIndex(free);
    }
    if (index < 0) add(column, field);
    else {
      guardians[index]!.fields.add(field);
      column.guardian = index;
    }
  }
  for (const column of guardianColumns) {
    const relation = guardians[column.guardian!]?.relation;
    if (relation && !column.relation) column.relation = relation;
  }
}

const GENERIC_SHEET =
  /^(feuil(le)?|sheet|tableau|tab|suivi|liste|listes|file active|export|donnees|data|pre|recap|recapitulatif|synthese|base|enfants?|parcours|caseload|total|stat)/;

/** A sheet named after a person stands for its référent when no column says who follows the child. */
export function referentFromSheetName(
  name: string | null,
  columns: ColumnMapping[],
): string | undefined {
  if (!name || columns.some((c) => c.key === 'referent')) return undefined;
  const folded = foldText(name);
  if (!folded || /\d/.test(folded) || GENERIC_SHEET.test(folded)) return undefined;
  return collapseSpaces(name);
}
