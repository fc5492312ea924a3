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
    name: 'store',
    summary: 'Travailler sur une file active chiffrée (fichier --store)',
    load: async () => (await import('./store')).storeCommand,
  },
  {
    name: 'minutes',
    summary: 'Remplir un modèle Word de compte rendu d’EPS, ou vérifier un modèle',
    load: async () => (await import('./minutes')).minutesCommand,
  },
  {
    name: 'import',
    summary: 'Lire un tableau de suivi (Excel, LibreOffice, CSV) en fiches parcours',
    load: async () => (await import('./import')).importCommand,
  },
  {
    name: 'export',
    summary: 'Écrire une file active en tableau (.xlsx, .csv), version interne ou partagée',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'bilan',
    summary: 'Bilan annuel et enquête nationale : indicateurs d’une année scolaire',
    load: async () => (await import('./bilan')).bilanCommand,
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
