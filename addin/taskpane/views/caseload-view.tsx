/**
 * «File active»: the caseload kept encrypted in the pane's IndexedDB. First
 * use asks for a passphrase (the preview then fills the store with the sample
 * caseload), later uses unlock it, a wiped store offers a restore; once open,
 * the shared caseload view with a lock button, locked again after inactivity.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { useEffect, useSyncExternalStore } from 'react';
import { sampleCaseload } from '../../../shared/samples';
import type { CaseloadStore, RecordInput } from '../../../shared/store';
import {
  CaseloadView,
  PassphraseSetup,
  StoreWiped,
  UnlockScreen,
  downloadJson,
  errorMessage,
  useCaseload,
} from '../../../shared/ui';
import { localStorageMarker } from '../store-marker';
import { StoreSession } from '../store-session';
import type { ViewProps } from '../views';

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
function sessionFor(preview: boolean): StoreSession {
  session ??= new StoreSession({
    store: { indexedDB, IDBKeyRange, marker: localStorageMarker(localStorage) },
    watchActivity,
    ...(preview
      ? { seed: async () => structuredClone(sampleCaseload.records) as RecordInput[] }
      : {}),
  });
  return session;
}

function SampleNotice() {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Aperçu</MessageBarTitle>
        Données d’exemple&nbsp;: les enfants et les familles de cette file active sont inventés.
      </MessageBarBody>
    </MessageBar>
  );
}

function OpenCaseload({
  store,
  preview,
  onLock,
}: {
  store: CaseloadStore;
  preview: boolean;
  onLock(): void;
}) {
  const caseload = useCaseload(store, downloadJson);
  if (caseload.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {errorMessage(caseload.error, 'La file active n’a pas pu être lue : rouvrez le volet.')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!caseload.records) return <Spinner size="small" label="Ouverture de la file active…" />;
  return (
    <CaseloadView
      records={caseload.records}
      onSave={caseload.save}
      onErase={caseload.erase}
      onExport={caseload.exportChild}
      loadHistory={caseload.loadHistory}
      notice={preview ? <SampleNotice /> : undefined}
      toolbar={<Button onClick={onLock}>Verrouiller</Button>}
    />
  );
}

export default function CaseloadPaneView({ environment }: ViewProps) {
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
      return <OpenCaseload store={state.store} preview={preview} onLock={() => current.lock()} />;
  }
}
