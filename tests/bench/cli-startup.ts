/** `passerelle --help` start-up against a bare `node -e ""` in the same run. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { time, type Bench } from './harness';

export const cliStartup: Bench = {
  name: 'Démarrage de la ligne de commande',
  async run() {
    const bin = join(process.cwd(), 'shared/cli/bin/passerelle.js');
    execFileSync(process.execPath, [bin, '--help']); // builds the cache once
    const bare = await time(() => execFileSync(process.execPath, ['-e', '']), 10, 1);
    const help = await time(() => execFileSync(process.execPath, [bin, '--help']), 10, 1);
    return [
      {
        name: 'passerelle --help (médiane)',
        value: help.median,
        unit: 'ms',
        baseline: { name: 'node -e ""', value: bare.median },
        target: '< 300 ms',
        pass: help.median < 300,
      },
    ];
  },
};
