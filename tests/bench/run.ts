/**
 * `npm run bench`: runs every benchmark and prints each figure beside its
 * same-run baseline and its target. `npm run bench -- NAME` runs those whose
 * name contains NAME. Exit 1 when a target is missed.
 */
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

export async function main(args: string[]): Promise<number> {
  const filter = args[0]?.toLowerCase();
  const selected = benches.filter((b) => !filter || b.name.toLowerCase().includes(filter));
  const figures: BenchFigure[] = [];
  for (const bench of selected) {
    process.stderr.write(`… ${bench.name}\n`);
    figures.push(...(await bench.run()));
  }
  console.log(renderFigures(figures));
  const missed = figures.filter((f) => !f.pass).length;
  console.log(
    missed ? `${missed} objectif(s) non atteint(s).` : 'Tous les objectifs sont atteints.',
  );
  return missed ? 1 : 0;
}
