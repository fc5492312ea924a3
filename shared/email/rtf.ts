/**
 * Outlook's compressed RTF body (PR_RTF_COMPRESSED, [MS-OXRTFCP]) → the HTML
 * it encapsulates ([MS-OXRTFEX], `\fromhtml1`), or plain text for a native
 * RTF body. Used only when a .msg has neither a text nor an HTML body.
 */

const PREBUF =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';
const LZFU = 0x75465a4c;
const MELA = 0x414c454d;
/** Refuse to inflate beyond this: a hostile header cannot make us allocate more. */
const MAX_RTF_BYTES = 16 * 1024 * 1024;

const u32 = (b: Uint8Array, at: number) =>
  ((b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0) as number;

/** Decompresses PR_RTF_COMPRESSED; undefined when the bytes are not such a stream. */
export function decompressRtf(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length < 16) return undefined;
  const rawSize = u32(bytes, 4);
  const kind = u32(bytes, 8);
  if (kind === MELA) return bytes.slice(16, 16 + Math.min(rawSize, MAX_RTF_BYTES));
  if (kind !== LZFU || rawSize > MAX_RTF_BYTES) return undefined;
  const dict = new Uint8Array(4096);
  for (let i = 0; i < PREBUF.length; i++) dict[i] = PREBUF.charCodeAt(i);
  let write = PREBUF.length;
  const out = new Uint8Array(rawSize);
  let outLen = 0;
  let pos = 16;
  while (pos < bytes.length && outLen < rawSize) {
    const control = bytes[pos++]!;
    for (let bit = 0; bit < 8 && pos < bytes.length && outLen < rawSize; bit++) {
      if (control & (1 << bit)) {
        if (pos + 1 >= bytes.length) return out.slice(0, outLen);
        const ref = (bytes[pos]! << 8) | bytes[pos + 1]!;
        pos += 2;
        const offset = ref >> 4;
        const length = (ref & 0xf) + 2;
        if (offset === write) return out.slice(0, outLen);
        for (let k = 0; k < length && outLen < rawSize; k++) {
          const c = dict[(offset + k) % 4096]!;
          out[outLen++] = c;
          dict[write] = c;
          write = (write + 1) % 4096;
        }
      } else {
        const c = bytes[pos++]!;
        out[outLen++] = c;
        dict[write] = c;
        write = (write + 1) % 4096;
      }
    }
  }
  return out.slice(0, outLen);
}

const CP1252 = new TextDecoder('windows-1252');
const SKIP_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'footer',
  'mhtmltag',
]);

interface GroupState {
  skip: boolean;
  htmlTag: boolean;
  suppressed: boolean;
}

/** Reads RTF: the encapsulated HTML when `\fromhtml1` is present, else the visible text. */
export function rtfToHtmlOrText(rtf: string): { html?: string; text?: string } {
  const fromHtml = /\\fromhtml1/.test(rtf.slice(0, 2048));
  const out: string[] = [];
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, htmlTag: false, suppressed: false };
  let skipChars = 0;
  const emit = (s: string) => {
    if (state.skip) return;
    if (fromHtml && state.suppressed && !state.htmlTag) return;
    out.push(s);
  };
  let i = 0;
  while (i < rtf.length) {
    const c = rtf[i]!;
    if (c === '{') {
      stack.push(state);
      state = { ...state };
      i++;
      if (rtf.startsWith('\\*', i)) {
        const word = /^\\\*\\([a-z]+)(-?\d+)?/.exec(rtf.slice(i, i + 40));
        if (word?.[1] === 'htmltag') state.htmlTag = true;
        else state.skip = true;
        i += word ? word[0].length : 2;
        if (rtf[i] === ' ') i++;
      }
      continue;
    }
    if (c === '}') {
      state = stack.pop() ?? state;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = rtf[i + 1];
      if (next === '\\' || next === '{' || next === '}') {
        emit(next);
        i += 2;
        continue;
      }
      if (next === "'") {
        const code = parseInt(rtf.slice(i + 2, i + 4), 16);
        i += 4;
        if (skipChars > 0) skipChars--;
        else if (Number.isFinite(code)) emit(CP1252.decode(new Uint8Array([code])));
        continue;
      }
      const m = /^\\([a-z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i, i + 48));
      if (!m) {
        i += 2;
        continue;
      }
      i += m[0].length;
      const word = m[1]!;
      const arg = m[2] === undefined ? undefined : Number(m[2]);
      if (SKIP_DESTINATIONS.has(word)) state.skip = true;
      else if (word === 'htmlrtf') state.suppressed = arg !== 0;
      else if (word === 'par' || word === 'line') emit(fromHtml && !state.htmlTag ? '' : '\n');
      else if (word === 'tab') emit('\t');
      else if (word === 'u' && arg !== undefined) {
        emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
        skipChars = 1;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (skipChars > 0) {
      skipChars--;
      i++;
      continue;
    }
    emit(c);
    i++;
  }
  const result = out.join('');
  return fromHtml ? { html: result } : { text: result };
}

export function rtfBodyToHtmlOrText(
  compressed: Uint8Array,
): { html?: string; text?: string } | undefined {
  const raw = decompressRtf(compressed);
  if (!raw) return undefined;
  return rtfToHtmlOrText(new TextDecoder('latin1').decode(raw));
}
