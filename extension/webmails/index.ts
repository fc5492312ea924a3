/**
 * The webmails the extension knows. By host first; on other hosts (a test
 * replica, Outlook on a team's own server) by which webmail's editor or send
 * button the page shows; otherwise any textarea or contenteditable.
 */
import { gmail } from './gmail';
import { outlook } from './outlook';
import type { Webmail } from './webmail';

export const WEBMAILS: readonly Webmail[] = [outlook, gmail];

export const generic: Webmail = {
  name: 'cette page',
  hosts: [],
  editors: 'textarea, [contenteditable="true"]',
  composeRoot: (editor) => editor.closest('form') ?? editor.ownerDocument.body,
  sendButtons: 'form button[type="submit"], form input[type="submit"]',
  recipients: 'input[type="email"]',
  composeOpen: 'textarea, [contenteditable="true"]',
  signature: 'textarea, [contenteditable="true"]',
};

export function pickWebmail(hostname: string, doc: Document): Webmail {
  return (
    WEBMAILS.find((w) => w.hosts.includes(hostname)) ??
    WEBMAILS.find((w) => doc.querySelector(`${w.signature}, ${w.editors}`)) ??
    generic
  );
}

export { recipientAddresses, type Webmail } from './webmail';
