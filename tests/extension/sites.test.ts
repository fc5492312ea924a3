/**
 * Sites the user enables at run time: the options page asks the browser for
 * the optional host permission, and the background keeps ONE registered
 * content script in step with the granted origins. WXT's `fakeBrowser` does
 * not implement `permissions` or `scripting`: they are filled in here with
 * the behaviour the browsers document (grants fire `onAdded`, removals
 * `onRemoved`; registering an id twice fails).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_FILE,
  disableSite,
  enabledSites,
  enableSite,
  sitePattern,
  SITES_SCRIPT_ID,
  watchSites,
  type SiteScript,
  type SitesApi,
} from '../../extension/background/sites';
import { WEBMAIL_MATCHES } from '../../extension/webmails/hosts';

/** Browser-side state the fake keeps: granted origins, registered scripts, the user's answer. */
function fakeSitesApi(answer: { grant: boolean }) {
  const origins = new Set<string>(WEBMAIL_MATCHES);
  const scripts = new Map<string, SiteScript>();
  const added: Array<() => void> = [];
  const removed: Array<() => void> = [];
  const api: SitesApi = {
    permissions: {
      getAll: async () => ({ origins: [...origins], permissions: ['storage', 'scripting'] }),
      async request({ origins: asked }) {
        if (!answer.grant) return false;
        const fresh = asked.filter((o) => !origins.has(o));
        for (const o of asked) origins.add(o);
        if (fresh.length) for (const l of added) l();
        return true;
      },
      async remove({ origins: gone }) {
        const had = gone.filter((o) => origins.delete(o));
        if (had.length) for (const l of removed) l();
        return had.length > 0;
      },
      onAdded: { addListener: (l) => void added.push(l) },
      onRemoved: { addListener: (l) => void removed.push(l) },
    },
    scripting: {
      getRegisteredContentScripts: async (filter) =>
        [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      async registerContentScripts(list) {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          if (!s.matches.length) throw new Error('Script with ID must specify matches');
          scripts.set(s.id, s);
        }
      },
      async updateContentScripts(list) {
        for (const s of list) {
          if (!scripts.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
          scripts.set(s.id, { ...scripts.get(s.id)!, ...s });
        }
      },
      async unregisterContentScripts(filter) {
        for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
      },
    },
  };
  // The extension API object the background receives: fakeBrowser, with these two filled in.
  Object.assign(fakeBrowser, api);
  return { browser: fakeBrowser as unknown as SitesApi, scripts, origins };
}

/** Lets the listeners' syncs (queued promises) run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sites enabled at run time', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns what the user types into an https match pattern, or a French error', () => {
    expect(sitePattern('portail.exemple.fr')).toBe('https://portail.exemple.fr/*');
    expect(sitePattern(' https://Portail.Exemple.fr/accueil?x=1 ')).toBe(
      'https://portail.exemple.fr/*',
    );
    expect(() => sitePattern('http://portail.exemple.fr')).toThrow(/https:\/\//);
    expect(() => sitePattern('pas un site')).toThrow(/Adresse de site non reconnue/);
    expect(() => sitePattern('')).toThrow(/Adresse de site non reconnue/);
    expect(() => sitePattern('localhost')).toThrow(/Adresse de site non reconnue/);
    expect(() => sitePattern('mail.google.com')).toThrow(/déjà vérifié/);
  });

  it('registers the content script when a site is granted, updates it, removes it with the last one', async () => {
    const { browser, scripts } = fakeSitesApi({ grant: true });
    watchSites(browser);
    await settled();
    expect(scripts.size).toBe(0);

    expect(await enableSite(browser, 'portail.exemple.fr')).toBe(true);
    await settled();
    expect(scripts.get(SITES_SCRIPT_ID)).toEqual({
      id: SITES_SCRIPT_ID,
      matches: ['https://portail.exemple.fr/*'],
      excludeMatches: [...WEBMAIL_MATCHES],
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      allFrames: false,
    });

    await enableSite(browser, 'https://webmail.equipe-pre.fr/');
    await settled();
    expect(scripts.get(SITES_SCRIPT_ID)!.matches).toEqual([
      'https://portail.exemple.fr/*',
      'https://webmail.equipe-pre.fr/*',
    ]);
    expect(await enabledSites(browser)).toEqual([
      'https://portail.exemple.fr/*',
      'https://webmail.equipe-pre.fr/*',
    ]);

    await disableSite(browser, 'https://portail.exemple.fr/*');
    await settled();
    expect(scripts.get(SITES_SCRIPT_ID)!.matches).toEqual(['https://webmail.equipe-pre.fr/*']);
    await disableSite(browser, 'https://webmail.equipe-pre.fr/*');
    await settled();
    expect(scripts.size).toBe(0);
    // The webmails keep their own, declared content script: they are never listed here.
    expect(await enabledSites(browser)).toEqual([]);
  });

  it('registers nothing when the user refuses the browser’s prompt', async () => {
    const { browser, scripts } = fakeSitesApi({ grant: false });
    watchSites(browser);
    expect(await enableSite(browser, 'portail.exemple.fr')).toBe(false);
    await settled();
    expect(scripts.size).toBe(0);
  });

  it('registers the granted sites again when the background starts (registrations lost)', async () => {
    const { browser, scripts, origins } = fakeSitesApi({ grant: true });
    // Granted earlier (e.g. from the browser's own settings), nothing registered yet.
    origins.add('https://portail.exemple.fr/*');
    const sync = watchSites(browser);
    expect(await sync()).toEqual(['https://portail.exemple.fr/*']);
    expect(scripts.get(SITES_SCRIPT_ID)!.matches).toEqual(['https://portail.exemple.fr/*']);
    // A second start finds it registered: it is updated, not registered twice.
    expect(await watchSites(browser)()).toEqual(['https://portail.exemple.fr/*']);
    expect(scripts.size).toBe(1);
  });
});
