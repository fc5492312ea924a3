/**
 * Content script for the webmails and the sites the user enables: small,
 * no framework. It reads the compose editors, asks the background to scan, and
 * draws in its own overlay; it never holds the caseload.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { portAsk } from '../content/ask';
import { createChecker } from '../content/checker';
import { runFeatures } from '../content/feature';
import { FEATURES } from '../content/features';
import { createOverlay } from '../content/overlay';
import { WEBMAIL_MATCHES } from '../webmails/hosts';
import { pickWebmail } from '../webmails';

const DOMAINS_KEY = 'domainesInternes';
/** Set in the content scripts' own world (pages cannot see it): one checker per page. */
const RUNNING = Symbol.for('passerelle.verification');

export default defineContentScript({
  matches: [...WEBMAIL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const world = globalThis as unknown as Record<symbol, AbortSignal | undefined>;
    // Injected twice (declared for a webmail and registered for a site): the first one stays.
    if (world[RUNNING] && !world[RUNNING].aborted) return;
    world[RUNNING] = ctx.signal;
    const doc = document;
    const webmail = pickWebmail(location.hostname, doc);
    const signal = ctx.signal;
    const overlay = createOverlay(doc, signal);
    const ask = portAsk();
    const checker = createChecker({ doc, webmail, overlay, ask });
    let domains: string[] = [];
    const readDomains = (value: unknown) => {
      domains = Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
    };
    readDomains((await browser.storage.local.get(DOMAINS_KEY))[DOMAINS_KEY]);
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      if (DOMAINS_KEY in changes) readDomains(changes[DOMAINS_KEY]?.newValue);
    };
    browser.storage.local.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () =>
      browser.storage.local.onChanged.removeListener(onChanged),
    );
    await runFeatures(
      FEATURES,
      { doc, webmail, overlay, checker, ask, internalDomains: () => domains },
      signal,
    );
  },
});
