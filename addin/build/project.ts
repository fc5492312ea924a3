/**
 * Node's `require` anchored at the project root. Build scripts run bundled
 * from a cache folder (`shared/cli/bin/run-ts.js`): esbuild must be loaded
 * from node_modules at run time (it finds its native binary from its own
 * location), and package files (wasm, office.js) resolved from the project.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const projectRequire = createRequire(join(process.cwd(), 'package.json'));

export function loadEsbuild(): typeof import('esbuild') {
  return projectRequire('esbuild') as typeof import('esbuild');
}
