/**
 * The service worker: every scan happens here, in the extension's origin, so
 * the caseload and the findings' values never reach a web page.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService, type LocalLogEntry } from '../background/service';
import { listen } from '../background/listen';
import { openPanelFromToolbar } from '../pages/open-panel';

const LOCAL_LOG_KEY = 'journalLocal';
const LOCAL_LOG_MAX = 200;

export default defineBackground({
  type: 'module',
  main() {
    const service = createBackgroundService({
      indexedDB,
      async appendLocalLog(entry: LocalLogEntry) {
        const stored = await browser.storage.local.get(LOCAL_LOG_KEY);
        const entries = (stored[LOCAL_LOG_KEY] as LocalLogEntry[] | undefined) ?? [];
        await browser.storage.local.set({
          [LOCAL_LOG_KEY]: [...entries, entry].slice(-LOCAL_LOG_MAX),
        });
      },
    });
    listen(browser, service);
    openPanelFromToolbar(browser as never);
  },
});
