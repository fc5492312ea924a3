/** A1 references: column letters ↔ indexes, ranges as zero-based rectangles. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function parseCell(reference: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(reference.trim());
  if (!match) return null;
  const column = [...match[1]!.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** `B2:D10`, `Feuil1!B2`, `'Suivi 2025'!A1:C3` → rectangle (the sheet part is ignored). */
export function parseRange(address: string): CellRect | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [first, last = first] = local.split(':');
  const start = parseCell(first ?? '');
  const end = parseCell(last ?? '');
  if (!start || !end) return null;
  const row = Math.min(start.row, end.row);
  const column = Math.min(start.column, end.column);
  return {
    row,
    column,
    rowCount: Math.abs(end.row - start.row) + 1,
    columnCount: Math.abs(end.column - start.column) + 1,
  };
}

export function formatRange(rect: CellRect): string {
  const start = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return start;
  return `${start}:${columnLetters(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
}

/** `Feuil1!A1:B2` → `A1:B2`: adapters report addresses without their sheet. */
export function withoutSheet(address: string): string {
  return address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
}
