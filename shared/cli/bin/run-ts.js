#!/usr/bin/env node
// Runs a TypeScript script of the project (benchmarks, generators) through the same cache.
import { basename } from 'node:path';
import { bundledEntry } from './build-cache.js';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage : node shared/cli/bin/run-ts.js FICHIER.ts [arguments…]');
  process.exit(2);
}
const url = await bundledEntry(entry, `script-${basename(entry, '.ts')}`);
const { main } = await import(url);
process.exitCode = (await main(args)) ?? 0;
