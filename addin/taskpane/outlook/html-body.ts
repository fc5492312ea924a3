/**
 * A message's HTML body as text for the detector, and back: «Pseudonymiser»
 * replaces words of the text and the body keeps its formatting. One linear
 * pass splits the HTML into markup and text runs (no DOM, nothing run or
 * fetched); a replacement goes into the first run it touches (so a bold name
 * becomes a bold code) and removes what it covers in the following runs.
 * Untouched runs keep their source bytes.
 */
import { decodeEntities } from '../../../shared/email';

/** Elements whose content is never message text. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'xml', 'template', 'svg', 'noscript']);
/** Elements that start a new line in the text. */
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'table',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'hr',
]);

interface Run {
  /** The source, as written. */
  raw: string;
  /** Decoded text of a text run; absent for markup. */
  text?: string;
  /** Offset of the text run in `HtmlText.text`. */
  start: number;
}

export interface HtmlText {
  /** The body's text: text runs joined, a new line at each block element. */
  text: string;
  runs: Run[];
}

const tagName = (tag: string) => /^<\/?\s*([a-z][a-z0-9:-]*)/i.exec(tag)?.[1]?.toLowerCase() ?? '';

export function htmlText(html: string): HtmlText {
  const runs: Run[] = [];
  let text = '';
  let i = 0;
  const markup = (end: number) => {
    runs.push({ raw: html.slice(i, end), start: text.length });
    i = end;
  };
  while (i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      markup(end < 0 ? html.length : end + 3);
      continue;
    }
    if (html[i] === '<' && /[a-z/!?]/i.test(html[i + 1] ?? '')) {
      const close = html.indexOf('>', i);
      const end = close < 0 ? html.length : close + 1;
      const tag = html.slice(i, end);
      const name = tagName(tag);
      if (BLOCKS.has(name) && text && !text.endsWith('\n')) text += '\n';
      markup(end);
      if (SKIPPED.has(name) && !tag.startsWith('</') && !tag.endsWith('/>')) {
        const closing = html.toLowerCase().indexOf(`</${name}`, i);
        markup(closing < 0 ? html.length : closing);
      }
      continue;
    }
    const next = html.indexOf('<', i + 1);
    const end = next < 0 ? html.length : next;
    const raw = html.slice(i, end);
    const decoded = decodeEntities(raw);
    runs.push({ raw, text: decoded, start: text.length });
    text += decoded;
    i = end;
  }
  return { text, runs };
}

const escapeText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');

export interface TextReplacement {
  /** Offsets in `HtmlText.text`. */
  start: number;
  end: number;
  replacement: string;
}

/** The HTML with the replacements applied to its text, markup untouched. */
export function replaceInHtml(body: HtmlText, replacements: readonly TextReplacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const placed = new Set<TextReplacement>();
  return body.runs
    .map((run) => {
      if (run.text === undefined) return run.raw;
      const start = run.start;
      const end = start + run.text.length;
      let out = '';
      let cursor = start;
      let changed = false;
      for (const r of sorted) {
        if (r.end <= start || r.start >= end) continue;
        changed = true;
        out += run.text.slice(cursor - start, Math.max(r.start, start) - start);
        if (!placed.has(r)) {
          placed.add(r);
          out += r.replacement;
        }
        cursor = Math.min(Math.max(r.end, cursor), end);
      }
      if (!changed) return run.raw;
      return escapeText(out + run.text.slice(cursor - start));
    })
    .join('');
}
