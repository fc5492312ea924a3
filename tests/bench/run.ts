/**
 * `npm run bench`: runs every benchmark and prints each figure beside its
 * same-run baseline and its target. `npm run bench -- NAME` runs those whose
 * name contains NAME. Exit 1 when a target is missed. Each benchmark runs in a
 * process of its own: in one shared process, the heap left by the import and
 * store benchmarks halved the speed of the ones after them (baselines too).
 */
import { spawnSync } from 'node:child_process';
import { anonymisationBench } from './anonymisation';
import { extensionBench } from './extension';
import { sidePanelBench } from './side-panel';
import { paneImport } from './pane-import';
import { cliStartup } from './cli-startup';
import { storeBench } from './store';
import { minutesBench } from './minutes';
import { documentsBench } from './documents';
import { importBench } from './import';
import { indicatorsBench } from './indicators';
import { emailExtraction } from './email';
import { outlookBench } from './outlook';
import { renderFigures, type Bench, type BenchFigure } from './harness';
import { taskPane } from './taskpane';

const benches: Bench[] = [
  cliStartup,
  storeBench,
  minutesBench,
  documentsBench,
  taskPane,
  paneImport,
  importBench,
  indicatorsBench,
  emailExtraction,
  anonymisationBench,
  extensionBench,
  outlookBench,
  sidePanelBench,
];

/** Marks the one line of a child process's output that carries its figures. */
const FIGURES = 'FIGURES ';

export async function main(args: string[]): Promise<number> {
  if (args[0] === '--one') {
    const bench = benches.find((b) => b.name === args[1]);
    if (!bench) throw new Error(`Banc inconnu : ${args[1]}`);
    console.log(FIGURES + JSON.stringify(await bench.run()));
    return 0;
  }
  const filter = args[0]?.toLowerCase();
  const selected = benches.filter((b) => !filter || b.name.toLowerCase().includes(filter));
  const figures: BenchFigure[] = [];
  for (const bench of selected) {
    process.stderr.write(`… ${bench.name}\n`);
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, process.argv[2]!, '--one', bench.name],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith(FIGURES));
    if (child.status !== 0 || !line) {
      process.stderr.write(`Le banc « ${bench.name} » a échoué (code ${child.status}).\n`);
      return 2;
    }
    figures.push(...(JSON.parse(line.slice(FIGURES.length)) as BenchFigure[]));
  }
  console.log(renderFigures(figures));
  const missed = figures.filter((f) => !f.pass).length;
  console.log(
    missed ? `${missed} objectif(s) non atteint(s).` : 'Tous les objectifs sont atteints.',
  );
  return missed ? 1 : 0;
}
