/**
 * The pane's caseload session, shared by the views that need the caseload
 * («File active», «Importer», «Écrire le suivi», «Vérifier la feuille»): one session per page, so switching views keeps
 * the caseload open. Until it is open the gate (shared/ui) shows first use
 * (the preview then fills the store with the sample caseload), unlock, or
 * restore after a wipe; once open, its children get the store.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useSyncExternalStore, type ReactNode } from 'react';
import { sampleCaseload } from '../../../shared/samples';
import type { CaseloadStore, RecordInput } from '../../../shared/store';
import {
  SessionGate as SharedSessionGate,
  StoreSession,
  localStorageMarker,
  watchDocumentActivity,
} from '../../../shared/ui';

/** One session per page: switching views keeps the caseload open. */
let session: StoreSession | undefined;
export function sessionFor(preview: boolean): StoreSession {
  session ??= new StoreSession({
    store: { indexedDB, IDBKeyRange, marker: localStorageMarker(localStorage) },
    watchActivity: watchDocumentActivity,
    ...(preview
      ? { seed: async () => structuredClone(sampleCaseload.records) as RecordInput[] }
      : {}),
  });
  return session;
}

/**
 * The caseload when it is open, else null: for the views that also work
 * locked (the checks then rely on context only).
 */
export function useOpenStore(preview: boolean): CaseloadStore | null {
  const current = sessionFor(preview);
  const state = useSyncExternalStore(current.subscribe, () => current.current);
  return state.kind === 'open' ? state.store : null;
}

export interface SessionGateProps {
  preview: boolean;
  /** The open caseload, and how to lock it. */
  children: (store: CaseloadStore, lock: () => void) => ReactNode;
}

export function SessionGate({ preview, children }: SessionGateProps) {
  return (
    <SharedSessionGate
      session={sessionFor(preview)}
      storageFailure="Le stockage du volet est inaccessible : fermez puis rouvrez le volet ; si cela persiste, vérifiez que le navigateur ou Office autorise le stockage local."
      setupNotice={
        preview ? (
          <MessageBar intent="info">
            <MessageBarBody>
              Aperçu&nbsp;: la file active sera remplie avec des données d’exemple (personnes
              inventées).
            </MessageBarBody>
          </MessageBar>
        ) : undefined
      }
    >
      {children}
    </SharedSessionGate>
  );
}
