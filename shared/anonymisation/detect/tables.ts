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

/** A pseudonym left by `pseudonymise` («[Enfant A]») is a value, never a column header. */
const PSEUDONYM_LABEL = /^\s*\[[^[\]\n]{1,60}\]\s*$/;

function cachedColumnKind(header: string): ColumnKind | undefined {
  if (PSEUDONYM_LABEL.test(header)) return undefined;
  if (header.length > 80) return columnKind(header);
  if (!columnKinds.has(header)) {
    if (columnKinds.size >= 20_000) columnKinds.clear();
    columnKinds.set(header, columnKind(header));
  }
  return columnKinds.get(header);
}

/** Separators in order of preference, each with its global form (compiled once, not per line). */
const SEPARATORS: Array<[RegExp, RegExp]> = [/\t/, /;/, /\|/, / {2,}/].map((re) => [
  re,
  new RegExp(re.source, 'g'),
]);

/** Cells of one line, with offsets, split on the given (global) separator. */
function cellsOf(
  line: string,
  offset: number,
  global: RegExp,
): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let from = 0;
  // `exec` rather than `matchAll`, which would copy the regex on every line.
  global.lastIndex = 0;
  for (let m = global.exec(line); m; m = global.exec(line)) {
    cells.push({ start: offset + from, end: offset + m.index });
    from = m.index + m[0].length;
  }
  cells.push({ start: offset + from, end: offset + line.length });
  return cells;
}

// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const HAS_LETTER_OR_DIGIT = /\p{L}|\d/u;

/** Cells of the table columns found in a text, given its lines (`text.split('\n')`'s). */
export function detectTableCells(
  text: string,
  textLines: ReadonlyArray<{ text: string }>,
): TableCell[] {
  const out: TableCell[] = [];
  const lines: Array<{ text: string; start: number }> = [];
  let pos = 0;
  for (const { text: line } of textLines) {
    lines.push({ text: line.replace(/\r$/, ''), start: pos });
    pos += line.length + 1;
  }
  let columns: Array<ColumnKind | undefined> | undefined;
  let separator: [RegExp, RegExp] | undefined;
  for (const line of lines) {
    if (!line.text.trim()) {
      columns = undefined;
      continue;
    }
    const found = SEPARATORS.find(([re]) => re.test(line.text));
    if (!found) {
      columns = undefined;
      continue;
    }
    const cells = cellsOf(line.text, line.start, found[1]);
    const kinds = cells.map((c) => cachedColumnKind(text.slice(c.start, c.end)));
    const named = kinds.filter(Boolean).length;
    if (named >= 2 || (named >= 1 && cells.length >= 3 && kinds.some((k) => k === 'personne'))) {
      columns = kinds;
      separator = found;
      continue;
    }
    if (!columns || !separator || !separator[0].test(line.text)) continue;
    cellsOf(line.text, line.start, separator[1]).forEach((cell, index) => {
      const kind = columns![index];
      if (!kind) return;
      let { start, end } = cell;
      while (start < end && /\s/.test(text.charAt(start))) start++;
      while (end > start && /\s/.test(text.charAt(end - 1))) end--;
      if (end > start && HAS_LETTER_OR_DIGIT.test(text.slice(start, end)))
        out.push({ start, end, kind });
    });
  }
  return out;
}
