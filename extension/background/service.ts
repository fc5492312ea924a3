/**
 * The background's work, without the extension API: answers content scripts'
 * requests. It owns the scanner and the store; everything it keeps in memory
 * (scanners, the names index, an unlocked store) is a cache rebuilt lazily, so
 * a service worker stopped and restarted answers the same way (the store is
 * then locked again: the key never leaves memory).
 */
import {
  createIncrementalScanner,
  namesIndexFromPeople,
  PARTENAIRE_EXTERNE,
  pseudonymise,
  scan,
  type Finding,
  type NamesIndex,
} from '../../shared/anonymisation';
import { PasserelleError } from '../../shared/parcours';
import { storeState, unlockStore, type CaseloadStore } from '../../shared/store';
import { countByType, describeCounts, type TypeCounts } from '../finding-words';
import type {
  LogAnswer,
  NoticeAnswer,
  PageFinding,
  PseudonymiseAnswer,
  PseudonymiseRequest,
  Request,
  ScanAnswer,
  ScanRequest,
  StateAnswer,
  StoreStatus,
} from '../messages';
import { applyChanges, newEditorScan, scanChanges, textOf, type EditorScan } from './editor-scan';
import type { PendingEntry, PendingLog } from './pending-log';

/** Who sent a message: a content script in a tab, or one of the extension's own pages. */
export interface Sender {
  tabId?: number;
  frameId?: number;
  /** True for the extension's own pages (side panel, options), never for a web page. */
  extensionPage: boolean;
}

export interface BackgroundDeps {
  indexedDB: IDBFactory;
  /** Node tests pass fake-indexeddb's; browsers have their own. */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Where journal entries wait while the store is locked (name-free on disk). */
  pending: PendingLog;
  now?: () => Date;
}

/** Compose windows kept warm at once; older ones are sent again in full if they come back. */
const MAX_EDITORS = 24;
const MAX_REASON_CHARS = 500;
const STATE_TTL_MS = 5000;

export function createBackgroundService(deps: BackgroundDeps) {
  const now = deps.now ?? (() => new Date());
  let store: CaseloadStore | undefined;
  let names: Promise<NamesIndex | undefined> | undefined;
  const editors = new Map<string, EditorScan>();

  const storeOptions = { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
  const unlocked = () => (store && !store.isLocked ? store : undefined);

  // Opening IndexedDB on every keystroke would cost more than the scan: the
  // state of a closed store is read once, then again in the background when
  // older than STATE_TTL_MS (only an extension page creates or wipes a store).
  let closedState: { at: number; value: Promise<StoreStatus> } | undefined;
  const readState = () =>
    storeState(storeOptions).then((state): StoreStatus =>
      state === 'new' ? 'absent' : state === 'wiped' ? 'effacé' : 'verrouillé',
    );
  async function status(): Promise<StoreStatus> {
    if (unlocked()) return 'déverrouillé';
    const at = now().getTime();
    if (!closedState) closedState = { at, value: readState() };
    else if (at - closedState.at > STATE_TTL_MS) {
      const previous = closedState.value;
      const next = readState();
      closedState = { at, value: previous };
      void next.then(
        (value) => {
          if (closedState?.value === previous) closedState = { at, value: Promise.resolve(value) };
        },
        () => undefined,
      );
    }
    return closedState.value;
  }

  function namesIndex(): Promise<NamesIndex | undefined> {
    const open = unlocked();
    if (!open) return Promise.resolve(undefined);
    names ??= open.knownPeople().then((people) => namesIndexFromPeople(people));
    return names;
  }

  function forget() {
    names = undefined;
    closedState = undefined;
    editors.clear();
  }

  async function editorFor(key: string): Promise<EditorScan> {
    const existing = editors.get(key);
    if (existing) {
      // Most recently used last: the oldest is dropped first.
      editors.delete(key);
      editors.set(key, existing);
      return existing;
    }
    const options = { names: await namesIndex(), policy: PARTENAIRE_EXTERNE };
    const editor = newEditorScan(createIncrementalScanner(options));
    editors.set(key, editor);
    const oldest = editors.keys().next().value;
    if (editors.size > MAX_EDITORS && oldest !== undefined) editors.delete(oldest);
    return editor;
  }

  async function scanEditor(request: ScanRequest, sender: Sender): Promise<ScanAnswer> {
    const wasUnlocked = !!unlocked();
    const key = `${sender.tabId ?? 'page'}:${sender.frameId ?? 0}:${String(request.editor)}`;
    const lost = !editors.has(key) && !request.full;
    const editor = await editorFor(key);
    if (lost || !applyChanges(editor, request)) {
      editors.delete(key);
      return { units: [], store: await status(), resend: true };
    }
    const units = scanChanges(editor, toPageFinding);
    // The store locked itself meanwhile: drop the names it gave.
    if (wasUnlocked && !unlocked()) forget();
    return { units, store: await status() };
  }

  async function pseudonymiseText(request: PseudonymiseRequest): Promise<PseudonymiseAnswer> {
    const result = pseudonymise(textOf(request.text), {
      names: await namesIndex(),
      policy: PARTENAIRE_EXTERNE,
    });
    const codes = new Set<string>();
    const edits = result.replacements.map((r) => {
      const code = /PRE-\d{4}-\d{3,}/.exec(r.replacement)?.[0];
      if (code) codes.add(code);
      return { start: r.start, end: r.end, replacement: r.replacement };
    });
    const answer = { edits, codes: [...codes], leftovers: result.leftovers.length };
    if (request.sending && !answer.leftovers) {
      const counts = countByType(result.replacements.map((r) => r.type));
      await journal('pseudonymiser', counts, answer.codes);
    }
    return answer;
  }

  async function logShare(request: { text: string; reason: string }): Promise<LogAnswer> {
    const options = { names: await namesIndex(), policy: PARTENAIRE_EXTERNE };
    const sent = scan(textOf(request.text), options).findings.filter(isBlocking);
    const codes = [...new Set(sent.flatMap((f) => (f.code ? [f.code] : [])))];
    const reason = String(request.reason ?? '').slice(0, MAX_REASON_CHARS);
    return journal('envoyer', countByType(sent.map((f) => f.type)), codes, reason);
  }

  /**
   * A send the user chose, into the encrypted journal with the children's
   * codes; while the store is locked, into the pending log (counts only on
   * disk), written to the journal at the next unlock.
   */
  async function journal(
    action: PendingEntry['action'],
    counts: TypeCounts,
    codes: string[],
    reason?: string,
  ): Promise<LogAnswer> {
    const open = unlocked();
    const entry = { id: crypto.randomUUID(), at: now().toISOString(), action, counts };
    if (!open) {
      await deps.pending.add(entry, reason);
      return { logged: 'en attente' };
    }
    await open.logEvent('share', codes, await journalDetail(entry, reason, false));
    return { logged: 'journal' };
  }

  /** The journal's French line: what was done, how many of each kind, the reason pseudonymised. */
  async function journalDetail(entry: PendingEntry, reason: string | undefined, late: boolean) {
    const what =
      entry.action === 'envoyer'
        ? 'Envoyé en clair depuis la messagerie'
        : 'Pseudonymisé puis envoyé depuis la messagerie';
    const when = late
      ? ` le ${entry.at.slice(0, 10)} à ${entry.at.slice(11, 16)} UTC, suivi verrouillé`
      : '';
    // The reason is the user's own words: it may hold a name; keep it pseudonymised.
    const why = reason
      ? ` : ${pseudonymise(reason, { names: await namesIndex(), policy: PARTENAIRE_EXTERNE }).text}`
      : entry.action === 'envoyer' && late
        ? ' (motif perdu : le navigateur a été fermé avant le déverrouillage)'
        : '';
    return `${what}${when} (${describeCounts(entry.counts)})${why}`;
  }

  /** Entries made while locked go to the journal once the store is open. */
  async function flushPending(open: CaseloadStore) {
    const waiting = await deps.pending.list();
    for (const entry of waiting)
      await open.logEvent('share', [], await journalDetail(entry, entry.reason, true));
    if (waiting.length) await deps.pending.drop(waiting.map((e) => e.id));
  }

  async function unlock(passphrase: string, sender: Sender): Promise<StateAnswer> {
    onlyExtensionPages(sender);
    store?.close();
    store = await unlockStore({ ...storeOptions, passphrase: String(passphrase) });
    forget();
    // Entries that fail to reach the journal stay pending for the next unlock.
    await flushPending(store).catch(() => undefined);
    return { store: await status() };
  }

  return {
    async handle(request: Request, sender: Sender): Promise<unknown> {
      switch (request?.kind) {
        case 'scan':
          return scanEditor(request, sender);
        case 'pseudonymise':
          return pseudonymiseText(request);
        case 'log-share':
          return logShare(request);
        case 'state':
          return { store: await status() } satisfies StateAnswer;
        case 'unlock':
          return unlock(request.passphrase, sender);
        case 'caseload-changed':
          // The side panel imported, edited or erased children: names are read again on next use.
          onlyExtensionPages(sender);
          forget();
          return { done: true } satisfies NoticeAnswer;
        case 'lock':
          onlyExtensionPages(sender);
          store?.lock();
          forget();
          return { store: await status() } satisfies StateAnswer;
        default:
          throw new PasserelleError(
            'MESSAGE_INCONNU',
            'Demande inconnue reçue par l’extension : mettez l’extension à jour.',
          );
      }
    },
  };
}

export type BackgroundService = ReturnType<typeof createBackgroundService>;

/** A beneficiary's direct identifier that the policy forbids sending as is. */
function isBlocking(f: Finding): boolean {
  return f.direct && f.blocking && f.role === 'beneficiaire';
}

function toPageFinding(f: Finding): PageFinding {
  return {
    start: f.start,
    end: f.end,
    type: f.type,
    label: f.label,
    blocking: isBlocking(f),
  };
}

function onlyExtensionPages(sender: Sender) {
  if (!sender.extensionPage) {
    throw new PasserelleError(
      'DEMANDE_REFUSEE',
      'Seules les pages de l’extension peuvent ouvrir ou fermer le suivi.',
    );
  }
}
