/**
 * Sheets seen by the anonymisation core, cell by cell. Each cell is
 * scanned under the header row (tab-separated, alone in its row) so the
 * core's own table reading applies: a «Nom» or «Prénom» column holds
 * names even when no name list knows them, a «Date de naissance» column
 * holds birth dates, a «Référent» column holds professionals. Findings come
 * back with their cell; a sheet can be pseudonymised into a copy. Plain
 * functions over a grid of values; addresses come from the caller's `cellName`.
 */
import {
  pseudonymise,
  scan,
  type Finding,
  type FindingType,
  type NamesIndex,
  type ScanOptions,
} from '../anonymisation';
import { formatShortFrenchDate } from '../parcours';

export type SheetCell = string | number | boolean | null | { date: string };

/** One finding in one cell, without the value found (lists never show it). */
export interface CellFinding {
  /** 0-based row and column in the grid given. */
  row: number;
  column: number;
  /** A1 name of the cell, from the caller's `cellName`. */
  cell: string;
  type: FindingType;
  direct: boolean;
  /** Whether it is about a child or family (the core's role «bénéficiaire»). */
  beneficiary: boolean;
  /** French reason shown to the user. */
  reason: string;
  /** Who it is about: the parcours code when known, else a description. */
  person: string;
}

export interface SheetScanOptions {
  names?: NamesIndex;
  /** Whether the first row holds the headers (they give context and are not scanned). */
  headerRow: boolean;
  cellName(row: number, column: number): string;
  /** Reference date for ages, today by default. */
  referenceDate?: string;
}

/** The text the core reads for one cell: one line, no tab (the column separator). */
function cellText(value: SheetCell): string {
  if (value === null) return '';
  if (typeof value === 'object') return formatShortFrenchDate(value.date);
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

interface CellText {
  text: string;
  /** Where the cell starts in `text`. */
  start: number;
}

/**
 * The cell as the core reads it: under the header row, alone in its row at
 * its column, so the header says what it is and no other cell runs into it.
 */
function cellInTable(
  headers: readonly SheetCell[] | undefined,
  column: number,
  value: SheetCell,
): CellText {
  const head = headers ? `${headers.map(cellText).join('\t')}\n${'\t'.repeat(column)}` : '';
  // The trailing tab keeps a lone first cell a table row for the core.
  return { text: `${head}${cellText(value)}\t`, start: head.length };
}

function scanOptionsOf(options: { names?: NamesIndex; referenceDate?: string }): ScanOptions {
  return {
    ...(options.names ? { names: options.names } : {}),
    ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
  };
}

function personOf(f: Finding): string {
  if (f.code) return f.code;
  if (f.role === 'beneficiaire')
    return f.type === 'PERSONNE' ? 'Personne non suivie' : 'Enfants et familles';
  return 'Professionnels et institutions';
}

/**
 * A row is about the person its name cells name: a lone phone, e-mail or
 * address in that row (which the core, seeing the cell alone, gives to an
 * institution) is theirs, and an unknown person is told apart by their row.
 */
function attributeToRowPerson(
  line: (CellFinding & { role: Finding['role'] })[],
  firstCell: string,
): CellFinding[] {
  const named = line.filter((f) => f.type === 'PERSONNE' && f.beneficiary);
  const known = named.find((f) => f.person !== 'Personne non suivie');
  const rowNumber = firstCell.replace(/^[A-Z]+/, '');
  const person =
    known?.person ?? (named.length ? `Personne non suivie (ligne ${rowNumber})` : null);
  return line.map(({ role, ...f }) => {
    if (!person) return f;
    if (f.type === 'PERSONNE' && f.beneficiary && f.person === 'Personne non suivie')
      return { ...f, person };
    if (f.type !== 'PERSONNE' && role === 'institution' && f.direct)
      return { ...f, person, beneficiary: true };
    return f;
  });
}

/** Findings of every cell of the grid (direct identifiers, quasi-identifiers, sensitive content). */
export function scanSheet(
  grid: readonly (readonly SheetCell[])[],
  options: SheetScanOptions,
): CellFinding[] {
  const headers = options.headerRow ? grid[0] : undefined;
  const scanOptions = scanOptionsOf(options);
  const found: CellFinding[] = [];
  grid.forEach((row, r) => {
    if (headers && r === 0) return;
    const line: (CellFinding & { role: Finding['role'] })[] = [];
    row.forEach((value, column) => {
      if (!cellText(value).trim()) return;
      const { text, start } = cellInTable(headers, column, value);
      for (const f of scan(text, scanOptions).findings) {
        if (f.start < start) continue;
        line.push({
          row: r,
          column,
          cell: options.cellName(r, column),
          type: f.type,
          direct: f.direct,
          beneficiary: f.role === 'beneficiaire',
          reason: f.label,
          person: personOf(f),
          role: f.role,
        });
      }
    });
    found.push(...attributeToRowPerson(line, options.cellName(r, 0)));
  });
  return found;
}

/**
 * The shared version's check: every cell scanned, and any direct identifier
 * of a beneficiary blocks. Returns what blocks (kinds and cells, no value).
 */
export function sharedTableProblems(
  headers: readonly string[],
  rows: readonly (readonly SheetCell[])[],
  options: Omit<SheetScanOptions, 'headerRow'>,
): CellFinding[] {
  return scanSheet([headers, ...rows], { ...options, headerRow: true }).filter(
    (f) => f.direct && f.beneficiary,
  );
}

export interface PseudonymisedSheet {
  values: SheetCell[][];
  /** Parcours codes of the children the copy mentions (for the audit trail). */
  codes: string[];
  /** What pseudonymisation leaves: quasi-identifiers, health, justice (French, no value). */
  residualRisks: string[];
}

/**
 * A copy of the grid where every direct identifier is replaced: children and
 * families of the caseload by their code (as the store gives it), others by
 * the core's labels; a cell the core cannot clear is masked. Pseudonymised,
 * not anonymous: the residual risks say what can still point at someone.
 */
export function pseudonymiseSheet(
  grid: readonly (readonly SheetCell[])[],
  options: Omit<SheetScanOptions, 'cellName'>,
): PseudonymisedSheet {
  const headers = options.headerRow ? grid[0] : undefined;
  const scanOptions = scanOptionsOf(options);
  const codes = new Set<string>();
  const risks = new Set<string>();
  const values = grid.map((row, r): SheetCell[] => {
    if (headers && r === 0) return [...row];
    return row.map((value, column) => {
      if (!cellText(value).trim()) return value;
      const { text } = cellInTable(headers, column, value);
      const result = pseudonymise(text, scanOptions);
      if (!result.replacements.length) return value;
      for (const f of scan(text, scanOptions).findings) if (f.code) codes.add(f.code);
      for (const risk of result.residualRisks.slice(1)) risks.add(risk);
      const line = result.text.slice(result.text.lastIndexOf('\n') + 1);
      return result.leftovers.length ? '[Masqué]' : line.replace(/^\t*|\t$/g, '');
    });
  });
  return {
    values,
    codes: [...codes].sort(),
    residualRisks: [
      'Copie pseudonymisée, pas anonyme : les informations indirectes (âge, classe, établissement, quartier, santé, justice) peuvent encore permettre de reconnaître un enfant.',
      ...risks,
    ],
  };
}

/**
 * The header row of a sheet: the first row with at least two filled cells
 * (a merged title above it holds one). 0 for an empty grid.
 */
export function headerRowIndex(grid: readonly (readonly SheetCell[])[]): number {
  const index = grid.findIndex((row) => row.filter((v) => cellText(v).trim()).length >= 2);
  return Math.max(0, index);
}
