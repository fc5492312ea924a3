/**
 * What the import mapping screen shows, computed from an `ImportResult`:
 * the columns with their field and confidence, the field choices, the cell
 * errors with the address to select, the preview rows and the summary.
 * Pure functions: the screen renders them, tests check them.
 */
import type { FULL_NAME_KEY, ImportResult, SheetMapping } from '../import';
import { recordFields } from '../parcours';

/**
 * The import's full-name key, checked against it by the type: a value import
 * of `../import` would put the whole importer (PapaParse, the anonymiser its
 * export needs) in every bundle chunk that reaches shared/ui, such as the
 * «File active» view's (esbuild splits chunks by file).
 */
const fullNameKey: typeof FULL_NAME_KEY = 'child.fullName';

export interface FieldChoice {
  key: string;
  label: string;
}

/** The fields a column can feed: the dictionary's (but the internal id) and «Nom et prénom» in one cell. */
export const fieldChoices: readonly FieldChoice[] = [
  { key: fullNameKey, label: 'Nom et prénom (une seule colonne)' },
  ...recordFields.filter((f) => f.key !== 'id').map((f) => ({ key: f.key, label: f.label })),
];

const labels = new Map(fieldChoices.map((c) => [c.key, c.label]));

export function choiceLabel(key: string): string {
  return labels.get(key) ?? key;
}

export interface MappingLine {
  sheet: string | null;
  letter: string;
  header: string;
  /** null: «ne pas importer». */
  key: string | null;
  /** Whole percent, e.g. 90. */
  confidence: number;
  origin: 'auto' | 'memory' | 'user';
}

export function mappingLines(mapping: readonly SheetMapping[]): MappingLine[] {
  return mapping.flatMap((sheet) =>
    sheet.columns.map((c) => ({
      sheet: sheet.sheet,
      letter: c.letter,
      header: c.header,
      key: c.key,
      confidence: Math.round(c.confidence * 100),
      origin: c.origin,
    })),
  );
}

/** French words for where a column's field came from. */
export function originLabel(line: MappingLine): string {
  if (line.origin === 'user') return 'choisi par vous';
  if (line.origin === 'memory') return 'retenu d’un import précédent';
  if (line.key === null) return 'non reconnue';
  return `reconnue à ${line.confidence} %`;
}

export interface CellError {
  sheet: string | null;
  row: number;
  /** The column's header as written. */
  column: string;
  /** A1 address of the cell in the grid read (letter from the mapping), or null when unknown. */
  address: string | null;
  message: string;
}

/** Every cell the import could not read, and every rejected row's cells, with the address to select. */
export function cellErrors(result: ImportResult): CellError[] {
  const letterOf = (sheet: string | null, header: string) =>
    result.mapping.find((m) => m.sheet === sheet)?.columns.find((c) => c.header === header)?.letter;
  const seen = new Set<string>();
  const errors: CellError[] = [];
  const issues = [...result.report.cellIssues, ...result.badRows.flatMap((b) => b.issues)];
  for (const issue of issues) {
    const id = `${issue.sheet ?? ''}|${issue.row}|${issue.column}|${issue.reason}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const letter = letterOf(issue.sheet, issue.column);
    errors.push({
      sheet: issue.sheet,
      row: issue.row,
      column: issue.column,
      address: letter ? `${letter}${issue.row}` : null,
      message: issue.message,
    });
  }
  return errors.sort((a, b) => a.row - b.row);
}

export interface PreviewRow {
  row: number;
  code: string;
  name: string;
  action: 'Nouvelle fiche' | 'Mise à jour' | 'Rejetée';
  note: string;
}

/** The rows as they will be saved (first `limit`), rejected rows with their reason. */
export function previewRows(result: ImportResult, limit = 50): PreviewRow[] {
  const rows: PreviewRow[] = result.records.map((r) => ({
    row: r.row,
    code: r.record.code,
    name: `${r.record.child.lastName.toUpperCase()} ${r.record.child.firstName}`,
    action: r.action === 'create' ? 'Nouvelle fiche' : 'Mise à jour',
    note:
      r.issues.length > 0
        ? `${r.issues.length} cellule${r.issues.length > 1 ? 's' : ''} illisible${r.issues.length > 1 ? 's' : ''}`
        : r.action === 'update'
          ? `${r.changes.length} changement${r.changes.length > 1 ? 's' : ''}`
          : '',
  }));
  for (const bad of result.badRows) {
    rows.push({ row: bad.row, code: '', name: '', action: 'Rejetée', note: bad.reason });
  }
  return rows.sort((a, b) => a.row - b.row).slice(0, limit);
}

export interface ImportSummary {
  created: number;
  updated: number;
  /** Rejected and skipped rows grouped by reason, most frequent first, with their rows (empty for a skipped sheet). */
  ignored: { reason: string; rows: number[] }[];
  ignoredTotal: number;
}

export function importSummary(result: ImportResult): ImportSummary {
  const reasons = new Map<string, number[]>();
  const add = (reason: string, row?: number) => {
    const rows = reasons.get(reason) ?? [];
    if (row !== undefined) rows.push(row);
    reasons.set(reason, rows);
  };
  for (const row of result.report.rows) {
    if (row.outcome === 'rejected' || row.outcome === 'skipped') add(row.reason, row.row);
  }
  for (const sheet of result.report.skippedSheets) {
    add(`feuille «\u00a0${sheet.sheet ?? ''}\u00a0» : ${sheet.reason}`);
  }
  const ignored = [...reasons].map(([reason, rows]) => ({ reason, rows }));
  ignored.sort((a, b) => b.rows.length - a.rows.length);
  return {
    created: result.report.counts.created,
    updated: result.report.counts.updated,
    ignored,
    ignoredTotal: result.report.counts.rejected + result.report.counts.skipped,
  };
}

/** «ligne 4», «lignes 4, 7 et 9». */
export function rowsLabel(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  if (rows.length === 1) return `ligne ${rows[0]}`;
  return `lignes ${rows.slice(0, -1).join(', ')} et ${rows[rows.length - 1]}`;
}

/** The sheet had no «Code parcours» column: the codes given exist only in Passerelle. */
export function lacksCodeColumn(result: ImportResult): boolean {
  return (
    result.records.length > 0 &&
    !result.mapping.some((m) => m.columns.some((c) => c.key === 'code'))
  );
}

/** The user's corrections after choosing `key` for `header` (null: do not import the column). */
export function withOverride(
  overrides: Readonly<Record<string, string | null>>,
  header: string,
  key: string | null,
): Record<string, string | null> {
  return { ...overrides, [header]: key };
}
