/**
 * What every Excel view waits for: the workbook. Until the host answers it
 * shows a spinner; outside Excel it says where the view opens.
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { ExcelHost } from '../../hosts/excel';
import type { HostAdapters } from '../host-adapters';

export function ExcelGate({
  hosts,
  children,
}: {
  hosts: HostAdapters;
  children: (excel: ExcelHost) => ReactNode;
}) {
  const [excel, setExcel] = useState<ExcelHost | null | undefined>(undefined);
  useEffect(() => {
    void hosts.excel().then(setExcel);
  }, [hosts]);
  if (excel === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Cette vue s’ouvre dans Excel.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!excel) return <Spinner size="small" label="Connexion au classeur…" />;
  return <>{children(excel)}</>;
}
