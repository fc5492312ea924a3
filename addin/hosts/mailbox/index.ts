/**
 * The Outlook host adapter: the `MailboxHost` interface the Outlook views and
 * the on-send handler use, its Office.js implementation and the in-memory
 * mail item of the preview and tests, and the item as the email core's
 * `MailMessage`.
 */
export * from './mailbox-host';
export { OfficeMailboxHost, type OutlookItem } from './office-mailbox-host';
export { MemoryMailboxHost, textToHtml, type MailSeed } from './memory-mailbox-host';
export { messageFromHost } from './message';
