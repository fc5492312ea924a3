/**
 * Entry of `onsend.js`, the one file Outlook runs on send (classic Outlook on
 * Windows: a JavaScript-only runtime, no DOM, no `Office.onReady`, no
 * localStorage, no IndexedDB; Outlook on the web and on Mac load it from
 * `onsend.html`). The handler is associated at the top level, as Outlook
 * requires, under the name the manifest gives.
 */
import { OfficeMailboxHost } from '../hosts/mailbox';
import { outlookNames } from '../manifest/outlook-names';
import { installBase64Decoder } from './base64';
import { handleMessageSend, type SendEvent } from './handler';
import type { OnSendSources } from './settings';

installBase64Decoder(globalThis);

function sources(): OnSendSources {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: OnSendSources['storage'] } })
    .OfficeRuntime;
  const roaming = Office.context?.roamingSettings as unknown as
    OnSendSources['roaming'] | undefined;
  return {
    ...(runtime?.storage ? { storage: runtime.storage } : {}),
    ...(roaming ? { roaming } : {}),
  };
}

Office.actions.associate(outlookNames.onSendFunction, (event: SendEvent) => {
  void handleMessageSend(event, {
    host: () => new OfficeMailboxHost(),
    sources,
    mailbox114: () => Office.context.requirements.isSetSupported('Mailbox', '1.14'),
  });
});
