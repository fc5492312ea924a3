/**
 * MailboxHost over Office.js (`Office.context.mailbox.item`). Outlook gives
 * the same fields two ways: plain properties in read mode, `getAsync` calls
 * in compose mode; every callback is wrapped in a promise that rejects with
 * a French PasserelleError. Works in the task pane and in the on-send
 * runtime (no DOM, no `Office.onReady` needed).
 */
import type { MailAddress, MailAttachment } from '../../../shared/email';
import { PasserelleError } from '../../../shared/parcours';
import type { MailboxHost, MailItemMode, MailRecipients } from './mailbox-host';

/** Office's AsyncResult, as far as the adapter reads it. */
interface AsyncResult<T> {
  status: string;
  value: T;
}
type Callback<T> = (result: AsyncResult<T>) => void;

interface EmailAddressDetails {
  displayName?: string;
  emailAddress?: string;
}

interface AttachmentDetails {
  id: string;
  name: string;
  contentType?: string;
  size: number;
  isInline?: boolean;
}

interface AttachmentContent {
  /** `base64` for files; `url`, `eml`, `iCalendar` for cloud files and items. */
  format: string;
  content: string;
}

interface ComposeRecipients {
  getAsync(callback: Callback<EmailAddressDetails[]>): void;
}

/** The parts of Office's read and compose items the adapter uses (one shape for both). */
export interface OutlookItem {
  subject:
    | string
    | {
        getAsync(callback: Callback<string>): void;
        setAsync(subject: string, callback: Callback<void>): void;
      };
  from?: EmailAddressDetails;
  dateTimeCreated?: Date;
  to: EmailAddressDetails[] | ComposeRecipients;
  cc: EmailAddressDetails[] | ComposeRecipients;
  bcc?: ComposeRecipients;
  body: {
    getAsync(coercionType: string, callback: Callback<string>): void;
    setAsync?(data: string, options: { coercionType: string }, callback: Callback<void>): void;
  };
  attachments?: AttachmentDetails[];
  getAttachmentContentAsync?(id: string, callback: Callback<AttachmentContent>): void;
  getAttachmentsAsync?(callback: Callback<AttachmentDetails[]>): void;
}

/** Office.CoercionType and Office.AsyncResultStatus values (plain strings in office.js). */
const HTML = 'html';
const TEXT = 'text';
const SUCCEEDED = 'succeeded';
/** Attachments read into memory for the extractor: forms and letters, not videos. */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Outlook's own error text is English and technical: the user gets what to do instead. */
function outlookFailed(what: string): PasserelleError {
  return new PasserelleError(
    'outlook/echec',
    `Outlook n’a pas pu ${what} : réessayez ; si cela persiste, fermez puis rouvrez le message.`,
  );
}

function call<T>(what: string, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === SUCCEEDED) resolve(result.value);
        else reject(outlookFailed(what));
      });
    } catch {
      reject(outlookFailed(what));
    }
  });
}

const address = (details: EmailAddressDetails): MailAddress => ({
  name: details.displayName ?? '',
  address: (details.emailAddress ?? '').trim().toLowerCase(),
});

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const readOnly = () =>
  new PasserelleError(
    'outlook/lecture-seule',
    'Ce message est en lecture : seul un message en cours de rédaction peut être modifié.',
  );

function currentItem(): OutlookItem {
  const item = (globalThis as { Office?: typeof Office }).Office?.context?.mailbox?.item;
  if (!item) {
    throw new PasserelleError(
      'outlook/aucun-message',
      'Aucun message n’est ouvert : ouvrez ou commencez un message, puis relancez Passerelle.',
    );
  }
  return item as unknown as OutlookItem;
}

export class OfficeMailboxHost implements MailboxHost {
  readonly mode: MailItemMode;

  constructor(private readonly item: OutlookItem = currentItem()) {
    // Outlook gives the subject as a string only to a received message.
    this.mode = typeof item.subject === 'string' ? 'read' : 'compose';
  }

  async subject(): Promise<string> {
    const { subject } = this.item;
    if (typeof subject === 'string') return subject;
    return (await call<string>('lire l’objet du message', (cb) => subject.getAsync(cb))) ?? '';
  }

  async from(): Promise<MailAddress | undefined> {
    return this.mode === 'read' && this.item.from ? address(this.item.from) : undefined;
  }

  async date(): Promise<string | undefined> {
    const created = this.item.dateTimeCreated;
    return this.mode === 'read' && created instanceof Date && !Number.isNaN(created.getTime())
      ? created.toISOString()
      : undefined;
  }

  private async field(
    list: EmailAddressDetails[] | ComposeRecipients | undefined,
  ): Promise<MailAddress[]> {
    if (!list) return [];
    if (Array.isArray(list)) return list.map(address);
    const read = await call<EmailAddressDetails[]>('lire les destinataires', (cb) =>
      list.getAsync(cb),
    );
    return (read ?? []).map(address);
  }

  async recipients(): Promise<MailRecipients> {
    const [to, cc, bcc] = await Promise.all([
      this.field(this.item.to),
      this.field(this.item.cc),
      this.mode === 'compose' ? this.field(this.item.bcc) : Promise.resolve([]),
    ]);
    return { to, cc, bcc };
  }

  async bodyHtml(): Promise<string> {
    return (
      (await call<string>('lire le corps du message', (cb) => this.item.body.getAsync(HTML, cb))) ??
      ''
    );
  }

  async bodyText(): Promise<string> {
    return (
      (await call<string>('lire le corps du message', (cb) => this.item.body.getAsync(TEXT, cb))) ??
      ''
    );
  }

  async setBodyHtml(html: string): Promise<void> {
    const { setAsync } = this.item.body;
    if (this.mode !== 'compose' || !setAsync) throw readOnly();
    await call<void>('modifier le corps du message', (cb) =>
      setAsync.call(this.item.body, html, { coercionType: HTML }, cb),
    );
  }

  async setSubject(subject: string): Promise<void> {
    const field = this.item.subject;
    if (typeof field === 'string') throw readOnly();
    await call<void>('modifier l’objet du message', (cb) => field.setAsync(subject, cb));
  }

  async attachments(): Promise<MailAttachment[]> {
    if (this.mode === 'compose') {
      const { getAttachmentsAsync } = this.item;
      if (!getAttachmentsAsync) return [];
      const listed = await call<AttachmentDetails[]>('lister les pièces jointes', (cb) =>
        getAttachmentsAsync.call(this.item, cb),
      );
      return (listed ?? []).map((a) => ({ name: a.name, type: a.contentType ?? '', size: a.size }));
    }
    return Promise.all(
      (this.item.attachments ?? []).map(async (a): Promise<MailAttachment> => {
        const described = { name: a.name, type: (a.contentType ?? '').toLowerCase(), size: a.size };
        const read = this.item.getAttachmentContentAsync;
        if (!read || a.size > MAX_ATTACHMENT_BYTES) return described;
        const content = await call<AttachmentContent>('lire une pièce jointe', (cb) =>
          read.call(this.item, a.id, cb),
        );
        return content.format === 'base64'
          ? { ...described, content: base64Bytes(content.content) }
          : described;
      }),
    );
  }
}
