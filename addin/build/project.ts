/**
 * Node's `require` anchored at the project root. Build scripts run bundled
 * from a cache folder (`shared/cli/bin/run-ts.js`): esbuild must be loaded
 * from node_modules at run time (it finds its native binary from its own
 * location), and package files (wasm, office.js) resolved from the project.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';

export const projectRequire = createRequire(join(process.cwd(), 'package.json'));

export function loadEsbuild(): typeof Esbuild {
  return projectRequire('esbuild') as typeof Esbuild;
}
