/**
 * Records → a clean table (.xlsx or .csv) with the dictionary's French
 * headers and enumeration labels; dates are real dates in a workbook. The
 * internal version holds everything; the shared version, for partners, holds
 * the code instead of names and only non-identifying fields — free text only
 * through the caller's pseudonymiser, never as written. Every text cell is
 * neutralised against formula injection.
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import {
  categories,
  domains,
  exitOutcomes,
  exitReasons,
  fieldLabel,
  formatFrenchPhone,
  formatShortFrenchDate,
  grades,
  labelOf,
  referralSources,
  relations,
  sexes,
  statuses,
  peopleFromRecords,
  type ParcoursRecord,
} from '../parcours';
import { namesIndexFromPeople, pseudonymise } from '../anonymisation';

export interface ExportOptions {
  version: 'internal' | 'shared';
}

type Cell = string | number | { date: string } | null;
interface Column {
  header: string;
  value: (r: ParcoursRecord) => Cell;
  /** Written as the user typed it: needs the pseudonymiser in the shared version. */
  freeText?: boolean;
}

export interface ExportTable {
  headers: string[];
  rows: Cell[][];
}

const date = (iso: string | undefined): Cell => (iso ? { date: iso } : null);
const text = (value: string | undefined): Cell => value ?? null;
const list = (values: string[] | undefined, separator = '; ') =>
  values?.length ? values.join(separator) : null;

function guardianColumns(count: number): Column[] {
  const columns: Column[] = [];
  for (let i = 0; i < count; i++) {
    const suffix = count > 1 ? ` ${i + 1}` : '';
    const g = (r: ParcoursRecord) => r.guardians?.[i];
    columns.push(
      { header: fieldLabel('guardians[].lastName') + suffix, value: (r) => text(g(r)?.lastName) },
      { header: fieldLabel('guardians[].firstName') + suffix, value: (r) => text(g(r)?.firstName) },
      {
        header: fieldLabel('guardians[].relation') + suffix,
        value: (r) => {
          const v = g(r)?.relation;
          return v ? labelOf(relations, v) : null;
        },
      },
      {
        header: fieldLabel('guardians[].phone') + suffix,
        value: (r) => {
          const v = g(r)?.phone;
          return v ? formatFrenchPhone(v) : null;
        },
      },
      { header: fieldLabel('guardians[].email') + suffix, value: (r) => text(g(r)?.email) },
      { header: fieldLabel('guardians[].address') + suffix, value: (r) => text(g(r)?.address) },
    );
  }
  return columns;
}

const label = fieldLabel;

function commonColumns(): { before: Column[]; after: Column[] } {
  return {
    before: [
      {
        header: label('child.sex'),
        value: (r) => (r.child.sex ? labelOf(sexes, r.child.sex) : null),
      },
      { header: label('child.school'), value: (r) => text(r.child.school) },
      {
        header: label('child.grade'),
        value: (r) => (r.child.grade ? labelOf(grades, r.child.grade) : null),
      },
      { header: label('child.schoolProgramme'), value: (r) => text(r.child.schoolProgramme) },
      { header: label('child.neighbourhood'), value: (r) => text(r.child.neighbourhood) },
      { header: label('child.town'), value: (r) => text(r.child.town) },
    ],
    after: [
      { header: label('referent'), value: (r) => text(r.referent) },
      { header: label('referral.date'), value: (r) => date(r.referral?.date) },
      {
        header: label('referral.source'),
        value: (r) => (r.referral?.source ? labelOf(referralSources, r.referral.source) : null),
      },
      {
        header: label('referral.reasons'),
        value: (r) => text(r.referral?.reasons),
        freeText: true,
      },
      {
        header: label('domains'),
        value: (r) =>
          list(
            r.domains?.map((d) => labelOf(domains, d)),
            ', ',
          ),
      },
      {
        header: label('category'),
        value: (r) => (r.category ? `${r.category} – ${labelOf(categories, r.category)}` : null),
      },
      { header: label('firstContactDate'), value: (r) => date(r.firstContactDate) },
      {
        header: label('epsDates'),
        value: (r) => list(r.epsDates?.map(formatShortFrenchDate), ', '),
      },
      { header: label('consentDate'), value: (r) => date(r.consentDate) },
      { header: label('status'), value: (r) => (r.status ? labelOf(statuses, r.status) : null) },
      { header: label('objectives'), value: (r) => list(r.objectives), freeText: true },
      {
        header: label('actions[].label'),
        value: (r) => list(r.actions?.map((a) => a.label)),
        freeText: true,
      },
      { header: label('exit.date'), value: (r) => date(r.exit?.date) },
      {
        header: label('exit.reason'),
        value: (r) => (r.exit?.reason ? labelOf(exitReasons, r.exit.reason) : null),
      },
      {
        header: label('exit.outcome'),
        value: (r) => (r.exit?.outcome ? labelOf(exitOutcomes, r.exit.outcome) : null),
      },
    ],
  };
}

function columnsFor(records: ParcoursRecord[], options: ExportOptions): Column[] {
  const { before, after } = commonColumns();
  const code: Column = { header: label('code'), value: (r) => r.code };
  if (options.version === 'shared') {
    // Free text (reasons, objectives, actions) goes through the anonymisation core with
    // the exported children as its caseload; a cell it cannot clear is left empty.
    const names = namesIndexFromPeople(peopleFromRecords(records));
    const pseudonymised = (text: string) => {
      const result = pseudonymise(text, { names });
      return result.leftovers.length ? null : result.text;
    };
    const shared = after.map((c) =>
      c.freeText
        ? {
            ...c,
            value: (r: ParcoursRecord) => {
              const v = c.value(r);
              return typeof v === 'string' ? pseudonymised(v) : v;
            },
          }
        : c,
    );
    return [code, ...before, ...shared];
  }
  const guardians = Math.max(0, ...records.map((r) => r.guardians?.length ?? 0));
  return [
    code,
    { header: label('child.lastName'), value: (r) => r.child.lastName },
    { header: label('child.firstName'), value: (r) => r.child.firstName },
    { header: label('child.birthDate'), value: (r) => date(r.child.birthDate) },
    ...before,
    { header: label('child.ine'), value: (r) => text(r.child.ine) },
    ...guardianColumns(guardians),
    ...after,
    { header: label('referral.referrer'), value: (r) => text(r.referral?.referrer) },
    { header: label('notes'), value: (r) => text(r.notes) },
  ];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function exportTable(records: ParcoursRecord[], options: ExportOptions): ExportTable {
  const columns = columnsFor(records, options);
  return {
    headers: columns.map((c) => c.header),
    rows: records.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        return typeof v === 'string' ? neutraliseFormula(v) : v;
      }),
    ),
  };
}

function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

export function exportRecords(
  records: ParcoursRecord[],
  options: ExportOptions & { format: 'xlsx' | 'csv' },
): Uint8Array {
  const table = exportTable(records, options);
  if (options.format === 'csv') {
    const rows = table.rows.map((row) =>
      row.map((c) =>
        c === null ? '' : typeof c === 'object' ? formatShortFrenchDate(c.date) : String(c),
      ),
    );
    const csv = Papa.unparse([table.headers, ...rows], { delimiter: ';', newline: '\r\n' });
    return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
  }
  const sheet = XLSX.utils.aoa_to_sheet([
    table.headers,
    ...table.rows.map((row) =>
      row.map((c) => (c !== null && typeof c === 'object' ? isoToSerial(c.date) : c)),
    ),
  ]);
  table.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c !== null && typeof c === 'object') {
        const cell = sheet[XLSX.utils.encode_cell({ r: r + 1, c: col })];
        if (cell) cell.z = 'dd/mm/yyyy';
      }
    }),
  );
  sheet['!cols'] = table.headers.map((h) => ({ wch: Math.max(12, h.length + 2) }));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    workbook,
    sheet,
    options.version === 'shared' ? 'Version partagée' : 'Suivi',
  );
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
