/// <reference types="office-js" />
/**
 * Where the pane runs: which Office host (or none: the browser preview),
 * which platform, whether the host has the API set Passerelle needs, and
 * which view the ribbon button asked for (`?vue=`).
 */
import { hostRequirements } from '../manifest/requirements';
import { viewParameter } from './view-ids';

export type PaneHost = keyof typeof hostRequirements;
export const paneHosts = Object.keys(hostRequirements) as PaneHost[];

export interface RequirementCheck {
  set: string;
  version: string;
  supported: boolean;
}

export type PaneEnvironment =
  /** In Office, on a host Passerelle serves. */
  | {
      kind: 'office';
      host: PaneHost;
      platform: string;
      requirement: RequirementCheck;
      view: string | null;
    }
  /** In a browser outside Office: every view runs against the in-memory hosts. */
  | { kind: 'preview'; view: string | null }
  /** office.js did not load, or an Office host Passerelle does not serve. */
  | { kind: 'unavailable'; reason: string; view: string | null };

function requestedView(search: string): string | null {
  return new URLSearchParams(search).get(viewParameter);
}

/** Waits for office.js; outside Office `Office.onReady` resolves at once with `host: null`. */
export async function detectEnvironment(search: string): Promise<PaneEnvironment> {
  const view = requestedView(search);
  if (typeof Office === 'undefined') {
    return {
      kind: 'unavailable',
      reason:
        'La bibliothèque Office (office.js) n’a pas pu être chargée : vérifiez la connexion au réseau de votre établissement, puis rouvrez le volet.',
      view,
    };
  }
  const info = await Office.onReady();
  if (!info.host) return { kind: 'preview', view };
  const host = paneHosts.find((h) => h === String(info.host));
  if (!host) {
    return {
      kind: 'unavailable',
      reason: `Passerelle fonctionne dans Excel, Word et Outlook, pas dans ${String(info.host)}.`,
      view,
    };
  }
  const { set, version } = hostRequirements[host];
  return {
    kind: 'office',
    host,
    platform: String(info.platform ?? ''),
    requirement: {
      set,
      version,
      supported: Office.context.requirements.isSetSupported(set, version),
    },
    view,
  };
}
