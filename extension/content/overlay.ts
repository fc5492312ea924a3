/**
 * Everything Passerelle draws on a page lives in ONE element outside the
 * editors, with a closed shadow root: highlights are boxes placed over the
 * text from `Range.getClientRects`, so the editor's DOM, undo history and caret
 * are never touched, and page scripts cannot read into it.
 */
export interface Mark {
  rect: DOMRect;
  blocking: boolean;
}

export type BadgeTone = 'calme' | 'alerte' | 'verrouille' | 'erreur';

export interface Layer {
  /** The editor's box: the badge sits in its bottom-right corner. */
  anchor: DOMRect;
  marks: Mark[];
  badge: { text: string; tone: BadgeTone; title: string };
}

const STYLE = `
:host { all: initial; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; background: rgba(255, 196, 0, 0.28); border-bottom: 2px solid #b7791f; }
.mark.blocking { background: rgba(220, 38, 38, 0.18); border-bottom-color: #b91c1c; }
.badge { position: absolute; z-index: 1; transform: translateX(-100%); font: 600 12px/1.2 system-ui, sans-serif; padding: 3px 8px; border-radius: 999px; color: #fff; background: #2f6f4f; pointer-events: none; box-shadow: 0 1px 3px rgba(0,0,0,.25); white-space: nowrap; }
.badge.alerte { background: #b91c1c; }
.badge.verrouille { background: #4b5563; }
.badge.erreur { background: #92400e; }
.notice { position: fixed; left: 16px; bottom: 16px; max-width: 420px; font: 14px/1.4 system-ui, sans-serif; padding: 10px 14px; border-radius: 6px; color: #1f2937; background: #fef3c7; border: 1px solid #d97706; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
`;

export interface Overlay {
  /** The shadow root, for the dialog that shares it. */
  readonly root: ShadowRoot;
  /** Asks for `measure()` on the next animation frame, and again on every scroll and resize. */
  track(key: object, measure: () => Layer | undefined): void;
  untrack(key: object): void;
  refresh(key: object): void;
  notice(text: string | undefined): void;
}

export function createOverlay(doc: Document, signal: AbortSignal): Overlay {
  const host = doc.createElement('passerelle-overlay');
  // A 0×0 fixed host at the viewport's corner: marks and badge are absolute inside it, so
  // viewport coordinates place them, and they move with the host instead of each being its
  // own fixed (composited) layer; no full-page layer is repainted.
  host.style.cssText =
    'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2147483646;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  doc.documentElement.append(host);

  interface Drawn {
    measure: () => Layer | undefined;
    box: HTMLElement;
    badge: HTMLElement;
  }
  const layers = new Map<object, Drawn>();
  const dirty = new Set<object>();
  let frame = 0;
  let noticeBox: HTMLElement | undefined;

  // Mark boxes are reused from one frame to the next: only their place changes.
  const draw = (key: object) => {
    const entry = layers.get(key);
    if (!entry) return;
    const layer = entry.measure();
    const marks = layer?.marks ?? [];
    const boxes = entry.box.children;
    while (boxes.length > marks.length + 1) boxes[boxes.length - 2]!.remove();
    marks.forEach((mark, i) => {
      let box = boxes[i] as HTMLElement;
      if (box === entry.badge) {
        box = doc.createElement('div');
        entry.box.insertBefore(box, entry.badge);
      }
      const name = mark.blocking ? 'mark blocking' : 'mark';
      if (box.className !== name) box.className = name;
      place(box, mark.rect);
    });
    const badge = entry.badge;
    badge.hidden = !layer;
    if (!layer) return;
    const name = `badge ${layer.badge.tone}`;
    if (badge.className !== name) badge.className = name;
    if (badge.textContent !== layer.badge.text) badge.textContent = layer.badge.text;
    if (badge.title !== layer.badge.title) badge.title = layer.badge.title;
    // `left` is the badge's right edge (translated by its own width), 6 px inside the editor.
    const left = Math.min(doc.documentElement.clientWidth - 4, layer.anchor.right - 6);
    const css = `left:${left}px;top:${Math.max(4, layer.anchor.bottom - 26)}px`;
    if (placed.get(badge) !== css) {
      placed.set(badge, css);
      badge.style.cssText = css;
    }
  };

  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const key of dirty) draw(key);
      dirty.clear();
    });
  };

  const refreshAll = () => {
    for (const key of layers.keys()) dirty.add(key);
    schedule();
  };
  const options = { capture: true, passive: true, signal };
  doc.defaultView?.addEventListener('scroll', refreshAll, options);
  doc.defaultView?.addEventListener('resize', refreshAll, options);
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    host.remove();
  });

  return {
    root,
    track(key, measure) {
      const box = doc.createElement('div');
      const badge = doc.createElement('div');
      badge.setAttribute('role', 'status');
      badge.hidden = true;
      box.append(badge);
      layers.get(key)?.box.remove();
      layers.set(key, { measure, box, badge });
      root.append(box);
      dirty.add(key);
      schedule();
    },
    untrack(key) {
      layers.get(key)?.box.remove();
      layers.delete(key);
      dirty.delete(key);
    },
    refresh(key) {
      dirty.add(key);
      schedule();
    },
    notice(text) {
      noticeBox?.remove();
      noticeBox = undefined;
      if (!text) return;
      noticeBox = doc.createElement('div');
      noticeBox.className = 'notice';
      noticeBox.setAttribute('role', 'alert');
      noticeBox.textContent = text;
      root.append(noticeBox);
    },
  };
}

const placed = new WeakMap<HTMLElement, string>();

/** Writes a box's place only when it moved: unchanged marks cost no style work. */
function place(el: HTMLElement, rect: DOMRect) {
  const css = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
  if (placed.get(el) === css) return;
  placed.set(el, css);
  el.style.cssText = css;
}
