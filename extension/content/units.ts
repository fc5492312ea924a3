/**
 * A contenteditable editor seen as a list of units: each block element with
 * no block inside (a line of the message) and each run of inline nodes
 * between blocks. A keystroke changes one unit, so only that unit is read
 * again and sent to the background; the whole text is the units joined by
 * line breaks, the way the recipient reads it.
 */

export interface Segment {
  node: Text;
  /** Offset of the node's first character in the unit's (or editor's) text. */
  start: number;
}

export interface UnitText {
  text: string;
  segments: Segment[];
}

const BLOCK_TAGS = [
  'DIV',
  'P',
  'LI',
  'UL',
  'OL',
  'TR',
  'TD',
  'TH',
  'TABLE',
  'TBODY',
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
  'HR',
];
const BLOCKS = new Set(BLOCK_TAGS);
const BLOCK_SELECTOR = BLOCK_TAGS.join(',').toLowerCase();
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

export const isBlock = (node: Node): node is Element =>
  node.nodeType === Node.ELEMENT_NODE && BLOCKS.has((node as Element).tagName);

/** True when adding or removing this node changes how the editor splits into units. */
export const changesStructure = (node: Node): boolean =>
  isBlock(node) ||
  (node.nodeType === Node.ELEMENT_NODE && !!(node as Element).querySelector(BLOCK_SELECTOR));

/** A leaf block (`element`), or a run of inline nodes between blocks (`nodes`). */
export type UnitSource = { element: Element } | { nodes: Node[] };

/** The units of a container, in reading order. */
export function partition(container: Node): UnitSource[] {
  const out: UnitSource[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.length) out.push({ nodes: run });
    run = [];
  };
  for (let child = container.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.ELEMENT_NODE && SKIPPED.has((child as Element).tagName)) continue;
    if (isBlock(child)) {
      flush();
      if (child.querySelector(BLOCK_SELECTOR)) out.push(...partition(child));
      else out.push({ element: child });
    } else if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.ELEMENT_NODE) {
      run.push(child);
    }
  }
  flush();
  return out;
}

/**
 * The text of inline nodes: `<br>` is a line break, except the last one of a
 * unit (`<div>texte<br></div>` shows one line, `<div><br></div>` an empty one).
 */
export function readInline(nodes: Iterable<Node>): UnitText {
  let text = '';
  const segments: Segment[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data) {
        segments.push({ node: node as Text, start: text.length });
        text += data;
      }
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = (node as Element).tagName;
      if (tag === 'BR') text += '\n';
      else if (!SKIPPED.has(tag)) for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    }
  };
  for (const node of nodes) walk(node);
  if (text.endsWith('\n')) text = text.slice(0, -1);
  // A non-breaking space is a space to the scanner; same length, offsets hold.
  return { text: text.replace(/\u00a0/g, ' '), segments };
}

export function readUnit(source: UnitSource): UnitText {
  return readInline('element' in source ? [source.element] : source.nodes);
}

/** The whole editor's text: its units joined by line breaks. */
export function readUnits(editor: Element): UnitText {
  let text = '';
  const segments: Segment[] = [];
  partition(editor).forEach((source, i) => {
    if (i) text += '\n';
    const unit = readUnit(source);
    for (const s of unit.segments) segments.push({ node: s.node, start: s.start + text.length });
    text += unit.text;
  });
  return { text, segments };
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
