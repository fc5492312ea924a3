/**
 * Gmail: the body is `div[role=textbox][contenteditable][g_editable]` labelled
 * «Corps du message» / «Message Body»; Send is a `div[role=button]` whose
 * tooltip and label start with «Envoyer» / «Send» («Envoyer (Ctrl-Entrée)»);
 * recipients are chips carrying `data-hovercard-id` (or `email`) with the
 * address, plus hidden `input[name=to|cc|bcc]`. Each compose window is a
 * `div[role=dialog]` (pop-up) or the reply table around the body.
 */
import { byLabels, byLabelStarts, type Webmail } from './webmail';

const BODY_LABELS = ['Corps du message', 'Message Body', 'Message body'];
const SEND_LABELS = ['Envoyer', 'Send'];

export const gmail: Webmail = {
  name: 'Gmail',
  hosts: ['mail.google.com'],
  editors: byLabels('div[role="textbox"][contenteditable="true"]', 'aria-label', BODY_LABELS),
  composeRoot: (editor) =>
    editor.closest('[role="dialog"], form, table.iN') ??
    editor.closest('table') ??
    editor.ownerDocument.body,
  sendButtons: [
    byLabelStarts('div[role="button"]', 'data-tooltip', SEND_LABELS),
    byLabelStarts('div[role="button"]', 'aria-label', SEND_LABELS),
  ].join(', '),
  recipients:
    '[data-hovercard-id], span[email], input[name="to"], input[name="cc"], input[name="bcc"]',
  composeOpen: byLabelStarts('div[role="button"]', 'data-tooltip', SEND_LABELS),
  signature: '[gh="cm"]',
};
