/**
 * What the checker needs from an editor, whatever its kind: the changes to
 * send since the last request, the background's answer, and the highlights'
 * boxes. `rich-model.ts` (contenteditable) and `textarea-model.ts` implement it.
 */
import type { PageFinding, ScanAnswer, ScanRequest, TextChange } from '../messages';
import type { Mark } from './overlay';

export interface EditorModel {
  /**
   * The changes since the last request (everything when `full`), or
   * undefined when nothing changed. Reads only what changed.
   */
  request(editor: string, full: boolean): ScanRequest | undefined;
  /** Takes the background's answer to the last request; true when highlights must be drawn again. */
  apply(answer: ScanAnswer, full: boolean): boolean;
  /** True when the editor changed since the last request. */
  pending(): boolean;
  /** The findings, each counted once (pieces of a finding over two lines are one). */
  findings(): PageFinding[];
  /** Highlight boxes inside `clip` (the editor's box). */
  marks(clip: DOMRect): Mark[];
  disconnect(): void;
}

/** What changed between two texts: one replaced span between a common prefix and suffix. */
export function changeBetween(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let from = 0;
  while (from < max && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  while (
    tail < max - from &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return {
    from,
    to: before.length - tail,
    insert: after.slice(from, after.length - tail),
    length: after.length,
  };
}

/** Rectangles that show at least partly inside the clip box. */
export function visible(rect: DOMRect, clip: DOMRect): boolean {
  return (
    rect.width > 0 &&
    rect.bottom > clip.top &&
    rect.top < clip.bottom &&
    rect.right > clip.left &&
    rect.left < clip.right
  );
}
