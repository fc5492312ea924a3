/**
 * A mail item in memory behind the MailboxHost interface: the preview's
 * mailbox (sample referral emails, a message being written) and the tests.
 * The HTML body is what Outlook keeps; the text body is derived from it the
 * way Outlook does (paragraphs, line breaks), by the email core.
 */
import { htmlToText, type MailAddress, type MailAttachment } from '../../../shared/email';
import { PasserelleError } from '../../../shared/parcours';
import type { MailboxHost, MailItemMode, MailRecipients } from './mailbox-host';

export interface MailSeed {
  mode: MailItemMode;
  subject: string;
  from?: MailAddress;
  date?: string;
  to?: MailAddress[];
  cc?: MailAddress[];
  bcc?: MailAddress[];
  /** HTML body; when absent the text body is shown as escaped paragraphs. */
  html?: string;
  text?: string;
  attachments?: MailAttachment[];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as Outlook shows it in HTML: one paragraph per line. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<p>${line ? escapeHtml(line) : '&nbsp;'}</p>`)
    .join('\n');
}

export class MemoryMailboxHost implements MailboxHost {
  readonly mode: MailItemMode;
  private html: string;
  private edited = false;
  private readonly seed: MailSeed;

  constructor(seed: MailSeed) {
    this.seed = structuredClone(seed);
    this.mode = seed.mode;
    this.html = seed.html ?? textToHtml(seed.text ?? '');
  }

  async subject(): Promise<string> {
    return this.seed.subject;
  }

  async from(): Promise<MailAddress | undefined> {
    return this.mode === 'read' ? this.seed.from : undefined;
  }

  async date(): Promise<string | undefined> {
    return this.mode === 'read' ? this.seed.date : undefined;
  }

  /** Recipients can be edited while composing (the preview's «À» field). */
  setRecipients(recipients: Partial<MailRecipients>): void {
    if (recipients.to) this.seed.to = recipients.to;
    if (recipients.cc) this.seed.cc = recipients.cc;
    if (recipients.bcc) this.seed.bcc = recipients.bcc;
  }

  async recipients(): Promise<MailRecipients> {
    return {
      to: [...(this.seed.to ?? [])],
      cc: [...(this.seed.cc ?? [])],
      bcc: this.mode === 'compose' ? [...(this.seed.bcc ?? [])] : [],
    };
  }

  async bodyHtml(): Promise<string> {
    return this.html;
  }

  async bodyText(): Promise<string> {
    return this.seed.html === undefined && !this.edited
      ? (this.seed.text ?? '')
      : htmlToText(this.html);
  }

  async setBodyHtml(html: string): Promise<void> {
    this.mustCompose();
    this.html = html;
    this.edited = true;
  }

  async setSubject(subject: string): Promise<void> {
    this.mustCompose();
    this.seed.subject = subject;
  }

  private mustCompose(): void {
    if (this.mode !== 'compose') {
      throw new PasserelleError(
        'outlook/lecture-seule',
        'Ce message est en lecture : seul un message en cours de rédaction peut être modifié.',
      );
    }
  }

  async attachments(): Promise<MailAttachment[]> {
    return (this.seed.attachments ?? []).map((a) =>
      this.mode === 'read' ? { ...a } : { name: a.name, type: a.type, size: a.size },
    );
  }
}
