/**
 * A contenteditable editor as units (see units.ts), kept in step by a
 * MutationObserver: a keystroke marks the one unit it touched; only a block
 * added or removed makes the unit list be walked again (elements only, texts
 * of known units are not read again). Each request carries the texts of the
 * units that changed; highlights are live DOM ranges per unit, rebuilt only
 * for the units whose text or findings changed, measured with
 * `getClientRects` on the next animation frame — only the edited line's
 * when nothing else can have moved.
 */
import type { PageFinding, ScanAnswer, ScanRequest } from '../messages';
import { visible, type EditorModel } from './editor-model';
import type { Mark } from './overlay';
import {
  changesStructure,
  partition,
  rangeOf,
  readUnit,
  type Segment,
  type UnitSource,
} from './units';

interface Unit {
  id: string;
  source: UnitSource;
  segments: Segment[];
  text: string;
  /** The text the background has for this unit. */
  sent?: string;
  findings: PageFinding[];
  ranges: Array<{ range: Range; blocking: boolean }>;
  /** The ranges' boxes at the last measure, kept while nothing before them moved. */
  rects?: Mark[];
  /** Ranges no longer match the text or the findings: rebuild before measuring. */
  stale: boolean;
  /** Its new text went to the background; the findings it has are for the old one. */
  awaiting: boolean;
}

export function richModel(editor: HTMLElement, onChange: () => void): EditorModel {
  const doc = editor.ownerDocument;
  let counter = 0;
  let units: Unit[] = [];
  const byId = new Map<string, Unit>();
  /** Leaf blocks, and the top nodes of inline runs, to the unit holding them. */
  const owner = new WeakMap<Node, Unit>();
  const dirty = new Set<Unit>();
  let structural = true;
  /** The unit list changed since the last request: the order must travel. */
  let reordered = true;
  /** Units whose new text went with the last request. */
  let awaiting: Unit[] = [];
  /** Units whose text changed, and units with new ranges, since the last measure. */
  const retyped = new Set<Unit>();
  const remeasured = new Set<Unit>();
  /** Every highlight must be measured again (the unit list changed). */
  let measureAll = true;
  /** Where the editor, its scroll and its last line were at the last measure. */
  let lastPlace = '';
  /** Each finding once, kept until an answer or a new unit list changes them. */
  let counted: PageFinding[] | undefined;

  const unitOf = (node: Node): Unit | undefined => {
    for (let n: Node | null = node; n && n !== editor; n = n.parentNode) {
      const unit = owner.get(n);
      if (unit) return unit;
    }
    return undefined;
  };

  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      const unit = unitOf(record.target);
      if (
        !unit ||
        (record.type === 'childList' &&
          ([...record.addedNodes].some(changesStructure) ||
            [...record.removedNodes].some(changesStructure)))
      ) {
        // A block came or went, or a container's own children changed: walk again.
        structural = true;
        measureAll = true;
      }
      if (unit) {
        dirty.add(unit);
        retyped.add(unit);
      }
    }
  };

  const observer = new MutationObserver((records) => {
    note(records);
    onChange();
  });
  observer.observe(editor, { childList: true, characterData: true, subtree: true });

  function repartition() {
    const next: Unit[] = [];
    const seen = new Set<Unit>();
    byId.clear();
    for (const source of partition(editor)) {
      const key = 'element' in source ? source.element : source.nodes[0]!;
      let unit = owner.get(key);
      if (!unit || seen.has(unit)) {
        unit = {
          id: `u${++counter}`,
          source,
          segments: [],
          text: '',
          findings: [],
          ranges: [],
          stale: false,
          awaiting: false,
        };
        dirty.add(unit);
      } else if ('nodes' in source) {
        // A run may have gained or lost nodes: read it again.
        unit.source = source;
        dirty.add(unit);
      }
      for (const node of 'element' in source ? [source.element] : source.nodes)
        owner.set(node, unit);
      next.push(unit);
      seen.add(unit);
      byId.set(unit.id, unit);
    }
    if (next.length !== units.length || next.some((u, i) => u !== units[i])) {
      reordered = true;
      counted = undefined;
    }
    units = next;
    structural = false;
    measureAll = true;
  }

  /** New ranges over the unit's text nodes; true when they are where the live ones already were. */
  function rebuild(unit: Unit): boolean {
    const ranges = unit.findings.flatMap((f) => {
      const range = rangeOf(doc, unit.segments, f.start, f.end);
      return range ? [{ range, blocking: f.blocking }] : [];
    });
    const same =
      ranges.length === unit.ranges.length &&
      ranges.every((r, i) => {
        const old = unit.ranges[i]!;
        return (
          r.blocking === old.blocking &&
          r.range.startContainer === old.range.startContainer &&
          r.range.startOffset === old.range.startOffset &&
          r.range.endContainer === old.range.endContainer &&
          r.range.endOffset === old.range.endOffset
        );
      });
    unit.ranges = ranges;
    unit.stale = false;
    remeasured.add(unit);
    return same;
  }

  const boxOf = (unit: Unit): DOMRect => {
    const source = unit.source;
    if ('element' in source) return source.element.getBoundingClientRect();
    // Removed meanwhile: the unit list is walked again before the next measure.
    if (!source.nodes.every((n) => n.parentNode)) return new DOMRect();
    const range = doc.createRange();
    range.setStartBefore(source.nodes[0]!);
    range.setEndAfter(source.nodes[source.nodes.length - 1]!);
    return range.getBoundingClientRect();
  };

  const countedFindings = () =>
    (counted ??= units.flatMap((u) =>
      u.findings.length ? u.findings.filter((f) => !f.continued) : [],
    ));

  return {
    request(id, full): ScanRequest | undefined {
      note(observer.takeRecords());
      if (full || structural) repartition();
      const changed: Unit[] = [];
      for (const unit of full ? units : dirty) {
        if (!byId.has(unit.id)) continue;
        const read = readUnit(unit.source);
        unit.text = read.text;
        unit.segments = read.segments;
        unit.stale = true;
        if (full || read.text !== unit.sent) changed.push(unit);
      }
      dirty.clear();
      if (!full && !changed.length && !reordered) return undefined;
      const request: ScanRequest = {
        kind: 'scan',
        editor: id,
        units: changed.map((u) => ({ id: u.id, text: u.text })),
      };
      if (full || reordered) request.order = units.map((u) => u.id);
      if (full) request.full = true;
      for (const unit of changed) {
        unit.sent = unit.text;
        unit.awaiting = true;
      }
      awaiting = changed;
      reordered = false;
      return request;
    },
    apply(answer: ScanAnswer, full) {
      if (full) for (const unit of units) unit.findings = [];
      for (const { id, findings } of answer.units) {
        const unit = byId.get(id);
        if (!unit) continue;
        unit.findings = findings;
        unit.stale = true;
      }
      // Edited units with highlights get ranges over their new text nodes. Mostly the live
      // ranges already followed the edit (typing after a finding on its line): then the frame
      // of the keystroke drew them right, and no second measure of every highlight is needed.
      let edited = false;
      for (const unit of awaiting) {
        unit.awaiting = false;
        if (unit.findings.length && !(unit.stale && !dirty.has(unit) && rebuild(unit)))
          edited = true;
      }
      awaiting = [];
      counted = undefined;
      return full || answer.units.length > 0 || edited;
    },
    pending() {
      note(observer.takeRecords());
      return structural || dirty.size > 0;
    },
    findings: countedFindings,
    marks(clip): Mark[] {
      // A keystroke moves the highlights of its own line only, unless the line changed
      // height (the last line moves), the editor moved or scrolled, or several lines
      // changed: then all are measured, as `getClientRects` per highlight is most of the
      // page's time per keystroke.
      const last = units[units.length - 1];
      const place = `${clip.left},${clip.top},${clip.width},${clip.height},${editor.scrollTop},${editor.scrollLeft},${last ? boxOf(last).bottom : 0}`;
      const all = measureAll || place !== lastPlace || retyped.size > 1;
      const marks: Mark[] = [];
      for (const unit of units) {
        if (!unit.findings.length) continue;
        // A unit edited since its findings came keeps its live ranges until the next answer.
        if (unit.stale && !unit.awaiting && !dirty.has(unit)) rebuild(unit);
        if (all || !unit.rects || retyped.has(unit) || remeasured.has(unit)) {
          unit.rects = [];
          for (const { range, blocking } of unit.ranges)
            for (const rect of range.getClientRects()) unit.rects.push({ rect, blocking });
        }
        for (const mark of unit.rects) if (visible(mark.rect, clip)) marks.push(mark);
      }
      lastPlace = place;
      measureAll = false;
      retyped.clear();
      remeasured.clear();
      return marks;
    },
    disconnect: () => observer.disconnect(),
  };
}
