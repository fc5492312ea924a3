/**
 * The bilan's tables as the side panel draws and copies them: bars from a
 * table's counts (a masked count «< 5» gets no bar), and every table as TSV
 * and HTML for the clipboard, ready to paste into a spreadsheet or a slide.
 */
import type { BilanView, TableView } from '../indicators';

export interface Bar {
  label: string;
  /** The count, or null when masked (small count in the external view). */
  value: number | null;
  /** As the table shows it: «12», «< 5». */
  shown: string;
}

/** One bar per row of a table, its total row left out. */
export function barsOf(table: TableView): Bar[] {
  return table.rows.slice(0, -1).map((row) => {
    const shown = row[1] ?? '';
    return { label: row[0] ?? '', value: /^\d+$/.test(shown) ? Number(shown) : null, shown };
  });
}

const tsvCell = (cell: string) => cell.replace(/[\t\r\n]+/g, ' ');

export function tablesAsTsv(view: BilanView): string {
  const blocks = view.tables.map((t) =>
    [t.title, t.headers.map(tsvCell).join('\t'), ...t.rows.map((r) => r.map(tsvCell).join('\t'))]
      .concat(t.notes)
      .join('\n'),
  );
  return [view.title, ...blocks].join('\n\n') + '\n';
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function tablesAsHtml(view: BilanView): string {
  const table = (t: TableView) =>
    `<table><caption>${escapeHtml(t.title)}</caption><thead><tr>${t.headers
      .map((h) => `<th>${escapeHtml(h)}</th>`)
      .join('')}</tr></thead><tbody>${t.rows
      .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>${t.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}`;
  return `<h1>${escapeHtml(view.title)}</h1>${view.tables.map(table).join('')}`;
}
