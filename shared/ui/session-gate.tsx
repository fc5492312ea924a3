/**
 * The screens before the caseload opens, for any shell's `StoreSession`:
 * first use, unlock (with a notice after an automatic lock), restore after a
 * wipe; once open, the children get the store and a way to lock it.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { CaseloadStore } from '../store';
import { PassphraseSetup } from './passphrase-setup';
import type { StoreSession } from './store-session';
import { StoreWiped } from './store-wiped';
import { errorMessage } from './typography';
import { UnlockScreen } from './unlock-screen';

/** User actions that count as activity for the inactivity lock. */
const activityEvents = ['pointerdown', 'keydown', 'wheel'] as const;

/** `SessionOptions.watchActivity` for a page: keys, pointer and wheel on its document. */
export function watchDocumentActivity(touch: () => void): () => void {
  for (const name of activityEvents) document.addEventListener(name, touch, { passive: true });
  return () => {
    for (const name of activityEvents) document.removeEventListener(name, touch);
  };
}

export interface SessionGateProps {
  session: StoreSession;
  /** Shown above the first-use form (the preview says it seeds sample data). */
  setupNotice?: ReactNode;
  /** What the user is told when the storage cannot be read at all. */
  storageFailure: string;
  /** The open caseload, and how to lock it. */
  children: (store: CaseloadStore, lock: () => void) => ReactNode;
}

export function SessionGate({ session, setupNotice, storageFailure, children }: SessionGateProps) {
  const state = useSyncExternalStore(session.subscribe, () => session.current);

  useEffect(() => {
    if (session.current.kind === 'checking') void session.check();
  }, [session]);

  switch (state.kind) {
    case 'checking':
      return <Spinner size="small" label="Recherche de la file active…" />;
    case 'failed':
      return (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(state.error, storageFailure)}</MessageBarBody>
        </MessageBar>
      );
    case 'new':
      return (
        <PassphraseSetup
          onCreate={(passphrase) => session.create(passphrase)}
          notice={setupNotice}
        />
      );
    case 'locked':
      return (
        <UnlockScreen
          onUnlock={(passphrase) => session.unlock(passphrase)}
          notice={
            state.afterInactivity ? (
              <MessageBar intent="info">
                <MessageBarBody>
                  Verrouillée automatiquement après {session.lockAfterMinutes}&nbsp;min sans
                  activité.
                </MessageBarBody>
              </MessageBar>
            ) : undefined
          }
        />
      );
    case 'wiped':
      return (
        <StoreWiped
          onRestore={(backup, passphrase) => session.restore(backup, passphrase)}
          onStartOver={() => session.startOver()}
        />
      );
    case 'open':
      return children(state.store, () => session.lock());
  }
}
