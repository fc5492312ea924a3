/**
 * «File active»: the caseload kept encrypted in the pane's IndexedDB. First
 * use asks for a passphrase (the preview then fills the store with the sample
 * caseload), later uses unlock it, a wiped store offers a restore; once open,
 * the shared caseload view with a lock button, locked again after inactivity.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { OpenCaseload } from '../../../shared/ui';
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

export default function CaseloadPaneView({ environment }: ViewProps) {
  const preview = environment.kind === 'preview';
  return (
    <SessionGate preview={preview}>
      {(store, lock) => (
        <OpenCaseload
          source={store}
          onLock={lock}
          shell="le volet"
          notice={preview ? <SampleNotice /> : undefined}
        />
      )}
    </SessionGate>
  );
}
