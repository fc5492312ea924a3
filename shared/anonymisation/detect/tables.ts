/**
 * Spreadsheet text (rows separated by «;», tabs, «|» or aligned spaces): a
 * header row says which columns hold names, birth dates, schools and classes,
 * and every cell of those columns below it is reported.
 */
import { foldText } from '../../parcours';

export type ColumnKind =
  'personne' | 'professionnel' | 'naissance' | 'etablissement' | 'classe' | 'allocataire';

export interface TableCell {
  start: number;
  end: number;
  kind: ColumnKind;
}

function columnKind(header: string): ColumnKind | undefined {
  const h = foldText(header);
  if (!h) return undefined;
  if (
    /^(referent|referente|referent e|educateur|educatrice|enseignant|enseignante|professeur|prof principal|suivi par|intervenant)/.test(
      h,
    )
  ) {
    return 'professionnel';
  }
  if (/allocataire|\bcaf\b/.test(h)) return 'allocataire';
  if (/^(ne|nee|ne e|date de naissance|ddn|naissance|d n)( le)?$/.test(h) || /naissance/.test(h))
    return 'naissance';
  if (/^(ecole|etablissement|etab|college|lycee|groupe scolaire)\b/.test(h)) return 'etablissement';
  if (/^(classe|niveau|niv)\b/.test(h)) return 'classe';
  if (
    /^(nom|prenom|noms|prenoms|nom prenom|prenom nom|enfant|eleve|jeune|beneficiaire|parent|parents|responsable|resp|mere|pere|famille|representant|contact|nom de l enfant|prenom de l enfant|frere|soeur|fratrie)\b/.test(
      h,
    ) &&
    !/(tel|telephone|mail|courriel|adresse|portable|date)/.test(h)
  ) {
    return 'personne';
  }
  return undefined;
}

/**
 * Every line with a separator is tried as a header: each distinct short cell
 * is folded once, across calls too; the memo is emptied when full.
 */
const columnKinds = new Map<string, ColumnKind | undefined>();

/** A cell holding a pseudonym left by `pseudonymise` («[Enfant A] 0») is a value, never a column header. */
const PSEUDONYM_LABEL = /\[[^[\]\n]{1,60}\]/;

const NOT_SPACE = /\S/;

function cachedColumnKind(header: string): ColumnKind | undefined {
  if (PSEUDONYM_LABEL.test(header)) return undefined;
  if (header.length > 80) return columnKind(header);
  if (!columnKinds.has(header)) {
    if (columnKinds.size >= 20_000) columnKinds.clear();
    columnKinds.set(header, columnKind(header));
  }
  return columnKinds.get(header);
}

/** Separators in order of preference: a tab, «;», «|», then a run of two spaces or more. */
type Separator = '\t' | ';' | '|' | '  ';

/** The line's preferred separator (`includes` rather than a regex per separator and line). */
function separatorOf(line: string): Separator | undefined {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes('|')) return '|';
  if (line.includes('  ')) return '  ';
  return undefined;
}

/**
 * Splits the first `length` characters of a line (starting at `offset` in the
 * text) on `separator` into `bounds` (start, end, start, end… as text offsets):
 * numbers in one reused array, not an object per cell. Returns the cell count.
 */
function splitCells(
  line: string,
  length: number,
  offset: number,
  separator: Separator,
  bounds: number[],
): number {
  let count = 0;
  let from = 0;
  for (let at = line.indexOf(separator, from); at !== -1 && at < length;) {
    let next = at + separator.length;
    // A run of spaces is one separator, as the regex / {2,}/ read it.
    if (separator === '  ') while (line.charCodeAt(next) === 32) next++;
    bounds[2 * count] = offset + from;
    bounds[2 * count + 1] = offset + at;
    count++;
    from = next;
    at = line.indexOf(separator, from);
  }
  bounds[2 * count] = offset + from;
  bounds[2 * count + 1] = offset + length;
  return count + 1;
}

/**
 * Column kinds of a line when it reads as a header row: two named columns, or
 * a person column among three or more. Kinds are asked lazily: on a two-cell
 * line (prose with one «;») the shorter cell answers first, and when it names
 * nothing the longer one is never folded.
 */
function headerKinds(
  text: string,
  bounds: readonly number[],
  count: number,
): Array<ColumnKind | undefined> | undefined {
  const kindOf = (cell: number) =>
    cachedColumnKind(text.slice(bounds[2 * cell]!, bounds[2 * cell + 1]!));
  if (count < 2) return undefined;
  if (count === 2) {
    const shorter = bounds[3]! - bounds[2]! < bounds[1]! - bounds[0]! ? 1 : 0;
    const first = kindOf(shorter);
    if (!first) return undefined;
    const second = kindOf(1 - shorter);
    if (!second) return undefined;
    return shorter === 0 ? [first, second] : [second, first];
  }
  const kinds: Array<ColumnKind | undefined> = [];
  let named = 0;
  let person = false;
  for (let cell = 0; cell < count; cell++) {
    const kind = kindOf(cell);
    kinds.push(kind);
    if (kind) named++;
    if (kind === 'personne') person = true;
  }
  return named >= 2 || person ? kinds : undefined;
}

/** `/\s/.test(char)` for one UTF-16 code unit, without a one-character string per test. */
function isSpaceCode(code: number): boolean {
  return code <= 32
    ? code === 32 || (code >= 9 && code <= 13)
    : code >= 160 &&
        (code === 160 ||
          code === 0x1680 ||
          (code >= 0x2000 && code <= 0x200a) ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff);
}

// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const HAS_LETTER_OR_DIGIT = /\p{L}|\d/u;

/** Whether `text[start, end)` holds a letter or a digit: ASCII settles it without a slice. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return HAS_LETTER_OR_DIGIT.test(text.slice(start, end));
    if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) return true;
  }
  return false;
}

/** Cells of the table columns found in a text, given its lines (`text.split('\n')`'s). */
export function detectTableCells(
  text: string,
  textLines: ReadonlyArray<{ text: string }>,
): TableCell[] {
  const out: TableCell[] = [];
  const bounds: number[] = [];
  let columns: Array<ColumnKind | undefined> | undefined;
  let separator: Separator | undefined;
  let start = 0;
  for (const { text: line } of textLines) {
    const offset = start;
    start += line.length + 1;
    // `\S` finds a non-blank character without trimming a copy of the line.
    if (!NOT_SPACE.test(line)) {
      columns = undefined;
      continue;
    }
    const found = separatorOf(line);
    if (!found) {
      columns = undefined;
      continue;
    }
    // A trailing «\r» (CRLF text) is no part of the last cell.
    const length = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
    const kinds = headerKinds(text, bounds, splitCells(line, length, offset, found, bounds));
    if (kinds) {
      columns = kinds;
      separator = found;
      continue;
    }
    if (!columns || !separator || !line.includes(separator)) continue;
    const count = splitCells(line, length, offset, separator, bounds);
    for (let index = 0; index < count; index++) {
      const kind = columns[index];
      if (!kind) continue;
      let cellStart = bounds[2 * index]!;
      let cellEnd = bounds[2 * index + 1]!;
      while (cellStart < cellEnd && isSpaceCode(text.charCodeAt(cellStart))) cellStart++;
      while (cellEnd > cellStart && isSpaceCode(text.charCodeAt(cellEnd - 1))) cellEnd--;
      if (cellEnd > cellStart && hasLetterOrDigit(text, cellStart, cellEnd))
        out.push({ start: cellStart, end: cellEnd, kind });
    }
  }
  return out;
}
