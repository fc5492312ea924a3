/**
 * The caseload session of an extension page (side panel, options): the store
 * lives in the extension origin's IndexedDB, beside the background's copy;
 * opening or locking it here opens or locks the background's too, and a lock
 * from another page (passphrase changed) locks this one.
 */
import type { ReactNode } from 'react';
import type { CaseloadStore } from '../../shared/store';
import {
  SessionGate,
  StoreSession,
  localStorageMarker,
  watchDocumentActivity,
} from '../../shared/ui';
import { background, onLockElsewhere } from './background-link';

let session: StoreSession | undefined;

/** One session per page: switching views keeps the caseload open. */
export function pageSession(): StoreSession {
  if (!session) {
    const created = new StoreSession({
      store: { indexedDB, IDBKeyRange, marker: localStorageMarker(localStorage) },
      watchActivity: watchDocumentActivity,
      onOpened: (passphrase) => void background.unlock(passphrase),
      onLocked: () => void background.lock(),
    });
    onLockElsewhere(() => created.lock());
    session = created;
  }
  return session;
}

export function PageGate({
  children,
}: {
  children: (store: CaseloadStore, lock: () => void) => ReactNode;
}) {
  return (
    <SessionGate
      session={pageSession()}
      storageFailure="Le stockage de l’extension est inaccessible : fermez puis rouvrez le panneau ; si cela persiste, vérifiez que le navigateur autorise le stockage des extensions."
    >
      {children}
    </SessionGate>
  );
}
