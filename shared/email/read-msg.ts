/**
 * Outlook .msg (compound file with MAPI properties) → `MailMessage` through
 * @kenjiuno/msgreader: text body, HTML body (PR_HTML bytes, or the HTML
 * encapsulated in the compressed RTF body when that is all there is),
 * transport headers for the sender's own Date offset, attachments.
 */
import MsgReaderModule from '@kenjiuno/msgreader';
import { PasserelleError } from '../parcours';
import type { MailAddress, MailMessage } from './message';
import { attachmentFrom } from './read-eml';
import { rfc5322ToIso, isoWithOffset } from './paris-time';
import { rtfBodyToHtmlOrText } from './rtf';

type Reader = InstanceType<typeof MsgReaderModule>;
type FileData = ReturnType<Reader['getFileData']>;
type Recipient = NonNullable<FileData['recipients']>[number];

// The package is CommonJS: Node's ESM loader hands over `module.exports` (class under
// `.default`), bundlers may hand over the class itself.
const MsgReader: typeof MsgReaderModule =
  (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;

/** The first bytes of every OLE compound file (.msg, .doc, .xls). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

function decodeHtml(bytes: Uint8Array, codepage: number | undefined): string {
  const meta = /charset=["']?([\w-]+)/i.exec(
    new TextDecoder('latin1').decode(bytes.slice(0, 2048)),
  );
  const label = meta?.[1] ?? (codepage === 1252 ? 'windows-1252' : 'utf-8');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function headerValue(headers: string | undefined, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers ?? '');
  return m?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function address(name: string | undefined, email: string | undefined): MailAddress {
  return { name: (name ?? '').trim(), address: (email ?? '').toLowerCase() };
}

export function readMsg(bytes: Uint8Array, file?: string): MailMessage {
  let reader: Reader;
  let data: FileData;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch (error) {
    throw new PasserelleError(
      'email/msg-unreadable',
      'le fichier Outlook (.msg) est illisible ou tronqué : enregistrez de nouveau le message depuis Outlook et réessayez.',
      file ? { file } : {},
      [],
      { cause: error },
    );
  }
  if (data.error) {
    throw new PasserelleError(
      'email/msg-unreadable',
      'le fichier Outlook (.msg) est illisible ou tronqué : enregistrez de nouveau le message depuis Outlook et réessayez.',
      file ? { file } : {},
    );
  }
  const recipients: Recipient[] = data.recipients ?? [];
  const message: MailMessage = {
    to: recipients
      .filter((r) => r.recipType !== 'cc' && r.recipType !== 'bcc')
      .map((r) => address(r.name, r.smtpAddress ?? r.email)),
    cc: recipients
      .filter((r) => r.recipType === 'cc')
      .map((r) => address(r.name, r.smtpAddress ?? r.email)),
    subject: (data.subject ?? '').trim(),
    attachments: [],
  };
  if (data.senderName || data.senderEmail || data.senderSmtpAddress)
    message.from = address(
      data.senderName,
      // Exchange senders carry an X.500 address; the transport headers keep the SMTP one.
      [
        data.senderSmtpAddress,
        data.senderEmail,
        /<([^<>\s]+@[^<>\s]+)>/.exec(headerValue(data.headers, 'From') ?? '')?.[1],
      ].find((a) => a?.includes('@')) ?? data.senderEmail,
    );
  const dateHeader = headerValue(data.headers, 'Date');
  const submitted = data.clientSubmitTime ?? data.messageDeliveryTime ?? data.creationTime;
  const date =
    (dateHeader && rfc5322ToIso(dateHeader)) ||
    (submitted && !Number.isNaN(new Date(submitted).getTime())
      ? isoWithOffset(new Date(submitted), 0).replace('+00:00', 'Z')
      : undefined);
  if (date) message.date = date;
  if (data.body?.trim()) message.text = data.body;
  if (data.html && data.html.byteLength)
    message.html = decodeHtml(data.html, data.internetCodepage);
  else if (data.bodyHtml?.trim()) message.html = data.bodyHtml;
  else if (data.compressedRtf && !message.text) {
    const fromRtf = rtfBodyToHtmlOrText(data.compressedRtf);
    if (fromRtf?.html) message.html = fromRtf.html;
    else if (fromRtf?.text) message.text = fromRtf.text;
  }
  for (const att of data.attachments ?? []) {
    const name = att.fileName ?? att.fileNameShort ?? att.name;
    if (att.innerMsgContent) {
      message.attachments.push({
        name: `${name ?? 'message joint'}`,
        type: 'application/vnd.ms-outlook',
        size: att.contentLength ?? 0,
      });
      continue;
    }
    try {
      const content = reader.getAttachment(att).content;
      message.attachments.push(attachmentFrom(name, att.attachMimeTag ?? guessType(name), content));
    } catch {
      message.attachments.push({
        name: name ?? 'pièce jointe illisible',
        type: att.attachMimeTag ?? guessType(name),
        size: att.contentLength ?? 0,
      });
    }
  }
  if (!message.from && !message.subject && !message.text && !message.html) {
    throw new PasserelleError(
      'email/empty',
      'le fichier Outlook (.msg) ne contient ni expéditeur, ni objet, ni texte : vérifiez qu’il s’agit bien d’un message.',
      file ? { file } : {},
    );
  }
  return message;
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  ics: 'text/calendar',
  txt: 'text/plain',
};

export function guessType(name: string | undefined): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}
