/// <reference types="office-js" />
/**
 * What the Outlook views get: the received message (read mode) or the one
 * being written (compose mode) — the preview offers several samples — and
 * where the on-send handler's settings live.
 */
import type { OnSendSources } from '../../onsend/settings';
import type { MailboxHost } from './mailbox-host';
import { OfficeMailboxHost } from './office-mailbox-host';

export interface OutlookAdapters {
  /** Received messages the «Créer un parcours» view can read (one in Outlook). */
  received: { label: string; host: MailboxHost }[];
  /** The message being written, or null in read mode. */
  compose: MailboxHost | null;
  /** Where the pane writes the names filter and the internal domains for the handler. */
  onSend: OnSendSources;
}

/** Outlook: the open item; OfficeRuntime.storage when this Outlook has it, and the roaming settings. */
export function officeOutlook(): OutlookAdapters {
  const host = new OfficeMailboxHost();
  const runtime = (globalThis as { OfficeRuntime?: { storage?: OnSendSources['storage'] } })
    .OfficeRuntime;
  const roaming = Office.context.roamingSettings as unknown as OnSendSources['roaming'];
  return {
    received: host.mode === 'read' ? [{ label: 'Message ouvert', host }] : [],
    compose: host.mode === 'compose' ? host : null,
    onSend: {
      ...(runtime?.storage ? { storage: runtime.storage } : {}),
      ...(roaming ? { roaming } : {}),
    },
  };
}
