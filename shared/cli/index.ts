/**
 * shared/cli — the `passerelle` command line (entry of the bundled bin).
 * `main(argv, io)` runs one subcommand and returns its exit code; tests pass an
 * in-memory `CliIO`.
 */
export { main } from './main';
export { readInput, type CliIO } from './io';
