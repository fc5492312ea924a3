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
  type IncrementalScanner,
  type NamesIndex,
} from '../../shared/anonymisation';
import { PasserelleError } from '../../shared/parcours';
import { storeState, unlockStore, type CaseloadStore } from '../../shared/store';
import type {
  LogAnswer,
  NoticeAnswer,
  PageFinding,
  PseudonymiseAnswer,
  Request,
  ScanAnswer,
  ScanRequest,
  StateAnswer,
  StoreStatus,
  TextChange,
} from '../messages';

/** Who sent a message: a content script in a tab, or one of the extension's own pages. */
export interface Sender {
  tabId?: number;
  frameId?: number;
  /** True for the extension's own pages (side panel, options), never for a web page. */
  extensionPage: boolean;
}

export interface LocalLogEntry {
  at: string;
  kind: 'share';
  /** How many beneficiary identifiers were sent; no code is known while locked. */
  count: number;
  /** The reason typed by the user, pseudonymised before it is kept. */
  reason: string;
}

export interface BackgroundDeps {
  indexedDB: IDBFactory;
  /** Node tests pass fake-indexeddb's; browsers have their own. */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Appends to the extension's own log (browser.storage.local) when the store is locked. */
  appendLocalLog(entry: LocalLogEntry): Promise<void>;
  now?: () => Date;
}

/** Compose windows kept warm at once; older ones are scanned afresh if they come back. */
const MAX_SCANNERS = 24;
const MAX_REASON_CHARS = 500;
const STATE_TTL_MS = 5000;
/** A compose box beyond this is not a message any more (2 million characters ≈ 1 000 pages). */
const MAX_MESSAGE_CHARS = 2_000_000;

export function createBackgroundService(deps: BackgroundDeps) {
  const now = deps.now ?? (() => new Date());
  let store: CaseloadStore | undefined;
  let names: Promise<NamesIndex | undefined> | undefined;
  const scanners = new Map<string, { scanner: IncrementalScanner; text: string }>();

  const storeOptions = { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
  const unlocked = () => (store && !store.isLocked ? store : undefined);

  // Opening IndexedDB on every keystroke would cost more than the scan: the
  // state of a closed store is read again after STATE_TTL_MS only.
  let closedState: { at: number; value: Promise<StoreStatus> } | undefined;
  async function status(): Promise<StoreStatus> {
    if (unlocked()) return 'déverrouillé';
    const at = now().getTime();
    if (!closedState || at - closedState.at > STATE_TTL_MS) {
      const value = storeState(storeOptions).then((state): StoreStatus =>
        state === 'new' ? 'absent' : state === 'wiped' ? 'effacé' : 'verrouillé',
      );
      closedState = { at, value };
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
    scanners.clear();
  }

  async function scannerFor(key: string): Promise<{ scanner: IncrementalScanner; text: string }> {
    const existing = scanners.get(key);
    if (existing) {
      // Most recently used last: the oldest is dropped first.
      scanners.delete(key);
      scanners.set(key, existing);
      return existing;
    }
    const entry = {
      scanner: createIncrementalScanner({ names: await namesIndex(), policy: PARTENAIRE_EXTERNE }),
      text: '',
    };
    scanners.set(key, entry);
    const oldest = scanners.keys().next().value;
    if (scanners.size > MAX_SCANNERS && oldest !== undefined) scanners.delete(oldest);
    return entry;
  }

  async function scanText(request: ScanRequest, sender: Sender): Promise<ScanAnswer> {
    const wasUnlocked = !!unlocked();
    const key = `${sender.tabId ?? 'page'}:${sender.frameId ?? 0}:${String(request.editor)}`;
    const fresh = !scanners.has(key);
    const entry = await scannerFor(key);
    const text =
      'change' in request
        ? applyChange(entry.text, request.change, fresh)
        : checkedText(request.text);
    if (text === undefined) return { findings: [], store: await status(), resend: true };
    entry.text = text;
    const findings = entry.scanner.update(text);
    // The store locked itself meanwhile: drop the names it gave.
    if (wasUnlocked && !unlocked()) forget();
    return { findings: findings.map(toPageFinding), store: await status() };
  }

  async function pseudonymiseText(text: string): Promise<PseudonymiseAnswer> {
    const result = pseudonymise(checkedText(text), {
      names: await namesIndex(),
      policy: PARTENAIRE_EXTERNE,
    });
    const codes = new Set<string>();
    const edits = result.replacements.map((r) => {
      const code = /PRE-\d{4}-\d{3,}/.exec(r.replacement)?.[0];
      if (code) codes.add(code);
      return { start: r.start, end: r.end, replacement: r.replacement };
    });
    return { edits, codes: [...codes], leftovers: result.leftovers.length };
  }

  async function logShare(request: { text: string; reason: string }): Promise<LogAnswer> {
    const options = { names: await namesIndex(), policy: PARTENAIRE_EXTERNE };
    const sent = scan(checkedText(request.text), options).findings.filter(isBlocking);
    const raw = String(request.reason ?? '').slice(0, MAX_REASON_CHARS);
    // The reason is the user's own words: it may hold a name; keep it pseudonymised.
    const reason = pseudonymise(raw, options).text;
    const open = unlocked();
    if (open) {
      const codes = [...new Set(sent.flatMap((f) => (f.code ? [f.code] : [])))];
      await open.logEvent('share', codes, `Envoyé en clair depuis la messagerie : ${reason}`);
      return { logged: 'journal' };
    }
    await deps.appendLocalLog({
      at: now().toISOString(),
      kind: 'share',
      count: sent.length,
      reason,
    });
    return { logged: 'local' };
  }

  async function unlock(passphrase: string, sender: Sender): Promise<StateAnswer> {
    onlyExtensionPages(sender);
    store?.close();
    store = await unlockStore({ ...storeOptions, passphrase: String(passphrase) });
    forget();
    return { store: await status() };
  }

  return {
    async handle(request: Request, sender: Sender): Promise<unknown> {
      switch (request?.kind) {
        case 'scan':
          return scanText(request, sender);
        case 'pseudonymise':
          return pseudonymiseText(request.text);
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

/** The new text from the old one and a change, or undefined when they do not fit together. */
function applyChange(old: string, change: TextChange, lost: boolean): string | undefined {
  if (lost || !change || typeof change.insert !== 'string') return undefined;
  const { from, to, insert, length } = change;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > old.length)
    return undefined;
  const text = old.slice(0, from) + insert + old.slice(to);
  return text.length === length ? checkedText(text) : undefined;
}

function checkedText(text: unknown): string {
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

function onlyExtensionPages(sender: Sender) {
  if (!sender.extensionPage) {
    throw new PasserelleError(
      'DEMANDE_REFUSEE',
      'Seules les pages de l’extension peuvent ouvrir ou fermer le suivi.',
    );
  }
}
