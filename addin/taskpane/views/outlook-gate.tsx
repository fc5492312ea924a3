/**
 * What every Outlook view waits for: the mail item and the on-send settings.
 * Outside Outlook it says where the view opens. While the caseload is open
 * it refreshes the on-send handler's names filter (once per unlock).
 */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { CaseloadStore } from '../../../shared/store';
import type { OutlookAdapters } from '../../hosts/mailbox/outlook-adapters';
import type { HostAdapters } from '../host-adapters';
import { refreshOnSendNames } from '../outlook/on-send-names';
import { useOpenStore } from './session-gate';

const refreshed = new WeakSet<CaseloadStore>();

export function OutlookGate({
  hosts,
  preview,
  children,
}: {
  hosts: HostAdapters;
  preview: boolean;
  children: (outlook: OutlookAdapters, store: CaseloadStore | null) => ReactNode;
}) {
  const [outlook, setOutlook] = useState<OutlookAdapters | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const store = useOpenStore(preview);

  useEffect(() => {
    hosts.outlook().then(setOutlook, () => setFailed(true));
  }, [hosts]);

  useEffect(() => {
    if (!outlook || !store || refreshed.has(store)) return;
    refreshed.add(store);
    // A failure here only leaves the handler with its previous filter (or none): no alarm for the user.
    refreshOnSendNames(store, outlook.onSend).catch(() => refreshed.delete(store));
  }, [outlook, store]);

  if (failed) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          Outlook n’a pas donné accès au message : fermez puis rouvrez le volet.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outlook === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Cette vue s’ouvre dans Outlook.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!outlook) return <Spinner size="small" label="Connexion au message…" />;
  return <>{children(outlook, store)}</>;
}
