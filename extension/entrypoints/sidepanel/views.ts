/**
 * The side panel's views, declared once: id (the `?vue=` value), French
 * label, and a loader so each view is its own lazy chunk; the first paint
 * loads none of the core capabilities.
 */
import type { ComponentType } from 'react';

export interface PanelView {
  id: string;
  label: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const panelViews: readonly PanelView[] = [
  { id: 'file-active', label: 'File active', load: () => import('./views/caseload-view') },
  { id: 'import', label: 'Importer', load: () => import('./views/import-view') },
  {
    id: 'pseudonymiser',
    label: 'Pseudonymiser un texte',
    load: () => import('./views/pseudonymise-view'),
  },
  { id: 'compte-rendu', label: 'Compte rendu EPS', load: () => import('./views/minutes-view') },
  { id: 'bilan', label: 'Bilan', load: () => import('./views/bilan-view') },
];

/** The view the URL asks for, else the first. */
export function viewFor(id: string | null, views = panelViews): PanelView {
  return views.find((v) => v.id === id) ?? views[0]!;
}
