/**
 * .xlsx (SpreadsheetML) parts → the grid, without SheetJS: a caseload sheet
 * is values, shared strings and number formats, and a single scan over each
 * part reads them several times faster than a general-purpose parser. Values
 * only, as the SheetJS path: a formula keeps the result Excel saved. Answers
 * null for a package it does not recognise (the caller then uses SheetJS).
 */
import { PasserelleError } from '../parcours';
import type { CellValue, GridSheet, MergedRange } from './grid';
import type { ImportLimits } from './limits';

type Place = { file?: string };

/** Number formats ECMA-376 predefines (part 1, §18.8.30), by id. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Days between the 1904 and 1900 date systems (old Mac workbooks count from 1904). */
const DATE_1904_OFFSET = 1462;

const decoder = new TextDecoder();
const text = (part: Uint8Array | undefined) => (part ? decoder.decode(part) : undefined);

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, and Excel's `_xHHHH_` escapes for control characters. */
function unescapeXml(raw: string): string {
  if (!raw.includes('&') && !raw.includes('_x')) return raw;
  return raw.replace(ENTITY, (_, dec?: string, hex?: string, name?: string, excel?: string) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : parseInt((hex ?? excel)!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const attributePatterns = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const match = pattern.exec(attributes);
  return match ? unescapeXml(match[1]!) : undefined;
}

/** A sheet's relationship id: `r:id`, whatever prefix the producer gave its namespace. */
const relationshipId = (attributes: string) => /\s\w+:id="([^"]*)"/.exec(attributes)?.[1];

/** `<x:tag …>` or `<tag …>`: producers differ in namespace prefixes. */
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/**
 * The text of a string item (`<si>`, `<is>`): its runs, without phonetic
 * guides; a Windows line break inside a cell reads as Excel shows it, «\n».
 */
function itemText(xml: string): string {
  const source = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let out = '';
  for (const match of source.matchAll(TEXT_RUN)) out += match[1];
  const text = unescapeXml(out);
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    strings.push(match[1] ? itemText(match[1]) : '');
  }
  return strings;
}

/** Number format code of each cell style (`s` attribute), in `cellXfs` order. */
function styleFormats(xml: string | undefined): string[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = attribute(match[1]!, 'numFmtId');
    const code = attribute(match[1]!, 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)].map((match) => {
    const id = Number(attribute(match[1]!, 'numFmtId') ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
  });
}

/** A part path from a relationship target, relative to the part that points at it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

function relationships(xml: string | undefined): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const match of (xml ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(match[1]!, 'Id');
    const target = attribute(match[1]!, 'Target');
    if (id && target) map.set(id, { type: attribute(match[1]!, 'Type') ?? '', target });
  }
  return map;
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

const CELL_REF = /^([A-Z]{1,3})(\d{1,7})$/;

function mergedRanges(xml: string): MergedRange[] {
  const merges: MergedRange[] = [];
  for (const match of xml.matchAll(
    /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g,
  )) {
    merges.push({
      startRow: Number(match[2]) - 1,
      startColumn: columnIndex(match[1]!),
      endRow: Number(match[4]) - 1,
      endColumn: columnIndex(match[3]!),
    });
  }
  return merges;
}

interface SheetContext {
  strings: string[];
  formats: string[];
  date1904: boolean;
  limits: ImportLimits;
  place: Place;
}

function tooBig(place: Place, what: string): PasserelleError {
  return new PasserelleError(
    'import/too-large',
    `${what} : découpez le fichier ou copiez seulement le tableau de suivi dans un nouveau classeur.`,
    place,
  );
}

const isDateCode = (code: string) => {
  const plain = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(plain) || /m{3,}/i.test(plain);
};

const TAG = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
const CELL_END = /<\/(?:\w+:)?c>/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

function cellValue(type: string | undefined, body: string, context: SheetContext): CellValue {
  if (type === 'inlineStr') {
    const inline = INLINE.exec(body);
    return inline ? itemText(inline[1]!) : null;
  }
  const raw = VALUE.exec(body)?.[1];
  if (raw === undefined) return null;
  switch (type) {
    case 's':
      return context.strings[Number(raw)] ?? null;
    case 'str':
      return unescapeXml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return null;
    case 'd': {
      // An ISO date cell: its serial, as Excel's other date cells give it.
      const days = Date.parse(`${raw.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(days) ? null : days / 86_400_000 + 25_569;
    }
    default: {
      const number = Number(raw);
      return raw.trim() === '' || Number.isNaN(number) ? null : number;
    }
  }
}

function readSheet(name: string, xml: string, context: SheetContext): GridSheet {
  const { limits, place } = context;
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  const end = xml.search(/<\/(?:\w+:)?sheetData>/);
  const data = start < 0 ? '' : xml.slice(start, end < 0 ? undefined : end);
  const rows: CellValue[][] = [];
  const numberFormats: Array<Array<string | null>> = [];
  let row = -1;
  let column = -1;
  let cells = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(data); match; match = TAG.exec(data)) {
    const attributes = match[2]!;
    if (match[1] === 'row') {
      const r = attribute(attributes, 'r');
      row = r ? Number(r) - 1 : row + 1;
      column = -1;
      continue;
    }
    const ref = CELL_REF.exec(attribute(attributes, 'r') ?? '');
    if (ref) {
      column = columnIndex(ref[1]!);
      row = Number(ref[2]) - 1;
    } else column += 1;
    let body = '';
    if (match[3] !== '/') {
      // The cell's end: its own closing tag, past any <v>, <f> or <is> inside.
      CELL_END.lastIndex = TAG.lastIndex;
      const closing = CELL_END.exec(data);
      const bodyEnd = closing ? closing.index : data.length;
      body = data.slice(TAG.lastIndex, bodyEnd);
      TAG.lastIndex = closing ? CELL_END.lastIndex : data.length;
    }
    let value = cellValue(attribute(attributes, 't'), body, context);
    if (value === null || row < 0) continue;
    if (row >= limits.maxRowsPerSheet)
      throw tooBig(place, `la feuille « ${name} » compte plus de ${limits.maxRowsPerSheet} lignes`);
    if (++cells > limits.maxCells)
      throw tooBig(place, `le classeur compte plus de ${limits.maxCells} cellules`);
    const format = context.formats[Number(attribute(attributes, 's') ?? 0)] ?? 'General';
    if (context.date1904 && typeof value === 'number' && isDateCode(format)) {
      value += DATE_1904_OFFSET;
    }
    while (rows.length <= row) {
      rows.push([]);
      numberFormats.push([]);
    }
    // Holes stay holes until the width is checked: a lone cell in column XFD must not allocate 16 384.
    rows[row]![column] = value;
    numberFormats[row]![column] = format;
  }
  // Checked once read (memory is bounded by the cell count) to say how wide the sheet really is.
  const widest = rows.reduce((most, r) => Math.max(most, r.length), 0);
  if (widest > limits.maxColumns)
    throw tooBig(
      place,
      `la feuille « ${name} » compte ${widest} colonnes, au-delà de la limite de ${limits.maxColumns}`,
    );
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r]!;
    const formats = numberFormats[r]!;
    for (let c = 0; c < values.length; c++) {
      if (values[c] === undefined) {
        values[c] = null;
        formats[c] = null;
      }
    }
  }
  return { name, rows, numberFormats, merges: mergedRanges(xml.slice(end < 0 ? xml.length : end)) };
}

/**
 * The sheets of a SpreadsheetML package, in workbook order; null when the
 * parts are not one (an .ods, an .xlsb, a package without its workbook).
 */
export function readXlsxParts(
  parts: ReadonlyMap<string, Uint8Array>,
  limits: ImportLimits,
  place: Place,
): GridSheet[] | null {
  const root = [...relationships(text(parts.get('_rels/.rels'))).values()].find((r) =>
    r.type.endsWith('/officeDocument'),
  );
  if (!root) return null;
  const workbookPath = resolveTarget('', root.target);
  const workbook = text(parts.get(workbookPath));
  if (!workbook || !/<(?:\w+:)?workbook\b/.test(workbook)) return null;
  const links = relationships(text(parts.get(relsOf(workbookPath))));
  const target = (type: string) => {
    const link = [...links.values()].find((r) => r.type.endsWith(type));
    return link ? resolveTarget(workbookPath, link.target) : undefined;
  };
  const sharedPath = target('/sharedStrings');
  const stylesPath = target('/styles');
  const context: SheetContext = {
    strings: sharedStrings(text(sharedPath ? parts.get(sharedPath) : undefined)),
    formats: styleFormats(text(stylesPath ? parts.get(stylesPath) : undefined)),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook),
    limits,
    place,
  };
  const sheets: GridSheet[] = [];
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attribute(match[1]!, 'name') ?? `Feuille ${sheets.length + 1}`;
    const link = links.get(relationshipId(match[1]!) ?? '');
    if (!link) return null;
    // A chart sheet holds no cells: like SheetJS, it reads as an empty sheet.
    const xml = link.type.endsWith('/worksheet')
      ? text(parts.get(resolveTarget(workbookPath, link.target)))
      : '';
    if (xml === undefined) return null;
    sheets.push(readSheet(name, xml, context));
  }
  return sheets;
}
