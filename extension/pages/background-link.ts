/**
 * The side panel and options page talking to the background: open or lock
 * its copy of the caseload (the webmail check needs the names), and notices
 * of changes. Best effort: the pages work on their own store whatever the
 * background answers; a background that refuses leaves the webmail check
 * running without names, which its badge shows.
 */
import { browser } from 'wxt/browser';
import type { PanelNotice, Request } from '../messages';

async function tell(request: Request): Promise<void> {
  try {
    await browser.runtime.sendMessage(request);
  } catch {
    // No background listening (page opened outside the extension, worker restarting).
  }
}

export const background = {
  unlock: (passphrase: string) => tell({ kind: 'unlock', passphrase }),
  lock: () => tell({ kind: 'lock' }),
  notify: (notice: PanelNotice) => tell(notice),
};

/** Calls `onLock` when another extension page locks the caseload (options after a passphrase change). */
export function onLockElsewhere(onLock: () => void): () => void {
  const listener = (message: unknown) => {
    if ((message as Request | undefined)?.kind === 'lock') onLock();
    // Returning nothing: the background answers, not this page.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
