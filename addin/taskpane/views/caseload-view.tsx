/**
 * «File active»: the caseload kept encrypted in the pane's IndexedDB, behind
 * the pane's store gate (passphrase, unlock, restore); once open, the shared
 * caseload view with a lock button, locked again after inactivity.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import type { CaseloadStore } from '../../../shared/store';
import { CaseloadView, downloadJson, errorMessage, useCaseload } from '../../../shared/ui';
import { StoreGate } from '../pane-session';
import type { ViewProps } from '../views';

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
  return (
    <StoreGate environment={environment}>
      {(store, lock) => (
        <OpenCaseload store={store} preview={environment.kind === 'preview'} onLock={lock} />
      )}
    </StoreGate>
  );
}
