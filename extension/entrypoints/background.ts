/**
 * The service worker: every scan happens here, in the extension's origin, so
 * the caseload and the findings' values never reach a web page. It also keeps
 * the content script registered for the sites the user enabled.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService } from '../background/service';
import { listen } from '../background/listen';
import { openPanelFromToolbar } from '../pages/open-panel';
import { storagePendingLog } from '../background/pending-log';
import { watchSites } from '../background/sites';

export default defineBackground({
  type: 'module',
  main() {
    const service = createBackgroundService({
      indexedDB,
      pending: storagePendingLog(browser.storage),
    });
    listen(browser, service);
    openPanelFromToolbar(browser as never);
    const syncSites = watchSites(browser);
    // Registered scripts may not outlive a browser restart everywhere: register again.
    browser.runtime.onStartup.addListener(() => void syncSites().catch(() => undefined));
  },
});
