/** The shape of a subcommand: its options (parsed by node:util), its help and its run. */
import type { CliIO } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** French description shown in the command's help. */
  description: string;
  /** Placeholder shown after a string option, e.g. FICHIER. */
  value?: string;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
}

export interface Command {
  name: string;
  /** One French line for the general help. */
  summary: string;
  /** Usage line(s) after `passerelle`, e.g. «scan [--json] FICHIER». */
  usage: string;
  /** Longer French explanation: what it reads, what it prints, exit codes. */
  description: string;
  options: Record<string, OptionSpec>;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
