/**
 * The OnMessageSend handler, with its inputs passed in (the mail item, where
 * the settings live, what the Outlook client supports) so tests drive it with
 * office-addin-mock and the single-file bundle with fakes. It always calls
 * `event.completed` exactly once: a bug or an Outlook failure ends in a
 * prompt (or a soft block where prompting is not available), never a hang.
 */
import { namesIndexFromBloom } from '../../shared/anonymisation';
import { recipientAddresses, type MailboxHost } from '../hosts/mailbox';
import { outlookNames } from '../manifest/outlook-names';
import { blockAlert, failureAlert, promptAlert } from './alert';
import { decideOnSend, type SendVerdict } from './decide';
import { readOnSendSettings, type OnSendSources } from './settings';

/** What `event.completed` receives (Office.SmartAlertsEventCompletedOptions). */
export interface SendCompletion {
  allowEvent: boolean;
  errorMessage?: string;
  /** Mailbox 1.14: the dialog's button that opens the pane. */
  cancelLabel?: string;
  commandId?: string;
  /** Mailbox 1.14: «Envoyer quand même» for quasi-identifiers. */
  sendModeOverride?: 'promptUser';
}

export interface SendEvent {
  completed(options?: SendCompletion): void;
}

export interface OnSendDeps {
  host: () => MailboxHost;
  sources: () => OnSendSources;
  /** Mailbox 1.14 (sendModeOverride, commandId, cancelLabel) is supported. */
  mailbox114: () => boolean;
  referenceDate?: string;
}

/** The dialog's button text (Outlook allows 20 characters). */
export const PANE_BUTTON_LABEL = 'Ouvrir Passerelle';

export function completionFor(
  verdict: SendVerdict,
  options: { mailbox114: boolean; withCaseload: boolean },
): SendCompletion {
  const paneButton = options.mailbox114
    ? { cancelLabel: PANE_BUTTON_LABEL, commandId: outlookNames.composeCommandId }
    : {};
  switch (verdict.action) {
    case 'allow':
      return { allowEvent: true };
    case 'block':
      return {
        allowEvent: false,
        errorMessage: blockAlert(verdict.external, verdict.direct, {
          paneButton: options.mailbox114,
          withCaseload: options.withCaseload,
        }),
        ...paneButton,
      };
    case 'prompt':
      // Without sendModeOverride, a prompt would be a block: quasi-identifiers alone go through.
      return options.mailbox114
        ? {
            allowEvent: false,
            errorMessage: promptAlert(verdict.external, verdict.quasi),
            sendModeOverride: 'promptUser',
            ...paneButton,
          }
        : { allowEvent: true };
  }
}

function supports114(deps: OnSendDeps): boolean {
  try {
    return deps.mailbox114();
  } catch {
    return false;
  }
}

export async function handleMessageSend(event: SendEvent, deps: OnSendDeps): Promise<void> {
  const mailbox114 = supports114(deps);
  let completion: SendCompletion;
  try {
    const host = deps.host();
    const [subject, body, recipients, attachments, settings] = await Promise.all([
      host.subject(),
      host.bodyText(),
      host.recipients(),
      host.attachments(),
      readOnSendSettings(deps.sources()),
    ]);
    const verdict = decideOnSend(
      {
        subject,
        body,
        attachmentNames: attachments.map((a) => a.name),
        recipients: recipientAddresses(recipients),
      },
      {
        internalDomains: settings.internalDomains,
        ...(settings.names ? { names: namesIndexFromBloom(settings.names) } : {}),
        ...(deps.referenceDate ? { referenceDate: deps.referenceDate } : {}),
      },
    );
    completion = completionFor(verdict, { mailbox114, withCaseload: !!settings.names });
  } catch {
    completion = {
      allowEvent: false,
      errorMessage: failureAlert,
      ...(mailbox114 ? { sendModeOverride: 'promptUser' as const } : {}),
    };
  }
  event.completed(completion);
}
