/**
 * Finds the compose editors of the page (now and later: MutationObserver),
 * scans each as the user types (debounced, see SCAN_DELAY_MS; the background re-scans only the
 * paragraphs that changed) and draws the badge and highlights in the overlay.
 * Keeps the last findings of each editor for the send guard.
 */
import type { PageFinding, StoreStatus, TextChange } from '../messages';
import type { Webmail } from '../webmails';
import type { Ask } from './ask';
import { readEditor, rangeOf, isTextarea, type Editor, type EditorText } from './editor-text';
import type { BadgeTone, Layer, Overlay } from './overlay';

/**
 * Input events of one task make one scan; while a scan is in flight, later
 * keystrokes coalesce into a single follow-up scan (at most one in flight per editor).
 */
export const SCAN_DELAY_MS = 0;

export interface EditorState {
  id: string;
  read: EditorText;
  findings: PageFinding[];
  store: StoreStatus;
  error?: string;
}

export interface Checker {
  /** Starts watching the page; stops with the signal. */
  observe(signal: AbortSignal): void;
  editors(): Editor[];
  /** Findings for the editor's current text, scanning now if it changed since the last scan. */
  current(editor: Editor): Promise<EditorState>;
  /** The last findings if the editor's text has not changed since they were computed. */
  fresh(editor: Editor): EditorState | undefined;
  /** Scans now (after a rewrite). */
  rescan(editor: Editor): Promise<EditorState>;
}

export function createChecker(deps: {
  doc: Document;
  webmail: Webmail;
  overlay: Overlay;
  ask: Ask;
}): Checker {
  const { doc, webmail, overlay, ask } = deps;
  const tracked = new Map<
    Editor,
    {
      state?: EditorState;
      /** The text the background last received for this editor. */
      sent?: string;
      queue: Promise<unknown>;
      timer: number;
      busy: boolean;
      again: boolean;
      abort: AbortController;
    }
  >();
  let counter = 0;

  /** One scan at a time per editor: each change is computed against what the background has. */
  function scan(editor: Editor): Promise<EditorState> {
    const entry = tracked.get(editor);
    if (!entry) return scanOnce(editor);
    const next = entry.queue.then(() => scanOnce(editor));
    entry.queue = next.catch(() => undefined);
    return next;
  }

  async function scanOnce(editor: Editor): Promise<EditorState> {
    const entry = tracked.get(editor);
    const id = entry?.state?.id ?? `e${++counter}`;
    const read = readEditor(editor);
    let state: EditorState;
    try {
      const sent = entry?.sent;
      let answer = await ask(
        sent === undefined
          ? { kind: 'scan', editor: id, text: read.text }
          : { kind: 'scan', editor: id, change: changeBetween(sent, read.text) },
      );
      if (answer.resend) answer = await ask({ kind: 'scan', editor: id, text: read.text });
      if (entry) entry.sent = read.text;
      state = { id, read, findings: answer.findings, store: answer.store };
    } catch (error) {
      if (entry) entry.sent = undefined;
      state = {
        id,
        read,
        findings: [],
        store: 'verrouillé',
        error: error instanceof Error ? error.message : String(error),
      };
    }
    if (entry) entry.state = state;
    overlay.draw(editor);
    return state;
  }

  function measure(editor: Editor): Layer | undefined {
    const state = tracked.get(editor)?.state;
    if (!state || !editor.isConnected) return undefined;
    const anchor = editor.getBoundingClientRect();
    if (!anchor.width || !anchor.height) return undefined;
    const marks: Layer['marks'] = [];
    // Highlights only while the DOM still holds the text that was scanned.
    if (!isTextarea(editor) && state.read.segments.every((s) => s.node.isConnected)) {
      for (const f of state.findings) {
        const range = rangeOf(doc, state.read.segments, f.start, f.end);
        if (!range) continue;
        for (const rect of range.getClientRects()) {
          if (rect.width && rect.bottom > anchor.top && rect.top < anchor.bottom)
            marks.push({ rect, blocking: f.blocking });
        }
      }
    }
    return { anchor, marks, badge: badgeOf(state) };
  }

  function track(editor: Editor, signal: AbortSignal) {
    if (tracked.has(editor)) return;
    const abort = new AbortController();
    const entry = {
      timer: 0,
      busy: false,
      again: false,
      abort,
      queue: Promise.resolve() as Promise<unknown>,
    };
    tracked.set(editor, entry);
    const run = async () => {
      entry.busy = true;
      try {
        await scan(editor);
      } finally {
        entry.busy = false;
        if (entry.again) {
          entry.again = false;
          later();
        }
      }
    };
    const later = () => {
      if (entry.busy) {
        entry.again = true;
        return;
      }
      clearTimeout(entry.timer);
      entry.timer = window.setTimeout(() => void run(), SCAN_DELAY_MS);
    };
    const options = { signal: AbortSignal.any([signal, abort.signal]) };
    editor.addEventListener('input', later, options);
    overlay.track(editor, () => measure(editor));
    void scan(editor);
  }

  function untrack(editor: Editor) {
    const entry = tracked.get(editor);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.abort.abort();
    tracked.delete(editor);
    overlay.untrack(editor);
  }

  function sweep(signal: AbortSignal) {
    for (const editor of doc.querySelectorAll<Editor>(webmail.editors)) track(editor, signal);
    for (const editor of tracked.keys()) if (!editor.isConnected) untrack(editor);
  }

  return {
    observe(signal) {
      sweep(signal);
      let queued = false;
      const observer = new MutationObserver(() => {
        if (queued) return;
        queued = true;
        // One sweep per task however many nodes the webmail adds.
        queueMicrotask(() => {
          queued = false;
          sweep(signal);
        });
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      signal.addEventListener('abort', () => {
        observer.disconnect();
        for (const editor of [...tracked.keys()]) untrack(editor);
      });
    },
    editors: () => [...tracked.keys()],
    fresh(editor) {
      const state = tracked.get(editor)?.state;
      return state && !state.error && state.read.text === readEditor(editor).text
        ? state
        : undefined;
    },
    async current(editor) {
      clearTimeout(tracked.get(editor)?.timer);
      return this.fresh(editor) ?? scan(editor);
    },
    rescan: scan,
  };
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

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function badgeOf(state: EditorState): Layer['badge'] {
  if (state.error) return { text: 'Passerelle : erreur', tone: 'erreur', title: state.error };
  const blocking = state.findings.filter((f) => f.blocking).length;
  const count = state.findings.length;
  const locked = state.store !== 'déverrouillé';
  const tone: BadgeTone = blocking ? 'alerte' : locked ? 'verrouille' : 'calme';
  const what = count
    ? plural(count, 'donnée personnelle', 'données personnelles')
    : 'Rien à signaler';
  const text = locked ? `${what} · verrouillé` : what;
  const title = locked
    ? 'Suivi verrouillé : les noms de la file active ne sont pas utilisés. Ouvrez le panneau Passerelle pour le déverrouiller.'
    : 'Vérifié par Passerelle, sur cet ordinateur.';
  return { text, tone, title };
}
