/**
 * A `<textarea>` as one unit: each request sends the span that changed since
 * the last one. Its text has no DOM to take ranges from, so highlights are
 * measured on a mirror: a hidden copy of the textarea's box and text styles
 * in the overlay's closed shadow root, holding the text up to the last
 * finding with each finding in a `<span>`. The textarea's value, selection
 * and undo history are only read, never written.
 */
import type { PageFinding, ScanAnswer, ScanRequest } from '../messages';
import { changeBetween, visible, type EditorModel } from './editor-model';
import type { Mark } from './overlay';

const UNIT = 'v';

/** Styles that decide where the text wraps and sits. */
const COPIED = [
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopStyle',
  'borderRightStyle',
  'borderBottomStyle',
  'borderLeftStyle',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontStretch',
  'fontFeatureSettings',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'textAlign',
  'tabSize',
  'direction',
] as const;

export function textareaModel(textarea: HTMLTextAreaElement, layer: ShadowRoot): EditorModel {
  const doc = textarea.ownerDocument;
  let sent: string | undefined;
  let findings: PageFinding[] = [];
  /** The mirror's text and spans are rebuilt only when the value or the findings changed. */
  let built: { text: string; findings: PageFinding[] } | undefined;
  const mirror = doc.createElement('div');
  mirror.setAttribute('aria-hidden', 'true');
  mirror.style.cssText =
    'position:absolute;visibility:hidden;pointer-events:none;overflow:hidden;white-space:pre-wrap;overflow-wrap:break-word;border-color:transparent;';
  layer.append(mirror);
  let spans: Array<{ span: HTMLElement; blocking: boolean }> = [];

  function build(text: string) {
    // Text after the last finding cannot move it: it is left out.
    const parts: Node[] = [];
    spans = [];
    let at = 0;
    for (const f of [...findings].sort((a, b) => a.start - b.start)) {
      if (f.start < at || f.end > text.length) continue;
      parts.push(doc.createTextNode(text.slice(at, f.start)));
      const span = doc.createElement('span');
      span.textContent = text.slice(f.start, f.end);
      parts.push(span);
      spans.push({ span, blocking: f.blocking });
      at = f.end;
    }
    mirror.replaceChildren(...parts);
    built = { text, findings };
  }

  return {
    request(id, full): ScanRequest | undefined {
      const value = textarea.value;
      if (!full && value === sent) return undefined;
      const request: ScanRequest =
        full || sent === undefined
          ? {
              kind: 'scan',
              editor: id,
              full: true,
              order: [UNIT],
              units: [{ id: UNIT, text: value }],
            }
          : { kind: 'scan', editor: id, units: [{ id: UNIT, change: changeBetween(sent, value) }] };
      sent = value;
      return request;
    },
    apply(answer: ScanAnswer, full) {
      const mine = answer.units.find((u) => u.id === UNIT);
      if (mine) findings = mine.findings;
      else if (full) findings = [];
      // Offsets are those of the text just sent: the mirror is redrawn after each answer.
      return true;
    },
    pending: () => textarea.value !== sent,
    findings: () => findings.filter((f) => !f.continued),
    marks(clip): Mark[] {
      // Offsets are for the text last scanned: while it differs, draw nothing rather than wrong.
      if (!findings.length || textarea.value !== sent) return [];
      if (built?.text !== sent || built.findings !== findings) build(sent);
      const style = getComputedStyle(textarea);
      for (const name of COPIED) mirror.style[name] = style[name];
      // The textarea's scroll bar narrows its text: the mirror, which has none, takes its inner width.
      const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      mirror.style.boxSizing = 'content-box';
      mirror.style.width = `${Math.max(0, textarea.clientWidth - padX)}px`;
      mirror.style.height = `${Math.max(0, textarea.clientHeight - padY)}px`;
      mirror.style.left = `${clip.left}px`;
      mirror.style.top = `${clip.top}px`;
      // Scrolled text: the mirror shows what the textarea shows.
      const dx = textarea.scrollLeft;
      const dy = textarea.scrollTop;
      const inner = new DOMRect(
        clip.left + textarea.clientLeft,
        clip.top + textarea.clientTop,
        textarea.clientWidth,
        textarea.clientHeight,
      );
      const marks: Mark[] = [];
      for (const { span, blocking } of spans) {
        for (const r of span.getClientRects()) {
          const rect = new DOMRect(r.left - dx, r.top - dy, r.width, r.height);
          if (visible(rect, inner)) marks.push({ rect, blocking });
        }
      }
      return marks;
    },
    disconnect: () => mirror.remove(),
  };
}
