/**
 * Finds the compose editors of the page (now and later: MutationObserver) and
 * keeps each one checked as the user types: only what changed goes to the
 * background (see rich-model.ts / textarea-model.ts), one request in flight
 * per editor, later keystrokes folded into one follow-up; the badge and
 * highlights are drawn on the next animation frame. Keeps each editor's
 * findings for the send guard.
 */
import type { PageFinding, StoreStatus } from '../messages';
import type { Webmail } from '../webmails';
import type { Ask } from './ask';
import type { EditorModel } from './editor-model';
import { isTextarea, type Editor } from './editor-text';
import type { BadgeTone, Layer, Overlay } from './overlay';
import { richModel } from './rich-model';
import { textareaModel } from './textarea-model';

export interface EditorState {
  id: string;
  /** Each finding once, offsets in its unit's text (the send guard counts and names kinds). */
  findings: PageFinding[];
  store: StoreStatus;
  error?: string;
}

export interface Checker {
  /** Starts watching the page; stops with the signal. */
  observe(signal: AbortSignal): void;
  editors(): Editor[];
  /** Findings for the editor's current text, checking now what changed since the last check. */
  current(editor: Editor): Promise<EditorState>;
  /** The last findings if the editor has not changed since they were computed. */
  fresh(editor: Editor): EditorState | undefined;
  /** Checks now (after a rewrite). */
  rescan(editor: Editor): Promise<EditorState>;
}

interface Tracked {
  id: string;
  model: EditorModel;
  store: StoreStatus;
  error?: string;
  /** The background must get everything (first check, after an error or a restart). */
  full: boolean;
  queue: Promise<unknown>;
  inFlight: number;
  scheduled: boolean;
  busy: boolean;
  again: boolean;
  abort: AbortController;
}

export function createChecker(deps: {
  doc: Document;
  webmail: Webmail;
  overlay: Overlay;
  ask: Ask;
}): Checker {
  const { doc, webmail, overlay, ask } = deps;
  const tracked = new Map<Editor, Tracked>();
  let counter = 0;

  const stateOf = (entry: Tracked): EditorState => ({
    id: entry.id,
    findings: entry.model.findings(),
    store: entry.store,
    ...(entry.error ? { error: entry.error } : {}),
  });

  /** One check at a time per editor: each request is computed against what the background has. */
  function check(editor: Editor): Promise<EditorState> {
    const entry = tracked.get(editor);
    if (!entry) return Promise.reject(new Error('Cette zone de rédaction n’est plus suivie.'));
    entry.inFlight++;
    const next = entry.queue.then(() => checkOnce(editor, entry)).finally(() => entry.inFlight--);
    entry.queue = next.catch(() => undefined);
    return next;
  }

  async function checkOnce(editor: Editor, entry: Tracked): Promise<EditorState> {
    let full = entry.full;
    let redraw = true;
    try {
      const request = entry.model.request(entry.id, full);
      if (!request) return stateOf(entry);
      let answer = await ask(request);
      if (answer.resend) {
        full = true;
        answer = await ask(entry.model.request(entry.id, true)!);
      }
      const moved = entry.model.apply(answer, full);
      redraw = moved || full || answer.store !== entry.store || entry.error !== undefined;
      entry.full = false;
      entry.store = answer.store;
      delete entry.error;
    } catch (error) {
      entry.full = true;
      entry.error = error instanceof Error ? error.message : String(error);
    }
    // Most keystrokes change no finding: the frame the keystroke asked for has already
    // placed the highlights (see `track`), no other frame is needed.
    if (redraw) overlay.refresh(editor);
    return stateOf(entry);
  }

  function measure(editor: Editor, entry: Tracked): Layer | undefined {
    if (!editor.isConnected) return undefined;
    const anchor = editor.getBoundingClientRect();
    if (!anchor.width || !anchor.height) return undefined;
    const marks = entry.error ? [] : entry.model.marks(anchor);
    return { anchor, marks, badge: badgeOf(stateOf(entry)) };
  }

  function track(editor: Editor, signal: AbortSignal) {
    if (tracked.has(editor)) return;
    const abort = new AbortController();
    const run = async () => {
      entry.busy = true;
      try {
        await check(editor);
      } catch {
        // The editor left the page meanwhile: nothing to check any more.
      } finally {
        entry.busy = false;
        if (entry.again) {
          entry.again = false;
          later();
        }
      }
    };
    // Changes of one task make one check, right after it (the mutation observer
    // already waits for the task's end); during a check, they make one more after it.
    const later = () => {
      if (entry.busy) {
        entry.again = true;
        return;
      }
      if (entry.scheduled) return;
      entry.scheduled = true;
      queueMicrotask(() => {
        entry.scheduled = false;
        void run();
      });
    };
    const entry: Tracked = {
      id: `e${++counter}`,
      model: isTextarea(editor)
        ? textareaModel(editor, overlay.root)
        : richModel(editor, () => {
            later();
            // In the keystroke's own frame: highlights follow the text that moved.
            overlay.refresh(editor);
          }),
      store: 'verrouillé',
      full: true,
      queue: Promise.resolve(),
      inFlight: 0,
      scheduled: false,
      busy: false,
      again: false,
      abort,
    };
    tracked.set(editor, entry);
    if (isTextarea(editor))
      editor.addEventListener('input', later, { signal: AbortSignal.any([signal, abort.signal]) });
    overlay.track(editor, () => measure(editor, entry));
    void run();
  }

  function untrack(editor: Editor) {
    const entry = tracked.get(editor);
    if (!entry) return;
    entry.abort.abort();
    entry.model.disconnect();
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
      const entry = tracked.get(editor);
      if (!entry || entry.error || entry.full || entry.inFlight || entry.model.pending())
        return undefined;
      return stateOf(entry);
    },
    async current(editor) {
      return this.fresh(editor) ?? check(editor);
    },
    rescan: check,
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
