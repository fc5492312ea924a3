/**
 * The pane's one store session, shared by every view that needs the
 * caseload: first use asks for a passphrase (the preview then fills the store
 * with the sample caseload), later uses unlock it, a wiped store offers a
 * restore; `StoreGate` shows those screens and renders its view once open.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { sampleCaseload } from '../../shared/samples';
import type { CaseloadStore, RecordInput } from '../../shared/store';
import { PassphraseSetup, StoreWiped, UnlockScreen, errorMessage } from '../../shared/ui';
import type { PaneEnvironment } from './environment';
import { localStorageMarker } from './store-marker';
import { StoreSession } from './store-session';

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

export function StoreGate({
  environment,
  children,
}: {
  environment: PaneEnvironment;
  /** What the view shows once the caseload is open. */
  children(store: CaseloadStore, lock: () => void): ReactNode;
}) {
  const preview = environment.kind === 'preview';
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
