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
import type { CaseloadStore } from '../../../shared/store';
import { CaseloadView, downloadJson, errorMessage, useCaseload } from '../../../shared/ui';
import type { ViewProps } from '../views';
import { SessionGate } from './session-gate';

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
  return (
    <SessionGate preview={preview}>
      {(store, lock) => <OpenCaseload store={store} preview={preview} onLock={lock} />}
    </SessionGate>
  );
}
