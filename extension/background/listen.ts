/**
 * Wires the background service to runtime messages and to the content
 * scripts' port (one long-lived port per page: a message on it costs the page
 * far less than a `sendMessage`, which opens a channel each time). Errors go
 * back as French text.
 */
import { CHECK_PORT, type Request } from '../messages';
import type { BackgroundService } from './service';

interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  id?: string;
}

/** A runtime port as both browsers give it. */
export interface PortLike {
  name: string;
  sender?: MessageSender;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  postMessage(message: unknown): void;
}

/** The part of the extension API this needs: `browser`, or WXT's `fakeBrowser` in tests. */
export interface MessageHub {
  runtime: {
    id: string;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
      ): void;
    };
    /** Absent from `fakeBrowser`: tests call `servePort` themselves. */
    onConnect?: { addListener(listener: (port: PortLike) => void): void };
  };
}

export function listen(browser: MessageHub, service: BackgroundService) {
  const answer = (message: unknown, sender: MessageSender = {}) =>
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
      }));
  browser.runtime.onMessage.addListener((message, sender) => answer(message, sender));
  browser.runtime.onConnect?.addListener((port) => {
    if (port.name === CHECK_PORT) servePort(port, answer);
  });
}

/** Requests on a port carry an id; each answer goes back with it. */
export function servePort(
  port: PortLike,
  answer: (message: unknown, sender?: MessageSender) => Promise<unknown>,
) {
  port.onMessage.addListener((message) => {
    const { id, request } = (message ?? {}) as { id?: unknown; request?: unknown };
    if (typeof id !== 'number') return;
    void answer(request, port.sender).then((result) => {
      try {
        port.postMessage({ id, answer: result });
      } catch {
        // The page went away meanwhile: nobody waits for this answer.
      }
    });
  });
}
