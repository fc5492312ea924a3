/**
 * Extension side panel: initial JavaScript (gzipped) against react +
 * react-dom alone bundled in the same run, budget 300 KB (the views load on
 * demand); first render in Chromium with the built extension (navigation
 * start → shell mounted) against a bare React page in the same browser,
 * target < 1 s.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { serveDirectory } from '../../addin/build/serve';
import { buildExtension, chromiumPath, launchWithExtension } from '../extension/built-extension';
import { gzipKb, initialScripts } from '../extension/initial-scripts';
import { summarise, type Bench, type BenchFigure } from './harness';
import { buildBaseline } from './taskpane';

const budgetKb = 300;
const renderTargetMs = 1000;
const renderRuns = 7;

/** Time of the `mark` after navigation start, once per fresh tab (the first run only warms up). */
async function firstRenders(context: BrowserContext, url: string, mark: string): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < renderRuns + 1; run++) {
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
    const at = await tab.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
    if (run > 0) samples.push(at);
    await tab.close();
  }
  return samples;
}

export const sidePanelBench: Bench = {
  name: 'Panneau latéral',
  async run() {
    const dir = buildExtension('bench-panel');
    const outDir = mkdtempSync(join(tmpdir(), 'passerelle-banc-panneau-'));
    try {
      const baselineFile = await buildBaseline(outDir);
      const initial = gzipKb(dir, initialScripts(dir, 'sidepanel.html'));
      const baseline = gzipSync(readFileSync(baselineFile), { level: 9 }).length / 1024;
      const figures: BenchFigure[] = [
        {
          name: 'JS initial du panneau latéral (gzip)',
          value: initial,
          unit: 'Ko',
          baseline: { name: 'react + react-dom seuls', value: baseline },
          target: `≤ ${budgetKb} Ko`,
          pass: initial <= budgetKb,
        },
      ];
      if (existsSync(chromiumPath)) {
        const server = await serveDirectory(outDir, { port: 0, host: '127.0.0.1' });
        const { context, worker } = await launchWithExtension(dir);
        try {
          const origin = `chrome-extension://${new URL(worker.url()).host}`;
          const panel = summarise(
            await firstRenders(context, `${origin}/sidepanel.html`, 'passerelle:panneau-affiche'),
          );
          const bare = summarise(
            await firstRenders(
              context,
              `${server.origin}/baseline.html`,
              'passerelle:volet-affiche',
            ),
          );
          figures.push({
            name: 'Premier rendu du panneau latéral dans Chromium (médiane)',
            value: panel.median,
            unit: 'ms',
            baseline: { name: 'page React nue', value: bare.median },
            target: `< ${renderTargetMs} ms`,
            pass: panel.median < renderTargetMs,
          });
        } finally {
          await context.close();
          await server.close();
        }
      }
      return figures;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
