/**
 * Sites the user enables besides the webmails (a partner portal, a team's own
 * webmail): an optional host permission granted at run time, then ONE content
 * script registered with `scripting.registerContentScripts` for every granted
 * site. The options page calls `enableSite` / `disableSite` / `enabledSites`
 * (in a click handler: `permissions.request` needs the user's gesture); the
 * background calls `watchSites`, which keeps the registration in step with
 * the permissions, whoever granted or removed them (options page, browser
 * settings).
 */
import { PasserelleError } from '../../shared/parcours';
import { WEBMAIL_MATCHES } from '../webmails/hosts';

/** The part of the extension API this needs: `browser`, or `fakeBrowser` in tests. */
export interface SitesApi {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    request(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    onAdded: { addListener(listener: () => void): void };
    onRemoved: { addListener(listener: () => void): void };
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
    registerContentScripts(scripts: SiteScript[]): Promise<void>;
    updateContentScripts(scripts: SiteScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
}

export interface SiteScript {
  id: string;
  matches: string[];
  /** The webmails have their declared script: a broad grant («all sites») must not add a second. */
  excludeMatches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: false;
}

export const SITES_SCRIPT_ID = 'passerelle-sites';
/** Where WXT writes the content script (the same file the webmails get). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The match pattern for what the user typed: «portail.exemple.fr»,
 * «https://portail.exemple.fr/accueil» → `https://portail.exemple.fr/*`.
 * HTTPS only (the optional permission covers nothing else).
 */
export function sitePattern(input: string): string {
  const raw = String(input ?? '').trim();
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    url = undefined;
  }
  if (!url || !HOST.test(url.hostname)) {
    throw new PasserelleError(
      'SITE_INVALIDE',
      'Adresse de site non reconnue : saisissez par exemple « portail.exemple.fr ».',
      { field: 'site' },
    );
  }
  if (url.protocol !== 'https:') {
    throw new PasserelleError(
      'SITE_NON_SECURISE',
      'Seuls les sites en « https:// » peuvent être vérifiés : un site non chiffré ne doit pas recevoir de données personnelles.',
      { field: 'site' },
    );
  }
  const pattern = `https://${url.hostname}/*`;
  if ((WEBMAIL_MATCHES as readonly string[]).includes(pattern)) {
    throw new PasserelleError(
      'SITE_DEJA_VERIFIE',
      `${url.hostname} est déjà vérifié par Passerelle, sans autorisation à donner.`,
      { field: 'site' },
    );
  }
  return pattern;
}

/** Asks the browser for the site (its own permission prompt). Call it from a click. */
export async function enableSite(api: SitesApi, input: string): Promise<boolean> {
  return api.permissions.request({ origins: [sitePattern(input)] });
}

export async function disableSite(api: SitesApi, pattern: string): Promise<boolean> {
  return api.permissions.remove({ origins: [pattern] });
}

/** The sites the user enabled (granted origins beyond the webmails), sorted. */
export async function enabledSites(api: SitesApi): Promise<string[]> {
  const { origins = [] } = await api.permissions.getAll();
  const own = new Set<string>(WEBMAIL_MATCHES);
  return [...new Set(origins.filter((o) => !own.has(o) && o.startsWith('https://')))].sort();
}

/** Registers (or updates, or removes) the content script for the enabled sites. */
export async function syncSiteScripts(api: SitesApi): Promise<string[]> {
  const matches = await enabledSites(api);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  const present = registered.some((s) => s.id === SITES_SCRIPT_ID);
  const script: SiteScript = {
    id: SITES_SCRIPT_ID,
    matches,
    excludeMatches: [...WEBMAIL_MATCHES],
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle',
    allFrames: false,
  };
  if (!matches.length) {
    if (present) await api.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
  } else if (present) {
    await api.scripting.updateContentScripts([script]);
  } else {
    await api.scripting.registerContentScripts([script]);
  }
  return matches;
}

/**
 * Keeps the registration in step with the permissions, one sync at a time,
 * starting now. Returns the sync, for other moments that call for one.
 */
export function watchSites(api: SitesApi): () => Promise<string[]> {
  let queue: Promise<string[]> = Promise.resolve([]);
  const sync = () => {
    queue = queue.catch(() => []).then(() => syncSiteScripts(api));
    return queue;
  };
  api.permissions.onAdded.addListener(() => void sync().catch(() => undefined));
  api.permissions.onRemoved.addListener(() => void sync().catch(() => undefined));
  void sync().catch(() => undefined);
  return sync;
}
