/** Builds RFC 5322 messages for tests: headers, a text and/or HTML body, attachments (base64). */
export interface EmlParts {
  from?: string;
  to?: string;
  subject?: string;
  date?: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: Array<{ name: string; type: string; content: Uint8Array }>;
}

const b64 = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
const word = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;

export function buildEml(parts: EmlParts): Uint8Array {
  const head = [
    `From: ${parts.from ?? 'Claire Roux <claire.roux@ac-nice.fr>'}`,
    `To: ${parts.to ?? 'PRE <pre@ville.fr>'}`,
    `Subject: ${word(parts.subject ?? 'Orientation PRE')}`,
    `Date: ${parts.date ?? 'Tue, 13 Jan 2026 10:00:00 +0100'}`,
    'MIME-Version: 1.0',
    ...Object.entries(parts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const bodies: string[] = [];
  if (parts.text !== undefined)
    bodies.push(
      `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(Buffer.from(parts.text))}`,
    );
  if (parts.html !== undefined)
    bodies.push(
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(Buffer.from(parts.html))}`,
    );
  let body =
    bodies.length === 1
      ? bodies[0]!
      : `Content-Type: multipart/alternative; boundary="alt"\r\n\r\n${bodies.map((b) => `--alt\r\n${b}\r\n`).join('')}--alt--`;
  if (parts.attachments?.length) {
    body = `Content-Type: multipart/mixed; boundary="mix"\r\n\r\n--mix\r\n${body}\r\n${parts.attachments
      .map(
        (a) =>
          `--mix\r\nContent-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(a.content)}\r\n`,
      )
      .join('')}--mix--`;
  }
  return new Uint8Array(Buffer.from(`${head.join('\r\n')}\r\n${body}\r\n`));
}
