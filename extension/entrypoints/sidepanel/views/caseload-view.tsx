/**
 * «File active»: the caseload kept encrypted in the extension's IndexedDB —
 * the shared list (search, filters, editor, history, erasure, right of
 * access) with a lock button. Each change tells the background, whose
 * webmail check uses the caseload's names.
 */
import { useMemo } from 'react';
import type { CaseloadStore } from '../../../../shared/store';
import { OpenCaseload } from '../../../../shared/ui';
import { background } from '../../../pages/background-link';
import { PageGate } from '../../../pages/session';

/** The store, telling the background after each change of names. */
function notifying(store: CaseloadStore) {
  const changed = () => void background.notify({ kind: 'caseload-changed' });
  return {
    allRecords: () => store.allRecords(),
    auditLog: () => store.auditLog(),
    exportChild: (code: string) => store.exportChild(code),
    replaceRecord: async (record: Parameters<CaseloadStore['replaceRecord']>[0]) => {
      await store.replaceRecord(record);
      changed();
    },
    eraseChild: async (code: string) => {
      await store.eraseChild(code);
      changed();
    },
  };
}

function NotifyingCaseload({ store, onLock }: { store: CaseloadStore; onLock(): void }) {
  const source = useMemo(() => notifying(store), [store]);
  return <OpenCaseload source={source} onLock={onLock} shell="le panneau" />;
}

export default function CaseloadPanelView() {
  return <PageGate>{(store, lock) => <NotifyingCaseload store={store} onLock={lock} />}</PageGate>;
}
