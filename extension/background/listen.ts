/** Wires the background service to runtime messages; errors go back as French text. */
import type { Request } from '../messages';
import type { BackgroundService } from './service';

/** The part of the extension API this needs: `browser`, or WXT's `fakeBrowser` in tests. */
export interface MessageHub {
  runtime: {
    id: string;
    onMessage: {
      addListener(
        listener: (
          message: unknown,
          sender: { tab?: { id?: number }; frameId?: number; id?: string },
        ) => Promise<unknown> | undefined,
      ): void;
    };
  };
}

export function listen(browser: MessageHub, service: BackgroundService) {
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
