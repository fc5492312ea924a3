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
    name: 'scan',
    summary: 'Repérer les données personnelles d’un texte',
    load: async () => (await import('./scan')).scanCommand,
  },
  {
    name: 'anonymise',
    summary: 'Pseudonymiser un texte avant de le partager, puis le vérifier',
    load: async () => (await import('./anonymise')).anonymiseCommand,
  },
];
