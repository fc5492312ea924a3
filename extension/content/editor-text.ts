/**
 * The text of a compose editor as the scanner sees it, and the way back from
 * text offsets to DOM positions. Reading never changes the editor; `rewrite`
 * (the user's «Pseudonymiser») edits text nodes in place so formatting, the
 * surrounding markup and the caret (live ranges follow `replaceData`) survive.
 */
import type { PageEdit } from '../messages';
import { readUnits, type UnitText } from './units';

export type Editor = HTMLElement | HTMLTextAreaElement;

export type EditorText = UnitText;

export function isTextarea(editor: Editor): editor is HTMLTextAreaElement {
  return editor instanceof HTMLTextAreaElement;
}

/** The whole text: a textarea's value, or the editor's units one per line. */
export function readEditor(editor: Editor): EditorText {
  return isTextarea(editor) ? { text: editor.value, segments: [] } : readUnits(editor);
}

/**
 * Applies edits computed on `read.text` (from the last to the first, so
 * offsets stay right). Each edit writes its replacement into the first text
 * node it covers and removes the covered characters from the others.
 */
export function rewrite(editor: Editor, read: EditorText, edits: readonly PageEdit[]): void {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  if (isTextarea(editor)) {
    // `setRangeText` in «preserve» mode moves the caret with the text around it.
    for (const e of ordered) editor.setRangeText(e.replacement, e.start, e.end, 'preserve');
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
