/**
 * The grid → records. Per sheet: header row, column mapping (memory and the
 * user's corrections first), then each row read, validated and matched with
 * the caseload (same child → update with a diff; new → a new code). Every row
 * below a header ends up imported, updated, rejected or skipped with a reason.
 * Works in chunks and yields between them so a shell stays responsive.
 */
import {
  childIdentityKey,
  foldText,
  nextParcoursCode,
  parseParcoursCode,
  PasserelleError,
  throttledProgress,
  todayIso,
  validateRecord,
  type CaseloadLookup,
  type ParcoursDraft,
  type ParcoursRecord,
} from '../parcours';
import { fillMerges, isFilled, userRowNumber, type Grid, type GridSheet } from './grid';
import { diffRecords, mergeStated } from './merge';
import { readRow } from './row-record';
import {
  findHeaderRow,
  headerSignature,
  headerText,
  mapColumns,
  referentFromSheetName,
} from './sheet-layout';
import type {
  BadRow,
  CellIssue,
  ImportOptions,
  ImportReport,
  ImportResult,
  ImportedRecord,
  RowOutcome,
  SheetMapping,
  UnmappedColumn,
} from './types';

interface Pending {
  sheet: string | null;
  row: number;
  rowIndex: number;
  stated: ParcoursDraft;
  issues: CellIssue[];
}

const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new PasserelleError(
      'import/cancelled',
      'import annulé : aucune fiche n’a été enregistrée.',
    );
}

async function sheetMapping(
  sheet: GridSheet,
  rows: GridSheet['rows'],
  options: ImportOptions,
): Promise<SheetMapping | undefined> {
  const headerRow = findHeaderRow(rows);
  if (headerRow < 0) return undefined;
  const headers = (rows[headerRow] ?? []).map(headerText);
  const signature = headerSignature(headers);
  const remembered = await options.mappingMemory?.recall(signature);
  const overrides = options.mappingOverrides;
  const columns = mapColumns(rows, headerRow, (header) => {
    if (overrides && header in overrides) return { key: overrides[header] ?? null, origin: 'user' };
    if (remembered && header in remembered)
      return { key: remembered[header] || null, origin: 'memory' };
    return undefined;
  });
  if (overrides && options.mappingMemory) {
    const toRemember: Record<string, string> = {};
    for (const column of columns)
      if (headers[column.column]) toRemember[column.header] = column.key ?? '';
    await options.mappingMemory.remember(signature, toRemember);
  }
  const referent = referentFromSheetName(sheet.name, columns);
  return {
    sheet: sheet.name,
    headerRow: userRowNumber(sheet, headerRow),
    signature,
    columns,
    ...(referent ? { referentFromSheet: referent } : {}),
  };
}

function selectSheets(grid: Grid, wanted: string | undefined): GridSheet[] {
  if (wanted === undefined) return grid.sheets;
  const found = grid.sheets.filter((s) => s.name !== null && foldText(s.name) === foldText(wanted));
  if (!found.length)
    throw new PasserelleError(
      'import/sheet-not-found',
      `feuille « ${wanted} » introuvable : les feuilles du classeur sont ${grid.sheets.map((s) => `« ${s.name ?? ''} »`).join(', ')}.`,
    );
  return found;
}

/** Codes for new children, after every code the caseload and the sheet already use. */
function codeAllocator(used: Iterable<string>, today: string): () => string {
  const first = nextParcoursCode(used, today);
  const parsed = parseParcoursCode(first)!;
  let sequence = parsed.sequence;
  return () => `PRE-${parsed.year}-${String(sequence++).padStart(3, '0')}`;
}

export async function importGrid(grid: Grid, options: ImportOptions = {}): Promise<ImportResult> {
  const today = options.today ?? todayIso();
  const chunkSize = options.chunkSize ?? 2_000;
  const progress = throttledProgress(options.onProgress, chunkSize);
  const sheets = selectSheets(grid, options.sheet);
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;

  const mapping: SheetMapping[] = [];
  const unmappedColumns: UnmappedColumn[] = [];
  const outcomes: RowOutcome[] = [];
  const record = (outcome: RowOutcome) => outcomes.push(outcome);
  const badRows: BadRow[] = [];
  const cellIssues: CellIssue[] = [];
  const skippedSheets: ImportReport['skippedSheets'] = [];
  const pending: Pending[] = [];

  for (const sheet of sheets) {
    checkCancelled(options.signal);
    const headerZone = fillMerges(sheet);
    const layout = await sheetMapping(sheet, headerZone, options);
    if (!layout) {
      skippedSheets.push({
        sheet: sheet.name,
        reason: 'aucune ligne d’en-tête avec le nom de l’enfant : ce n’est pas un tableau de suivi',
      });
      done += sheet.rows.length;
      continue;
    }
    const headerIndex = sheet.rows.findIndex(
      (_, i) => userRowNumber(sheet, i) === layout.headerRow,
    );
    const rows = sheet.merges?.length ? fillMerges(sheet, headerIndex) : headerZone;
    mapping.push(layout);
    for (const column of layout.columns) {
      if (column.key) continue;
      const hasData = rows.some((r, i) => i > headerIndex && isFilled(r[column.column]));
      if (hasData)
        unmappedColumns.push({ sheet: sheet.name, column: column.letter, header: column.header });
    }
    const context = {
      sheet: sheet.name,
      columns: layout.columns,
      today,
      ...(layout.referentFromSheet ? { referent: layout.referentFromSheet } : {}),
    };
    for (let i = headerIndex + 1; i < rows.length; i++) {
      const row = userRowNumber(sheet, i);
      const reading = readRow(rows[i]!, sheet.numberFormats?.[i], row, context);
      if (reading.kind === 'skip')
        record({ sheet: sheet.name, row, outcome: 'skipped', reason: reading.reason });
      else {
        cellIssues.push(...reading.issues);
        if (reading.kind === 'bad') {
          badRows.push({ sheet: sheet.name, row, reason: reading.reason, issues: reading.issues });
          record({ sheet: sheet.name, row, outcome: 'rejected', reason: reading.reason });
        } else
          pending.push({
            sheet: sheet.name,
            row,
            rowIndex: i,
            stated: reading.stated,
            issues: reading.issues,
          });
      }
      if (++done % chunkSize === 0) {
        progress({
          done,
          total,
          step: `Lecture de ${sheet.name ? `la feuille ${sheet.name}` : 'du fichier'}`,
        });
        checkCancelled(options.signal);
        await yieldToHost();
      }
    }
    done += headerIndex + 1;
  }
  if (!mapping.length)
    throw new PasserelleError(
      'import/no-header',
      'aucun tableau de suivi reconnu : il faut une ligne d’en-tête avec au moins le nom (ou le prénom) de l’enfant et une autre colonne connue (date de naissance, classe, école…).',
    );

  const caseloadCodes = new Set((await options.caseload?.allCodes()) ?? []);
  const records = await matchAndCode(
    pending,
    options,
    caseloadCodes,
    today,
    chunkSize,
    badRows,
    record,
  );
  const duplicateCodes = findDuplicateCodes(records, caseloadCodes);
  progress({ done: total, total, step: 'Import terminé' });
  const inFileOrder = (a: { sheet: string | null; row: number }, b: typeof a) =>
    sheetIndex(sheets, a.sheet) - sheetIndex(sheets, b.sheet) || a.row - b.row;
  const rows = outcomes.sort(inFileOrder);
  badRows.sort(inFileOrder);
  return {
    records,
    badRows,
    mapping,
    unmappedColumns,
    report: {
      rows,
      cellIssues,
      skippedSheets,
      duplicateCodes,
      counts: {
        created: records.filter((r) => r.action === 'create').length,
        updated: records.filter((r) => r.action === 'update').length,
        rejected: badRows.length,
        skipped: rows.filter((r) => r.outcome === 'skipped').length,
      },
    },
  };
}

function sheetIndex(sheets: GridSheet[], name: string | null): number {
  return sheets.findIndex((s) => s.name === name);
}

async function matchAndCode(
  pending: Pending[],
  options: ImportOptions,
  caseloadCodes: Set<string>,
  today: string,
  chunkSize: number,
  badRows: BadRow[],
  record: (outcome: RowOutcome) => void,
): Promise<ImportedRecord[]> {
  const sheetCodes = pending.map((p) => p.stated.code).filter((c): c is string => !!c);
  const nextCode = codeAllocator([...caseloadCodes, ...sheetCodes], today);
  const records: ImportedRecord[] = [];
  for (let n = 0; n < pending.length; n++) {
    const item = pending[n]!;
    const { stated } = item;
    const child = stated.child;
    const existing = options.caseload ? await sameChild(options.caseload, child) : undefined;
    const candidate: ParcoursRecord = existing
      ? mergeStated(existing, stated)
      : ({
          ...stated,
          id: globalThis.crypto.randomUUID(),
          code: stated.code ?? nextCode(),
        } as ParcoursRecord);
    const validation = validateRecord(candidate);
    if (!validation.ok) {
      const reason = validation.error.details.join(' ; ');
      badRows.push({ sheet: item.sheet, row: item.row, reason, issues: item.issues });
      record({ sheet: item.sheet, row: item.row, outcome: 'rejected', reason });
      continue;
    }
    const action = existing ? 'update' : 'create';
    records.push({
      sheet: item.sheet,
      row: item.row,
      rowIndex: item.rowIndex,
      stated,
      record: validation.value,
      action,
      changes: existing ? diffRecords(existing, validation.value) : [],
      codeFromSheet: !!stated.code,
      issues: item.issues,
    });
    record({
      sheet: item.sheet,
      row: item.row,
      outcome: action === 'update' ? 'updated' : 'imported',
      code: validation.value.code,
    });
    if ((n + 1) % chunkSize === 0) {
      checkCancelled(options.signal);
      await yieldToHost();
    }
  }
  return records;
}

/**
 * The caseload's record of this child: same name and birth date (accents and
 * case aside); without a birth date, only when one child has that name.
 */
async function sameChild(
  caseload: CaseloadLookup,
  child: ParcoursDraft['child'],
): Promise<ParcoursRecord | undefined> {
  const found = await caseload.findChildren({
    lastName: child.lastName,
    firstName: child.firstName,
    ...(child.birthDate ? { birthDate: child.birthDate } : {}),
  });
  if (!child.birthDate) return found.length === 1 ? found[0] : undefined;
  return found.find((r) => childIdentityKey(r.child) === childIdentityKey(child));
}

/** Codes the sheet gives twice, or gives a new child while the caseload has it for another. */
function findDuplicateCodes(
  records: ImportedRecord[],
  caseloadCodes: Set<string>,
): ImportReport['duplicateCodes'] {
  const byCode = new Map<string, Array<{ sheet: string | null; row: number }>>();
  const clashes = new Set<string>();
  for (const r of records) {
    if (!r.codeFromSheet) continue;
    const list = byCode.get(r.record.code) ?? [];
    list.push({ sheet: r.sheet, row: r.row });
    byCode.set(r.record.code, list);
    if (r.action === 'create' && caseloadCodes.has(r.record.code)) clashes.add(r.record.code);
  }
  return [...byCode.entries()]
    .filter(([code, places]) => places.length > 1 || clashes.has(code))
    .map(([code, places]) => ({ code, places, alreadyInCaseload: clashes.has(code) }));
}
