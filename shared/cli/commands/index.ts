/**
 * The registry of subcommands: name, one-line French summary and a lazy loader,
 * so `passerelle --help` loads no parser, template engine or database.
 * Capability issues add one line here and one file in this folder.
 */
import type { Command } from '../command';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: 'caseload',
    summary: 'Vérifier et lister une file active (fichier de suivi)',
    load: async () => (await import('./caseload')).caseloadCommand,
  },
  {
    name: 'extract',
    summary: 'Proposer des fiches parcours à partir d’un courriel de saisine (.eml, .msg)',
    load: async () => (await import('./extract')).extractCommand,
  },
];
