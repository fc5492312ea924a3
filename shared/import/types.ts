/** Public shapes of an import: options, mapping, per-row outcomes and the report. */
import type {
  CaseloadLookup,
  MappingMemory,
  ParcoursDraft,
  ParcoursRecord,
  ProgressOptions,
  Relation,
} from '../parcours';

export interface ColumnMapping {
  /** 0-based column index. */
  column: number;
  /** Column letter as Excel shows it (A, B…, AA). */
  letter: string;
  /** Header as written (line breaks collapsed); «Colonne F» when the header cell is empty. */
  header: string;
  /** Dictionary key (`child.birthDate`, `guardians[].phone`…), `child.fullName`, or null when unrecognised. */
  key: string | null;
  /** 0–1: 1 for a listed synonym; set to 1 when the user chose it. */
  confidence: number;
  /** For guardian columns: which guardian of the row (0-based, in column order). */
  guardian?: number;
  relation?: Relation;
  nameOrder?: 'nom-prenom' | 'prenom-nom';
  origin: 'auto' | 'memory' | 'user';
}

export interface SheetMapping {
  sheet: string | null;
  /** Header row as the user sees it (1-based). */
  headerRow: number;
  /** Folded headers: the key under which a corrected mapping is remembered. */
  signature: string;
  columns: ColumnMapping[];
  /** The sheet name stands for the référent (no référent column). */
  referentFromSheet?: string;
}

export interface CellIssue {
  sheet: string | null;
  row: number;
  column: string;
  /** French reason without its place, e.g. «date impossible : 31/02/2016». */
  reason: string;
  /** The reason with its place, ready to show: «Feuille Karima, ligne 14, colonne DDN : …». */
  message: string;
}

export interface FieldChange {
  /** Dotted key with indices, e.g. `guardians.0.phone`. */
  key: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface ImportedRecord {
  sheet: string | null;
  /** 1-based row as the user sees it. */
  row: number;
  /** 0-based index of the row in its sheet's grid (for writing codes back). */
  rowIndex: number;
  /** Only what the row states, with dictionary keys (and the code when the sheet has a code column). */
  stated: ParcoursDraft;
  /** The full record: stated fields merged over the existing one, with id and code. */
  record: ParcoursRecord;
  action: 'create' | 'update';
  /** Field-by-field differences with the existing record, for the user to confirm. */
  changes: FieldChange[];
  /** The code came from a «Code parcours» column. */
  codeFromSheet: boolean;
  /** Cells that could not be read (the field was left empty). */
  issues: CellIssue[];
}

export interface BadRow {
  sheet: string | null;
  row: number;
  reason: string;
  issues: CellIssue[];
}

export type RowOutcome =
  | { sheet: string | null; row: number; outcome: 'imported' | 'updated'; code: string }
  | { sheet: string | null; row: number; outcome: 'rejected' | 'skipped'; reason: string };

export interface ImportReport {
  /** Every row below a header, in order: what became of it. */
  rows: RowOutcome[];
  cellIssues: CellIssue[];
  skippedSheets: Array<{ sheet: string | null; reason: string }>;
  /** Codes given to several rows, or to a new child while the caseload uses them for another. */
  duplicateCodes: Array<{
    code: string;
    places: Array<{ sheet: string | null; row: number }>;
    alreadyInCaseload: boolean;
  }>;
  counts: { created: number; updated: number; rejected: number; skipped: number };
}

export interface UnmappedColumn {
  sheet: string | null;
  column: string;
  header: string;
}

export interface ImportResult {
  records: ImportedRecord[];
  badRows: BadRow[];
  mapping: SheetMapping[];
  unmappedColumns: UnmappedColumn[];
  report: ImportReport;
}

export interface ImportOptions extends ProgressOptions {
  /** Import only this sheet (name compared without case or accents). */
  sheet?: string;
  /** The existing caseload: same child → update, else a new code. */
  caseload?: CaseloadLookup;
  /** Remembers corrected mappings per header signature. */
  mappingMemory?: MappingMemory;
  /** The user's corrections: header as written → key, or null to ignore the column. */
  mappingOverrides?: Record<string, string | null>;
  /** ISO date of the import (future birth dates, new codes' school year); default today. */
  today?: string;
  /** Rows handled between two yields to the host (UI responsiveness). */
  chunkSize?: number;
}
