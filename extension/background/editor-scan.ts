/**
 * One compose editor as the background keeps it: its units' texts in reading
 * order, an incremental scanner (each paragraph scanned once, cached by its
 * content) and the findings last answered per unit, so a keystroke costs one
 * paragraph's scan and the answer carries only the units whose findings moved.
 */
import type { Finding, IncrementalScanner } from '../../shared/anonymisation';
import { PasserelleError } from '../../shared/parcours';
import type { PageFinding, ScanRequest, TextChange, UnitFindings } from '../messages';

/** A compose box beyond this is not a message any more (2 million characters ≈ 1 000 pages). */
export const MAX_MESSAGE_CHARS = 2_000_000;
const MAX_UNITS = 200_000;

export interface EditorScan {
  readonly scanner: IncrementalScanner;
  order: string[];
  texts: Map<string, string>;
  /** What the page was last told for each unit (a unit absent here has no finding). */
  answered: Map<string, string>;
}

export function newEditorScan(scanner: IncrementalScanner): EditorScan {
  return { scanner, order: [], texts: new Map(), answered: new Map() };
}

/**
 * Applies a request's changes; false when they do not fit what is kept (a
 * splice of an unknown unit, a unit in the order with no text): the page
 * must then send everything again.
 */
export function applyChanges(editor: EditorScan, request: ScanRequest): boolean {
  const { order, units } = request;
  if (!Array.isArray(units) || (order !== undefined && !Array.isArray(order))) return false;
  if (request.full) {
    editor.texts.clear();
    editor.answered.clear();
    editor.order = [];
  }
  if (order) {
    if (order.length > MAX_UNITS || order.some((id) => typeof id !== 'string')) return false;
    const kept = new Set(order);
    for (const id of editor.texts.keys()) if (!kept.has(id)) editor.texts.delete(id);
    for (const id of editor.answered.keys()) if (!kept.has(id)) editor.answered.delete(id);
    editor.order = [...order];
  }
  for (const unit of units) {
    const id = unit?.id;
    if (typeof id !== 'string') return false;
    const text = 'change' in unit ? spliced(editor.texts.get(id), unit.change) : textOf(unit.text);
    if (text === undefined) return false;
    editor.texts.set(id, text);
  }
  let total = 0;
  for (const id of editor.order) {
    const text = editor.texts.get(id);
    if (text === undefined) return false;
    total += text.length + 1;
  }
  if (total > MAX_MESSAGE_CHARS) {
    throw new PasserelleError(
      'TEXTE_TROP_LONG',
      `Message trop long pour être vérifié (${total} caractères, au plus ${MAX_MESSAGE_CHARS}) : raccourcissez-le ou joignez un fichier.`,
    );
  }
  return true;
}

/**
 * Scans the editor's text (units joined by line breaks) and returns the units
 * whose findings differ from what the page was last told.
 */
export function scanChanges(
  editor: EditorScan,
  toPage: (f: Finding) => PageFinding,
): UnitFindings[] {
  const starts: number[] = [];
  let text = '';
  editor.order.forEach((id, i) => {
    if (i) text += '\n';
    starts.push(text.length);
    text += editor.texts.get(id)!;
  });
  const perUnit = new Map<string, PageFinding[]>();
  for (const finding of editor.scanner.update(text)) {
    const page = toPage(finding);
    // A finding over a line break is cut into one piece per unit; only the first counts.
    let first = true;
    for (let u = unitAt(starts, finding.start); u < starts.length; u++) {
      const start = starts[u]!;
      if (start >= finding.end) break;
      const id = editor.order[u]!;
      const end = start + editor.texts.get(id)!.length;
      const piece: PageFinding = {
        ...page,
        start: Math.max(finding.start, start) - start,
        end: Math.min(finding.end, end) - start,
      };
      if (piece.end <= piece.start) continue;
      if (!first) piece.continued = true;
      first = false;
      const list = perUnit.get(id) ?? [];
      list.push(piece);
      perUnit.set(id, list);
    }
  }
  const changed: UnitFindings[] = [];
  for (const id of new Set([...editor.answered.keys(), ...perUnit.keys()])) {
    const findings = perUnit.get(id) ?? [];
    const key = findings.length ? JSON.stringify(findings) : undefined;
    if (key === editor.answered.get(id)) continue;
    if (key) editor.answered.set(id, key);
    else editor.answered.delete(id);
    changed.push({ id, findings });
  }
  return changed;
}

/** Index of the unit holding `offset` (the last whose start is ≤ offset). */
function unitAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function spliced(old: string | undefined, change: TextChange): string | undefined {
  if (old === undefined || !change || typeof change.insert !== 'string') return undefined;
  const { from, to, insert, length } = change;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > old.length)
    return undefined;
  const text = old.slice(0, from) + insert + old.slice(to);
  return text.length === length ? textOf(text) : undefined;
}

export function textOf(text: unknown): string {
  if (typeof text !== 'string') {
    throw new PasserelleError('TEXTE_ABSENT', 'Aucun texte à vérifier n’a été reçu.');
  }
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new PasserelleError(
      'TEXTE_TROP_LONG',
      `Message trop long pour être vérifié (${text.length} caractères, au plus ${MAX_MESSAGE_CHARS}) : raccourcissez-le ou joignez un fichier.`,
    );
  }
  return text;
}
