/**
 * The pane's views, declared once: id (the `?vue=` value), French label,
 * the hosts that show it, and a loader so each view is its own lazy chunk.
 * Later issues add their views here (ids in `view-ids.ts` for the ribbon's).
 */
import type { ComponentType } from 'react';
import type { PaneEnvironment, PaneHost } from './environment';
import type { HostAdapters } from './host-adapters';
import { commandViewIds } from './view-ids';

export interface ViewProps {
  environment: PaneEnvironment;
  hosts: HostAdapters;
}

export interface PaneView {
  id: string;
  label: string;
  /** Hosts that show the view; the preview shows them all. */
  hosts: readonly PaneHost[];
  /** The ribbon command that opens it when that id is not its own (one button, several hosts). */
  command?: string;
  load: () => Promise<{ default: ComponentType<ViewProps> }>;
}

export const paneViews: readonly PaneView[] = [
  {
    id: 'classeur',
    label: 'Classeur',
    hosts: ['Excel'],
    load: () => import('./views/workbook-view'),
  },
  {
    id: 'import',
    label: 'Importer',
    hosts: ['Excel'],
    load: () => import('./views/import-view'),
  },
  {
    id: 'ecrire-suivi',
    label: 'Écrire le suivi',
    hosts: ['Excel'],
    load: () => import('./views/write-followup-view'),
  },
  {
    id: 'bilan',
    label: 'Bilan',
    hosts: ['Excel'],
    load: () => import('./views/bilan-view'),
  },
  {
    id: commandViewIds.verification,
    label: 'Vérifier la feuille',
    hosts: ['Excel'],
    load: () => import('./views/check-sheet-view'),
  },
  {
    id: commandViewIds.eps,
    label: 'Compte rendu EPS',
    hosts: ['Word'],
    load: () => import('./views/eps-minutes-view'),
  },
  {
    id: 'verifier-document',
    command: commandViewIds.verification,
    label: 'Vérifier avant partage',
    hosts: ['Word'],
    load: () => import('./views/check-document-view'),
  },
  {
    id: commandViewIds.courriel,
    label: 'Créer un parcours',
    hosts: ['Outlook'],
    load: () => import('./views/referral-view'),
  },
  {
    id: commandViewIds.envoi,
    label: 'Vérifier avant envoi',
    hosts: ['Outlook'],
    load: () => import('./views/send-check-view'),
  },
  {
    id: 'file-active',
    label: 'File active',
    hosts: ['Excel', 'Word', 'Outlook'],
    load: () => import('./views/caseload-view'),
  },
  {
    id: 'a-propos',
    label: 'À propos',
    hosts: ['Excel', 'Word', 'Outlook'],
    load: () => import('./views/about-view'),
  },
];

/** The views this environment shows, in registry order. */
export function viewsFor(environment: PaneEnvironment, views = paneViews): PaneView[] {
  if (environment.kind === 'preview') return [...views];
  if (environment.kind === 'office') return views.filter((v) => v.hosts.includes(environment.host));
  return [];
}
