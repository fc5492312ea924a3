/** Plain-text table for the terminal, column widths fitted to the content. */
export function renderTable(headers: string[], rows: string[][], maxWidth = 28): string {
  const clip = (text: string) =>
    text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
  const cells = [headers, ...rows].map((row) => row.map(clip));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0]!),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}
