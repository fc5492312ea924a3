/**
 * Asks the background over one long-lived port (a `sendMessage` per
 * keystroke cost the page about 2 ms of main thread each). The port closes
 * when the service worker stops: the next request opens another, and requests
 * that were waiting are sent again once. French errors come back as thrown
 * `Error`s.
 */
import { browser, type Browser } from 'wxt/browser';
import { CHECK_PORT, type Answer, type ErrorAnswer, type Request } from '../messages';

export type Ask = <R extends Request>(request: R) => Promise<Answer<R>>;

const NO_ANSWER = 'L’extension ne répond pas : rechargez la page.';

interface Waiting {
  request: Request;
  resolve(answer: unknown): void;
  reject(error: Error): void;
  retried: boolean;
}

export function portAsk(): Ask {
  let port: Browser.runtime.Port | undefined;
  let counter = 0;
  const waiting = new Map<number, Waiting>();

  const post = (id: number, entry: Waiting) => {
    try {
      (port ??= open()).postMessage({ id, request: entry.request });
    } catch {
      waiting.delete(id);
      entry.reject(new Error(NO_ANSWER));
    }
  };

  function open(): Browser.runtime.Port {
    const opened = browser.runtime.connect({ name: CHECK_PORT });
    opened.onMessage.addListener((message: { id: number; answer: unknown }) => {
      const entry = waiting.get(message?.id);
      if (!entry) return;
      waiting.delete(message.id);
      const answer = message.answer as ErrorAnswer | undefined;
      if (answer && typeof answer === 'object' && 'error' in answer)
        entry.reject(new Error(answer.error));
      else if (answer === undefined) entry.reject(new Error(NO_ANSWER));
      else entry.resolve(answer);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      // The service worker stopped with requests in flight: each is sent once more.
      for (const [id, entry] of [...waiting]) {
        if (entry.retried) {
          waiting.delete(id);
          entry.reject(new Error(NO_ANSWER));
        } else {
          entry.retried = true;
          post(id, entry);
        }
      }
    });
    return opened;
  }

  return (request) =>
    new Promise((resolve, reject) => {
      const id = ++counter;
      const entry: Waiting = { request, resolve: resolve as never, reject, retried: false };
      waiting.set(id, entry);
      post(id, entry);
    });
}
