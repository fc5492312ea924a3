/**
 * Outlook on the web (new Outlook, outlook.office.com / office365 / live): the
 * body is a `div[role=textbox][contenteditable]` labelled «Corps du message» /
 * «Message body»; recipients are chips inside `div[role=textbox]` wells
 * labelled «À», «Cc», «Cci» / «To», «Cc», «Bcc»; Send is a `button` labelled
 * «Envoyer» / «Send». A compose window is a `div[role=main]` or a pop-out
 * `div[role=dialog]`; each has its own send button.
 */
import { byLabels, type Webmail } from './webmail';

const BODY_LABELS = ['Corps du message', 'Message body'];
const RECIPIENT_LABELS = ['À', 'Cc', 'Cci', 'To', 'Bcc'];
const SEND_LABELS = ['Envoyer', 'Send'];

export const outlook: Webmail = {
  name: 'Outlook sur le web',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
  editors: byLabels('div[contenteditable="true"]', 'aria-label', BODY_LABELS),
  composeRoot: (editor) =>
    editor.closest('[role="dialog"], [data-passerelle-compose], [role="main"]') ??
    editor.ownerDocument.body,
  sendButtons: byLabels('button', 'aria-label', SEND_LABELS),
  recipients: byLabels('div[role="textbox"]', 'aria-label', RECIPIENT_LABELS),
  composeOpen: byLabels('button', 'aria-label', SEND_LABELS),
  signature: byLabels('button', 'aria-label', [
    'Nouveau message',
    'Nouveau courrier',
    'New mail',
    'New message',
  ]),
};
