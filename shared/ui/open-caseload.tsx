/**
 * The open caseload as both shells show it: the shared list, editor, history,
 * erasure and right of access over a store-shaped source, with a lock button;
 * a French error when the list cannot be read.
 */
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCaseload, type CaseloadSource } from './caseload-controller';
import { CaseloadView } from './caseload-view';
import { downloadJson } from './download';
import { errorMessage } from './typography';

export interface OpenCaseloadProps {
  source: CaseloadSource;
  onLock(): void;
  /** What to reopen when the list cannot be read: «le volet», «le panneau». */
  shell: string;
  notice?: ReactNode;
}

export function OpenCaseload({ source, onLock, shell, notice }: OpenCaseloadProps) {
  const caseload = useCaseload(source, downloadJson);
  if (caseload.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {errorMessage(caseload.error, `La file active n’a pas pu être lue : rouvrez ${shell}.`)}
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
      notice={notice}
      toolbar={<Button onClick={onLock}>Verrouiller</Button>}
    />
  );
}
