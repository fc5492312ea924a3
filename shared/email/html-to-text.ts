/**
 * Mail HTML → plain text, without a DOM and without running or fetching
 * anything: one linear scan over the markup (no backtracking regular
 * expressions on hostile input). Scripts, styles, heads, Office XML islands
 * and comments are dropped; images (trackers included) are ignored; links keep
 * their text only. Paragraphs and line breaks become new lines, as Outlook's
 * Word HTML (`<p class=MsoNormal>`, `<o:p>&nbsp;</o:p>`) means them; the lines
 * of a `<blockquote>` get a leading «> » so quoted replies stay recognisable.
 */

/** Elements whose whole content is never text. */
const SKIPPED = new Set([
  'script',
  'style',
  'head',
  'title',
  'xml',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'textarea',
  'select',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ul',
  'ol',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'dd',
  'dt',
  'dl',
  'pre',
  'center',
  'body',
  'html',
]);

// HTML 4 Latin-1 entities, in code point order from U+00A0.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  euro: '€',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  ndash: '–',
  mdash: '—',
  bull: '•',
  oelig: 'œ',
  OElig: 'Œ',
  Yuml: 'Ÿ',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  trade: '™',
  dagger: '†',
  permil: '‰',
  laquo: '«',
  raquo: '»',
};
LATIN1.split(' ').forEach((name, i) => (ENTITIES[name] = String.fromCharCode(0xa0 + i)));

/** Decodes named and numeric character references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});?/gi,
    (whole, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        if (
          !Number.isFinite(code) ||
          code <= 0 ||
          code > 0x10ffff ||
          (code >= 0xd800 && code <= 0xdfff)
        )
          return '\ufffd';
        return String.fromCodePoint(code);
      }
      return ENTITIES[ref] ?? ENTITIES[ref.toLowerCase()] ?? whole;
    },
  );
}

interface Tag {
  name: string;
  closing: boolean;
  end: number;
}

/** Reads the tag starting at `start` (a «<»), honouring quoted attribute values. */
function readTag(html: string, start: number): Tag | undefined {
  let i = start + 1;
  const closing = html[i] === '/';
  if (closing) i++;
  const nameStart = i;
  while (i < html.length && /[A-Za-z0-9:_-]/.test(html[i]!)) i++;
  if (i === nameStart) return undefined;
  const name = html.slice(nameStart, i).toLowerCase();
  let quote = '';
  for (; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { name, closing, end: i + 1 };
  }
  return { name, closing, end: html.length };
}

/** Index just after the closing tag of a skipped element, or after its opening tag if unclosed. */
function skipElement(html: string, lower: string, name: string, afterOpen: number): number {
  const close = lower.indexOf(`</${name}`, afterOpen);
  if (close < 0) return afterOpen;
  const gt = html.indexOf('>', close);
  return gt < 0 ? html.length : gt + 1;
}

export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let quoteDepth = 0;
  let pre = 0;
  let atLineStart = true;
  const lineBreak = () => {
    out.push('\n' + '> '.repeat(quoteDepth));
    atLineStart = true;
  };
  // Consecutive block boundaries make one line end; an empty paragraph (&nbsp;) a blank line.
  const blockBreak = () => {
    if (!atLineStart) lineBreak();
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) {
      const raw = decodeEntities(html.slice(i, textEnd));
      const text = pre
        ? raw.replace(/\n/g, '\n' + '> '.repeat(quoteDepth))
        : raw.replace(/[ \t\r\n\f]+/g, ' ');
      if (text !== ' ' || !atLineStart) out.push(text);
      if (text.trim() || /\u00a0/.test(text)) atLineStart = false;
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const close = html.indexOf('>', lt);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      out.push('<');
      atLineStart = false;
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const { name, closing } = tag;
    if (!closing && SKIPPED.has(name)) {
      i = skipElement(html, lower, name, tag.end);
      continue;
    }
    if (name === 'br') lineBreak();
    else if (name === 'blockquote') {
      blockBreak();
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
      lineBreak();
    } else if (name === 'pre') {
      blockBreak();
      pre = Math.max(0, pre + (closing ? -1 : 1));
    } else if (name === 'li' && !closing) {
      blockBreak();
      out.push('- ');
      atLineStart = false;
    } else if (name === 'td' || name === 'th') {
      if (closing) out.push('\t');
    } else if (BLOCKS.has(name) || name === 'li') blockBreak();
  }
  return tidyText(out.join('').split('\n').map(tableRow).join('\n'));
}

/** A table row read as text: two cells are a form line («Nom : KURT»), more are kept apart by «|». */
function tableRow(line: string): string {
  if (!line.includes('\t')) return line;
  const cells = line
    .split('\t')
    .map((c) => c.trim())
    .filter(Boolean);
  if (cells.length === 2 && !cells[0]!.endsWith(':')) return `${cells[0]} : ${cells[1]}`;
  return cells.join(' | ');
}

/** Trims lines, turns exotic spaces into plain ones, keeps at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u202f\u2007\u2009\u2002\u2003\t]/g, ' ')
    .replace(/\u00ad|\u200b|\ufeff/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
