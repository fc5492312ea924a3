/**
 * The pane's caseload session, shared by the views that need the caseload
 * («File active», «Importer», «Écrire le suivi», «Vérifier la feuille»): one session per page, so switching views keeps
 * the caseload open. Until it is open the gate shows first use (the preview
 * then fills the store with the sample caseload), unlock, or restore after a
 * wipe; once open, its children get the store.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { sampleCaseload } from '../../../shared/samples';
import type { CaseloadStore, RecordInput } from '../../../shared/store';
import { PassphraseSetup, StoreWiped, UnlockScreen, errorMessage } from '../../../shared/ui';
import { localStorageMarker } from '../store-marker';
import { StoreSession } from '../store-session';

/** User actions that count as activity for the inactivity lock. */
const activityEvents = ['pointerdown', 'keydown', 'wheel'] as const;

function watchActivity(touch: () => void): () => void {
  for (const name of activityEvents) document.addEventListener(name, touch, { passive: true });
  return () => {
    for (const name of activityEvents) document.removeEventListener(name, touch);
  };
}

/** One session per page: switching views keeps the caseload open. */
let session: StoreSession | undefined;
export function sessionFor(preview: boolean): StoreSession {
  session ??= new StoreSession({
    store: { indexedDB, IDBKeyRange, marker: localStorageMarker(localStorage) },
    watchActivity,
    ...(preview
      ? { seed: async () => structuredClone(sampleCaseload.records) as RecordInput[] }
      : {}),
  });
  return session;
}

export interface SessionGateProps {
  preview: boolean;
  /** The open caseload, and how to lock it. */
  children: (store: CaseloadStore, lock: () => void) => ReactNode;
}

export function SessionGate({ preview, children }: SessionGateProps) {
  const current = sessionFor(preview);
  const state = useSyncExternalStore(current.subscribe, () => current.current);

  useEffect(() => {
    if (current.current.kind === 'checking') void current.check();
  }, [current]);

  switch (state.kind) {
    case 'checking':
      return <Spinner size="small" label="Recherche de la file active…" />;
    case 'failed':
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            {errorMessage(
              state.error,
              'Le stockage du volet est inaccessible : fermez puis rouvrez le volet ; si cela persiste, vérifiez que le navigateur ou Office autorise le stockage local.',
            )}
          </MessageBarBody>
        </MessageBar>
      );
    case 'new':
      return (
        <PassphraseSetup
          onCreate={(passphrase) => current.create(passphrase)}
          notice={
            preview ? (
              <MessageBar intent="info">
                <MessageBarBody>
                  Aperçu&nbsp;: la file active sera remplie avec des données d’exemple (personnes
                  inventées).
                </MessageBarBody>
              </MessageBar>
            ) : undefined
          }
        />
      );
    case 'locked':
      return (
        <UnlockScreen
          onUnlock={(passphrase) => current.unlock(passphrase)}
          notice={
            state.afterInactivity ? (
              <MessageBar intent="info">
                <MessageBarBody>
                  Verrouillée automatiquement après {current.lockAfterMinutes}&nbsp;min sans
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
          onRestore={(backup, passphrase) => current.restore(backup, passphrase)}
          onStartOver={() => current.startOver()}
        />
      );
    case 'open':
      return children(state.store, () => current.lock());
  }
}
