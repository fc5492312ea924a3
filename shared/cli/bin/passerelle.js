#!/usr/bin/env node
// Entry of the `passerelle` command: loads the cached bundle of shared/cli/main.ts.
import { bundledEntry } from './build-cache.js';

const url = await bundledEntry('shared/cli/index.ts', 'cli');
const { main } = await import(url);
process.exitCode = await main(process.argv.slice(2));
