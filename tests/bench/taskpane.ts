/**
 * Task pane: initial JavaScript (gzipped) against react + react-dom alone
 * bundled the same way in the same run, budget 250 KB; first render in
 * Chromium (navigation start → shell mounted) against a bare React page
 * served the same way, target < 1 s; the «File active» view's on-demand
 * chunks (store, Dexie, zod, forms) against the initial JS, budget 200 KB.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as Playwright from 'playwright-core';
import { buildAddin, compileOptions } from '../../addin/build/build';
import { loadEsbuild, projectRequire } from '../../addin/build/project';
import { serveDirectory } from '../../addin/build/serve';
import { summarise, type Bench, type BenchFigure } from './harness';

const chromiumPath = '/usr/bin/chromium';
const budgetKb = 250;
/** A view opened on demand (store, Dexie, zod, forms) must stay a short wait on a slow network. */
const lazyViewBudgetKb = 200;
const renderTargetMs = 1000;
const renderRuns = 7;

const gzipKb = (files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1024;

/** react + react-dom rendering one element, with the pane's esbuild options; writes baseline.html. */
export async function buildBaseline(outDir: string): Promise<string> {
  const root = process.cwd();
  const outfile = join(outDir, 'baseline.js');
  await loadEsbuild().build({
    ...compileOptions,
    absWorkingDir: root,
    outfile,
    stdin: {
      contents:
        "import { createRoot } from 'react-dom/client';\n" +
        "import { createElement, useEffect } from 'react';\n" +
        "function Shell() { useEffect(() => { performance.mark('passerelle:volet-affiche'); }, []); return createElement('h1', null, 'Passerelle'); }\n" +
        "createRoot(document.getElementById('passerelle')).render(createElement(Shell));\n",
      resolveDir: root,
      loader: 'js',
    },
  });
  writeFileSync(
    join(outDir, 'baseline.html'),
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Référence</title>' +
      '<script type="module" src="baseline.js"></script></head><body><div id="passerelle"></div></body></html>',
  );
  return outfile;
}

async function firstRenders(origin: string, page: string): Promise<number[]> {
  const { chromium } = projectRequire('playwright-core') as typeof Playwright;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const samples: number[] = [];
  try {
    for (let run = 0; run < renderRuns + 1; run++) {
      const context = await browser.newContext(); // cold cache each time
      const tab = await context.newPage();
      await tab.goto(`${origin}/${page}`);
      await tab.waitForFunction(
        () => performance.getEntriesByName('passerelle:volet-affiche').length > 0,
      );
      const at = await tab.evaluate(
        () => performance.getEntriesByName('passerelle:volet-affiche')[0]!.startTime,
      );
      if (run > 0) samples.push(at); // the first run warms the browser process
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return samples;
}

export const taskPane: Bench = {
  name: 'Volet Office',
  async run() {
    const outDir = mkdtempSync(join(tmpdir(), 'passerelle-banc-volet-'));
    try {
      const build = await buildAddin({ mode: 'preview', outDir });
      const baselineFile = await buildBaseline(outDir);
      const initial = gzipKb(build.initialScripts);
      const baseline = gzipKb([baselineFile]);
      const fileActive = gzipKb(build.viewScripts['addin/taskpane/views/caseload-view.tsx'] ?? []);
      const figures: BenchFigure[] = [
        {
          name: 'JS initial du volet (gzip)',
          value: initial,
          unit: 'Ko',
          baseline: { name: 'react + react-dom seuls', value: baseline },
          target: `≤ ${budgetKb} Ko`,
          pass: initial <= budgetKb,
        },
        {
          name: 'Vue « File active » chargée à la demande (gzip)',
          value: fileActive,
          unit: 'Ko',
          baseline: { name: 'JS initial du volet', value: initial },
          target: `≤ ${lazyViewBudgetKb} Ko`,
          pass: fileActive <= lazyViewBudgetKb,
        },
      ];
      if (existsSync(chromiumPath)) {
        const server = await serveDirectory(outDir, { port: 0, host: '127.0.0.1' });
        try {
          const pane = summarise(await firstRenders(server.origin, 'taskpane.html?vue=classeur'));
          const bare = summarise(await firstRenders(server.origin, 'baseline.html'));
          figures.push({
            name: 'Premier rendu du volet dans Chromium (médiane)',
            value: pane.median,
            unit: 'ms',
            baseline: { name: 'page React nue', value: bare.median },
            target: `< ${renderTargetMs} ms`,
            pass: pane.median < renderTargetMs,
          });
        } finally {
          await server.close();
        }
      }
      return figures;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
