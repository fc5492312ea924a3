/**
 * The bilan of the indicators fixture as the side panel draws and copies it:
 * one bar per row without the total, masked counts without a bar, tables as
 * TSV (one line per row) and as escaped HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBilan, schoolYearPeriod, viewBilan } from '../../shared/indicators';
import type { ParcoursRecord } from '../../shared/parcours';
import { barsOf, tablesAsHtml, tablesAsTsv } from '../../shared/ui';

const { records } = JSON.parse(
  readFileSync(join(process.cwd(), 'tests', 'fixtures', 'indicators', 'caseload.json'), 'utf8'),
) as { records: ParcoursRecord[] };
const bilan = computeBilan(records, schoolYearPeriod('2025-2026'));

describe('bilan charts and copied tables', () => {
  it('one bar per row with its count, the total row left out', () => {
    const view = viewBilan(bilan);
    const table = view.tables.find((t) => t.id === bilan.tables[0]!.id)!;
    const bars = barsOf(table);
    expect(bars).toHaveLength(bilan.tables[0]!.rows.length);
    expect(bars.map((b) => b.value)).toEqual(bilan.tables[0]!.rows.map((r) => r.count));
    expect(bars.map((b) => b.label)).toEqual(bilan.tables[0]!.rows.map((r) => r.label));
  });

  it('a masked count («< 5») has no bar in the version for outside the team', () => {
    const view = viewBilan(bilan, { external: true });
    const bars = view.tables.flatMap(barsOf);
    const masked = bars.filter((b) => b.shown === '< 5');
    expect(masked.length).toBeGreaterThan(0);
    expect(masked.every((b) => b.value === null)).toBe(true);
  });

  it('TSV: a title, the headers and one line per row for each table', () => {
    const view = viewBilan(bilan);
    const tsv = tablesAsTsv(view);
    const first = view.tables[0]!;
    const lines = tsv.split('\n');
    const at = lines.indexOf(first.title);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(first.headers.join('\t'));
    expect(lines[at + 2]).toBe(first.rows[0]!.join('\t'));
    expect(lines[0]).toBe(view.title);
  });

  it('HTML: one table per indicator, text escaped', () => {
    const view = viewBilan(bilan);
    const html = tablesAsHtml({
      ...view,
      tables: [{ ...view.tables[0]!, title: 'Âges <b>&</b> "sexe"' }, ...view.tables.slice(1)],
    });
    expect(html.match(/<table>/g)).toHaveLength(view.tables.length);
    expect(html).toContain('<caption>Âges &lt;b&gt;&amp;&lt;/b&gt; &quot;sexe&quot;</caption>');
    expect(html).not.toContain('<b>');
  });
});
