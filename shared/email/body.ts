/**
 * The message body as clean text, cut into sections: the new message, then
 * forwarded or quoted earlier messages (French and English markers: «De : …
 * Envoyé : … Objet :», «-----Message d'origine-----», «Le … a écrit :»,
 * «On … wrote:», «> » lines). Quote marks are removed from quoted sections so
 * they read like the original; every offset refers to `text`.
 */
import type { MailAddress, MailMessage } from './message';
import { htmlToText, tidyText } from './html-to-text';

export interface SectionHeader {
  from?: MailAddress;
  /** The date line as written («lundi 9 février 2026 08:47»). */
  date?: string;
  subject?: string;
}

export interface TextSection {
  /**
   * `message`: what the sender wrote now; `forwarded`: a message passed on; `quoted`: an
   * earlier message replied to; `attachment`: the text of an attached .docx form.
   */
  kind: 'message' | 'forwarded' | 'quoted' | 'attachment';
  start: number;
  end: number;
  header?: SectionHeader;
}

export interface CleanBody {
  text: string;
  sections: TextSection[];
}

/** Longest body text read, so a hostile 20 MB body costs bounded time. */
export const MAX_BODY_CHARS = 200_000;

const SEPARATOR =
  /^(?:-{2,}\s*(?:message d'origine|original message|message transf[ée]r[ée]|forwarded message|message d’origine)\s*-{2,}|_{8,}|-{8,}|d[ée]but du message r[ée]exp[ée]di[ée]\s*:?|begin forwarded message\s*:?)$/i;
const HEADER_LINE =
  /^\**(de|from|envoy[ée]|sent|date|[àa]|to|pour|cc|objet|subject|sujet|r[ée]pondre [àa]|reply-to)\**\s*:\**\s*(.*)$/i;
const WROTE = /^(?:le|on)\b.{4,200}(?:a [ée]crit|wrote)\s*:\s*$/i;
const FORWARD_WORDS =
  /(message transf[ée]r[ée]|forwarded|r[ée]exp[ée]di[ée]|je vous (?:transf[eè]re|fais suivre|transmets)|pour (?:suite [àa] donner|information|attribution))/i;

/** Picks the body the sender meant: the text part, or the HTML one when the text is missing or a stub. */
export function bodyText(message: Pick<MailMessage, 'text' | 'html'>): string {
  const text = message.text ? tidyText(message.text.slice(0, MAX_BODY_CHARS)) : '';
  if (!message.html) return text;
  const fromHtml = htmlToText(message.html.slice(0, MAX_BODY_CHARS * 4)).slice(0, MAX_BODY_CHARS);
  return text.length >= fromHtml.length * 0.5 ? text : fromHtml;
}

function parseAddress(value: string): MailAddress {
  const m = /^(.*?)\s*[<[]\s*(?:mailto:)?([^\s<>[\]]+@[^\s<>[\]]+)\s*[>\]]/.exec(value);
  if (m) return { name: m[1]!.replace(/^["']|["']$/g, '').trim(), address: m[2]!.toLowerCase() };
  const bare = /([^\s<>]+@[^\s<>]+)/.exec(value);
  if (bare)
    return {
      name: value.replace(bare[1]!, '').replace(/[<>"]/g, '').trim(),
      address: bare[1]!.toLowerCase(),
    };
  return { name: value.replace(/["']/g, '').trim(), address: '' };
}

/** «Le 12 janv. 2026 à 09:14, Aurélie Fabre <a.fabre@…> a écrit :» → sender and date. */
function wroteHeader(line: string): SectionHeader {
  const body = line.replace(/^(le|on)\s+/i, '').replace(/\s*(a [ée]crit|wrote)\s*:\s*$/i, '');
  const addr = /,\s*([^,]*<[^>]+>|[^,]*@[^,\s]+)\s*$/.exec(body) ?? /,\s*([^,]+)$/.exec(body);
  const header: SectionHeader = {};
  if (addr) {
    header.from = parseAddress(addr[1]!);
    header.date = body.slice(0, addr.index).trim();
  }
  return header;
}

interface Marker {
  /** Line index where the marker starts. */
  line: number;
  /** First line index of the earlier message's body. */
  bodyLine: number;
  header: SectionHeader;
  forwarded: boolean;
}

/** Finds the next header block at or after line `from`. */
function nextMarker(lines: string[], from: number): Marker | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.replace(/^>+\s?/, '');
    const separator = SEPARATOR.test(line);
    const joined = `${line} ${lines[i + 1]?.replace(/^>+\s?/, '') ?? ''}`.trim();
    if (WROTE.test(line) || (/^(le|on)\b/i.test(line) && WROTE.test(joined))) {
      const single = WROTE.test(line);
      return {
        line: i,
        bodyLine: i + (single ? 1 : 2),
        header: wroteHeader(single ? line : joined),
        forwarded: false,
      };
    }
    let headerStart = separator ? i + 1 : i;
    while (
      separator &&
      headerStart < lines.length &&
      !lines[headerStart]!.replace(/^>+\s?/, '').trim()
    )
      headerStart++;
    const first = HEADER_LINE.exec(lines[headerStart]?.replace(/^>+\s?/, '') ?? '');
    if (!first || (!separator && !/^(de|from)$/i.test(first[1]!))) continue;
    const header: SectionHeader = {};
    let j = headerStart;
    let fields = 0;
    for (; j < lines.length; j++) {
      const m = HEADER_LINE.exec(lines[j]!.replace(/^>+\s?/, ''));
      if (!m) {
        // Outlook wraps long «À :» lists onto the next line.
        if (fields && lines[j]!.trim() && /[@;,>]/.test(lines[j]!) && j - headerStart < 8) continue;
        break;
      }
      fields++;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (key === 'de' || key === 'from') header.from = parseAddress(value);
      else if (/^(envoy|sent|date)/.test(key)) header.date = value;
      else if (/^(objet|subject|sujet)$/.test(key)) header.subject = value;
    }
    if (fields >= 2 && (header.from || separator)) {
      return {
        line: i,
        bodyLine: j,
        header,
        forwarded: separator && FORWARD_WORDS.test(line),
      };
    }
  }
  return undefined;
}

const dequote = (line: string) => line.replace(/^(?:>\s?)+/, '');

/** Cuts the body into sections; the first is always the new message. */
export function splitSections(body: string, subject = ''): CleanBody {
  const lines = body.split('\n');
  const isForward = /^\s*(tr|fwd?|transf|wg)\s*:/i.test(subject);
  const parts: Array<{ kind: TextSection['kind']; lines: string[]; header?: SectionHeader }> = [];
  let at = 0;
  let kind: TextSection['kind'] = 'message';
  let header: SectionHeader | undefined;
  while (at <= lines.length) {
    const marker = nextMarker(lines, at);
    const end = marker ? marker.line : lines.length;
    const own = lines.slice(at, end);
    if (kind === 'message') {
      // Bare «> » lines in the new message are an inline quote.
      const fresh = own.filter((l) => !/^>/.test(l));
      const quoted = own.filter((l) => /^>/.test(l));
      parts.push({ kind, lines: fresh });
      if (quoted.length) parts.push({ kind: 'quoted', lines: quoted.map(dequote) });
    } else parts.push({ kind, lines: own.map(dequote), ...(header ? { header } : {}) });
    if (!marker) break;
    const newText = parts[0]!.lines.join('\n');
    kind =
      marker.forwarded || (isForward && parts.length === 1) || FORWARD_WORDS.test(newText)
        ? 'forwarded'
        : 'quoted';
    header = marker.header;
    at = marker.bodyLine;
  }
  let text = '';
  const sections: TextSection[] = [];
  for (const part of parts) {
    const chunk = tidyText(part.lines.join('\n'));
    if (!chunk && part.kind !== 'message') continue;
    if (text) text += '\n\n';
    const start = text.length;
    text += chunk;
    sections.push({
      kind: part.kind,
      start,
      end: text.length,
      ...(part.header ? { header: part.header } : {}),
    });
  }
  return { text, sections };
}
