/**
 * «File active»: the caseload kept encrypted in the extension's IndexedDB —
 * the shared list (search, filters, editor, history, erasure, right of
 * access) with a lock button. Each change tells the background, whose
 * webmail check uses the caseload's names.
 */
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { CaseloadStore } from '../../../../shared/store';
import { CaseloadView, downloadJson, errorMessage, useCaseload } from '../../../../shared/ui';
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

function OpenCaseload({ store, onLock }: { store: CaseloadStore; onLock(): void }) {
  const source = useMemo(() => notifying(store), [store]);
  const caseload = useCaseload(source, downloadJson);
  if (caseload.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {errorMessage(caseload.error, 'La file active n’a pas pu être lue : rouvrez le panneau.')}
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
      toolbar={<Button onClick={onLock}>Verrouiller</Button>}
    />
  );
}

export default function CaseloadPanelView() {
  return <PageGate>{(store, lock) => <OpenCaseload store={store} onLock={lock} />}</PageGate>;
}
