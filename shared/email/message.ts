/**
 * The one message structure every source produces: the .eml and .msg readers
 * here, and the Outlook adapter (from `item.body.getAsync` + item fields).
 * Plain data only, so any shell can build it.
 */

export interface MailAddress {
  /** Display name as written («TEISSIER Sandrine»), empty when absent. */
  name: string;
  /** Lower-case address, empty when absent. */
  address: string;
}

export interface MailAttachment {
  /** File name as sent, or a French placeholder when the part has none. */
  name: string;
  /** MIME type, lower case («application/pdf»). */
  type: string;
  /** Size in bytes of the decoded content. */
  size: number;
  /** Decoded bytes, when the reader kept them (never for huge parts). */
  content?: Uint8Array;
}

export interface MailMessage {
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  /**
   * When the sender sent it, ISO 8601 with the sender's own offset when known
   * («2026-01-21T00:07:13+01:00»), else in UTC («…Z»).
   */
  date?: string;
  subject: string;
  /** text/plain body, if any. */
  text?: string;
  /** text/html body, if any (never rendered: only read as text). */
  html?: string;
  attachments: MailAttachment[];
  /** Mailing-list or bulk markers (List-Unsubscribe, Precedence: bulk…): a newsletter. */
  bulk?: boolean;
  /** The message carries a calendar invitation (text/calendar, .ics). */
  calendar?: boolean;
}
