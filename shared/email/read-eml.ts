/**
 * .eml (RFC 5322/MIME) → `MailMessage` through postal-mime, which decodes
 * quoted-printable, base64, RFC 2047/2231 words and charsets in Node and
 * browsers. Nesting and header sizes are bounded; a message with nothing
 * readable is refused with a French error.
 */
import PostalMime, { type Address, type Email } from 'postal-mime';
import { PasserelleError } from '../parcours';
import type { MailAddress, MailAttachment, MailMessage } from './message';
import { rfc5322ToIso } from './paris-time';
import { htmlToText } from './html-to-text';

/** Attachments above this size are listed but their bytes are not kept. */
export const KEEP_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_NESTING = 40;

function flatten(list: Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const item of list ?? []) {
    if (item.group) out.push(...flatten(item.group));
    else out.push({ name: (item.name ?? '').trim(), address: (item.address ?? '').toLowerCase() });
  }
  return out;
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export function attachmentFrom(
  name: string | null | undefined,
  type: string,
  bytes: Uint8Array,
): MailAttachment {
  return {
    name: name?.trim() || 'pièce jointe sans nom',
    type: type.toLowerCase() || 'application/octet-stream',
    size: bytes.byteLength,
    ...(bytes.byteLength <= KEEP_ATTACHMENT_BYTES ? { content: bytes } : {}),
  };
}

function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

/**
 * A message forwarded as an attachment (message/rfc822) is written out as a forward block
 * after the body, so the forward reading applies to it like to an inline forward.
 */
async function attachedMessageAsForward(
  content: Uint8Array,
  depth: number,
): Promise<string | undefined> {
  if (depth > 1 || content.byteLength > KEEP_ATTACHMENT_BYTES) return undefined;
  try {
    const inner = await readEml(content, undefined, depth + 1);
    const from = inner.from ? `${inner.from.name} <${inner.from.address}>` : '';
    const body = inner.text ?? (inner.html ? htmlToText(inner.html) : '');
    const date = inner.date ? inner.date : '';
    return `-------- Message transféré --------\nDe : ${from}\nEnvoyé : ${date}\nObjet : ${inner.subject}\n\n${body}`;
  } catch {
    return undefined;
  }
}

export async function readEml(bytes: Uint8Array, file?: string, depth = 0): Promise<MailMessage> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, {
      maxNestingDepth: MAX_NESTING,
      attachmentEncoding: 'arraybuffer',
    });
  } catch (error) {
    const nested = /nest/i.test(String((error as Error)?.message));
    throw new PasserelleError(
      nested ? 'email/too-nested' : 'email/unreadable',
      nested
        ? `le courriel contient plus de ${MAX_NESTING} niveaux de parties imbriquées : il est probablement malveillant ; demandez à l’expéditeur de le renvoyer simplement.`
        : 'le courriel est illisible (structure MIME invalide) : enregistrez-le de nouveau depuis la messagerie (format .eml) et réessayez.',
      file ? { file } : {},
      [],
      { cause: error },
    );
  }
  const from = flatten(email.from ? [email.from] : [])[0];
  const dateHeader = header(email, 'date');
  const message: MailMessage = {
    ...(from ? { from } : {}),
    to: flatten(email.to),
    cc: flatten(email.cc),
    subject: (email.subject ?? '').trim(),
    attachments: [],
  };
  const date = dateHeader ? rfc5322ToIso(dateHeader) : undefined;
  if (date) message.date = date;
  if (email.text?.trim()) message.text = email.text;
  if (email.html?.trim()) message.html = email.html;
  const bulk = email.headers.some(
    (h) =>
      h.key === 'list-unsubscribe' ||
      h.key === 'list-id' ||
      (h.key === 'precedence' && /bulk|list|junk/i.test(h.value)),
  );
  if (bulk) message.bulk = true;
  for (const part of email.attachments) {
    if (part.mimeType === 'text/calendar' || /\.ics$/i.test(part.filename ?? ''))
      message.calendar = true;
    if (part.mimeType === 'text/calendar' && !part.filename) continue;
    const content = toBytes(part.content);
    message.attachments.push(attachmentFrom(part.filename, part.mimeType, content));
    if (part.mimeType === 'message/rfc822') {
      const forward = await attachedMessageAsForward(content, depth);
      if (forward)
        message.text = `${message.text ?? (message.html ? htmlToText(message.html) : '')}\n\n${forward}`;
    }
  }
  if (!message.from && !message.date && !message.subject && !message.text && !message.html) {
    throw new PasserelleError(
      'email/empty',
      'aucun en-tête ni texte lisible : ce fichier n’est pas un courriel (.eml). Enregistrez le message depuis la messagerie et réessayez.',
      file ? { file } : {},
    );
  }
  return message;
}
