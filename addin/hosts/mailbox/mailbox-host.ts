/**
 * What the Outlook views and the on-send handler need from the open mail
 * item, and nothing else: `office-mailbox-host.ts` implements it over
 * `Office.context.mailbox.item`, `memory-mailbox-host.ts` over a plain
 * message (preview and tests). Addresses use the email core's `MailAddress`.
 */
import type { MailAddress, MailAttachment } from '../../../shared/email';

/** Read mode: a received message; compose mode: a message being written. */
export type MailItemMode = 'read' | 'compose';

export interface MailRecipients {
  to: MailAddress[];
  cc: MailAddress[];
  /** Always empty in read mode (a received message does not show Bcc). */
  bcc: MailAddress[];
}

export interface MailboxHost {
  readonly mode: MailItemMode;
  subject(): Promise<string>;
  /** The sender (read mode); undefined while composing. */
  from(): Promise<MailAddress | undefined>;
  /** When the message was sent or created, ISO 8601 (UTC); undefined while composing. */
  date(): Promise<string | undefined>;
  recipients(): Promise<MailRecipients>;
  bodyHtml(): Promise<string>;
  bodyText(): Promise<string>;
  /** Replaces the body (compose mode only): a PasserelleError in read mode. */
  setBodyHtml(html: string): Promise<void>;
  /** Replaces the subject (compose mode only): a PasserelleError in read mode. */
  setSubject(subject: string): Promise<void>;
  /** Attachments: names, types and sizes; content too in read mode when Outlook gives it. */
  attachments(): Promise<MailAttachment[]>;
}

/** Every recipient address (To, Cc, Bcc), lower case, without the empty ones. */
export function recipientAddresses(recipients: MailRecipients): string[] {
  return [...recipients.to, ...recipients.cc, ...recipients.bcc]
    .map((r) => r.address.trim().toLowerCase())
    .filter(Boolean);
}
