/**
 * The text of a compose editor as the scanner sees it, and the way back from
 * text offsets to DOM positions. Reading never changes the editor; `rewrite`
 * (the user's «Pseudonymiser») edits text nodes in place so formatting, the
 * surrounding markup and the caret (live ranges follow `replaceData`) survive.
 */
import type { PageEdit } from '../messages';

export type Editor = HTMLElement | HTMLTextAreaElement;

interface Segment {
  node: Text;
  start: number;
}

export interface EditorText {
  text: string;
  /** Text nodes with their offsets in `text` (empty for a textarea). */
  segments: Segment[];
}

const BLOCKS = new Set([
  'DIV',
  'P',
  'LI',
  'UL',
  'OL',
  'TR',
  'TABLE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'SECTION',
  'ARTICLE',
]);

export function isTextarea(editor: Editor): editor is HTMLTextAreaElement {
  return editor instanceof HTMLTextAreaElement;
}

/** One line per block and per `<br>`, like the text the recipient reads. */
export function readEditor(editor: Editor): EditorText {
  if (isTextarea(editor)) return { text: editor.value, segments: [] };
  let text = '';
  const segments: Segment[] = [];
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data) {
          segments.push({ node: child as Text, start: text.length });
          text += data;
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName;
        if (tag === 'BR') {
          text += '\n';
        } else if (tag !== 'SCRIPT' && tag !== 'STYLE') {
          const block = BLOCKS.has(tag);
          if (block) newline();
          walk(child);
          if (block) newline();
        }
      }
    }
  };
  walk(editor);
  return { text: text.replace(/\u00a0/g, ' '), segments };
}

/** The text node and offset at a text offset (the segment it falls in, else the next one). */
export function locate(
  segments: readonly Segment[],
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = segments[mid]!;
    const end = s.start + s.node.data.length;
    if (offset < s.start || (offset === s.start && preferEnd && mid > 0)) high = mid - 1;
    else if (offset > end || (offset === end && !preferEnd)) low = mid + 1;
    else return { node: s.node, offset: offset - s.start };
  }
  const next = segments[low];
  return next ? { node: next.node, offset: 0 } : undefined;
}

/** A DOM range over `text.slice(start, end)`, for measuring highlights. */
export function rangeOf(
  doc: Document,
  segments: readonly Segment[],
  start: number,
  end: number,
): Range | undefined {
  const from = locate(segments, start);
  const to = locate(segments, end, true);
  if (!from || !to) return undefined;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Applies edits computed on `read.text` (from the last to the first, so
 * offsets stay right). Each edit writes its replacement into the first text
 * node it covers and removes the covered characters from the others.
 */
export function rewrite(editor: Editor, read: EditorText, edits: readonly PageEdit[]): void {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  if (isTextarea(editor)) {
    let value = editor.value;
    const caret = editor.selectionStart;
    let shift = 0;
    for (const e of ordered) {
      value = value.slice(0, e.start) + e.replacement + value.slice(e.end);
      if (e.end <= caret) shift += e.replacement.length - (e.end - e.start);
    }
    editor.value = value;
    editor.setSelectionRange(caret + shift, caret + shift);
  } else {
    for (const e of ordered) {
      let first = true;
      for (const s of read.segments) {
        const from = Math.max(e.start, s.start) - s.start;
        const to = Math.min(e.end, s.start + s.node.data.length) - s.start;
        if (to <= from) continue;
        s.node.replaceData(from, to - from, first ? e.replacement : '');
        first = false;
      }
    }
  }
  editor.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }),
  );
}
