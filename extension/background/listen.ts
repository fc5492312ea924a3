/** Wires the background service to runtime messages; errors go back as French text. */
import type { WxtBrowser } from 'wxt/browser';
import type { Request } from '../messages';
import type { BackgroundService } from './service';

export function listen(browser: WxtBrowser, service: BackgroundService) {
  browser.runtime.onMessage.addListener((message, sender) =>
    service
      .handle(message as Request, {
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        // Content scripts always come with their tab; the extension's own pages never do.
        extensionPage: !sender.tab && sender.id === browser.runtime.id,
      })
      .catch((error: unknown) => ({
        error:
          error instanceof Error && error.name === 'PasserelleError'
            ? error.message
            : 'La vérification a échoué dans l’extension : rechargez la page.',
      })),
  );
}
