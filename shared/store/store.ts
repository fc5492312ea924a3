/**
 * The caseload store: an encrypted Dexie database behind one class. Every
 * write follows the same path — read and seal outside any transaction, then
 * one short read-write transaction that first checks nobody else wrote in
 * between (a generation counter) and retries otherwise. So a failed write
 * leaves the store as it was, two tabs never hand out the same code, and no
 * WebCrypto call is ever awaited inside a transaction.
 */
import {
  PasserelleError,
  foldText,
  peopleFromRecords,
  schoolYearBounds,
  todayIso,
  validateRecord,
  validateSession,
  type CaseloadLookup,
  type EpsSession,
  type KnownPerson,
  type MappingMemory,
  type ParcoursRecord,
  type PseudonymMemory,
  type Status,
} from '../parcours';
import { openBackup, writeBackup, type BackupContents } from './backup';
import {
  checkIterations,
  deriveKeyring,
  MIN_ITERATIONS,
  newKdfParams,
  toBase64,
  type Keyring,
} from './crypto';
import { databaseExists, openDb } from './database';
import { absentError, lockedError, unknownCode } from './errors';
import {
  GENERATION,
  KEYRING,
  checkPassphrase,
  storedKeyring,
  unlockKeyring,
  type StoredKeyring,
} from './keyring';
import { prepareRecords } from './put';
import { prepareSnapshot } from './snapshot';
import { collectChildData, prepareErasure } from './rights';
import {
  identityToken,
  nameTokens,
  nameWords,
  openPseudonym,
  openRecord,
  openSession,
  pseudonymKeyToken,
  pseudonymLabelToken,
  referentToken,
  sealPseudonym,
  sealRecord,
  sealSession,
  type StoredSession,
} from './rows';
import type { AuditRow, PasserelleDb, RecordRow } from './schema';
import {
  ACTIVE_STATUSES,
  CLOSED_STATUSES,
  DEFAULT_SETTINGS,
  type AuditEntry,
  type AuditKind,
  type ChildExport,
  type CreateStoreOptions,
  type PutResult,
  type RecordInput,
  type StoreOptions,
  type StoreSettings,
  type StoreState,
} from './types';

const MAX_ATTEMPTS = 30;
/** Random back-off between retries so contending tabs stop colliding in lockstep. */
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 8 * (attempt + 1)));

class WriteConflict extends Error {}

/** Tells a shell what to offer: create a store, ask the passphrase, or restore after a wipe. */
export async function storeState(options: StoreOptions): Promise<StoreState> {
  const name = options.name ?? 'passerelle';
  if (await databaseExists(options.indexedDB, name)) {
    const db = openDb(options);
    try {
      if (await db.settings.get(KEYRING)) return 'locked';
    } finally {
      db.close();
    }
  }
  return (await options.marker?.read()) ? 'wiped' : 'new';
}

/** Creates a new store protected by the passphrase. Fails if one already exists. */
export async function createStore(options: CreateStoreOptions): Promise<CaseloadStore> {
  const iterations = checkIterations(
    options.iterations ?? MIN_ITERATIONS,
    options.allowWeakKdfForTests,
  );
  checkPassphrase(options.passphrase);
  const keyring = await deriveKeyring(options.passphrase, newKdfParams(iterations));
  return CaseloadStore.initialise(options, keyring);
}

/** Opens an existing store; a wrong passphrase is a French error and changes nothing. */
export async function unlockStore(
  options: StoreOptions & { passphrase: string },
): Promise<CaseloadStore> {
  const db = openDb(options);
  try {
    const stored = (await db.settings.get(KEYRING))?.value as StoredKeyring | undefined;
    if (!stored) throw absentError();
    const keyring = await unlockKeyring(stored, options.passphrase);
    const store = new CaseloadStore(db, options, keyring);
    await store.applyStoredLockSetting();
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Builds a new store from a backup file (after a wipe, or the command line's store file). */
export async function storeFromBackup(
  bytes: Uint8Array,
  passphrase: string,
  options: StoreOptions,
): Promise<CaseloadStore> {
  const { contents, keyring } = await openBackup(bytes, passphrase);
  return CaseloadStore.initialise(options, keyring, contents);
}

const monthsBefore = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

/** What one write will do, prepared (read and sealed) before its transaction. */
type Apply = (db: PasserelleDb) => Promise<void>;

export class CaseloadStore implements CaseloadLookup {
  private keyring: Keyring | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lockAfterMs: number;
  private readonly now: () => Date;
  private readonly actor: string;

  /** Use `createStore`, `unlockStore` or `storeFromBackup`. */
  constructor(
    private readonly db: PasserelleDb,
    private readonly options: StoreOptions,
    keyring: Keyring,
  ) {
    this.keyring = keyring;
    this.now = options.now ?? (() => new Date());
    this.actor = options.actor ?? 'utilisateur';
    this.lockAfterMs = options.lockAfterMs ?? DEFAULT_SETTINGS.lockAfterMinutes * 60_000;
    this.touch();
  }

  /** @internal New database with its keyring and, for a restore, its contents, in one transaction. */
  static async initialise(
    options: StoreOptions,
    keyring: Keyring,
    contents?: BackupContents,
  ): Promise<CaseloadStore> {
    const db = openDb(options);
    try {
      const stored = await storedKeyring(keyring);
      const store = new CaseloadStore(db, options, keyring);
      const sealed = contents
        ? (await prepareSnapshot(db, keyring, contents, todayIso(store.now()))).apply
        : undefined;
      await db.transaction('rw', db.tables, async () => {
        if (await db.settings.get(KEYRING)) {
          throw new PasserelleError(
            'store/exists',
            'une file active existe déjà sur cet appareil : ouvrez-la avec sa phrase de passe, ou restaurez une sauvegarde dedans.',
          );
        }
        await db.settings.bulkPut([
          { key: KEYRING, value: stored },
          { key: GENERATION, value: 1 },
        ]);
        if (sealed) await sealed(db);
      });
      await options.marker?.write();
      await store.applyStoredLockSetting();
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  // ── Lock ────────────────────────────────────────────────────────────────

  get isLocked(): boolean {
    return this.keyring === undefined;
  }

  /** Drops the keys; reading again needs the passphrase. */
  lock(): void {
    this.keyring = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  async unlock(passphrase: string): Promise<void> {
    const stored = await this.storedKeyring();
    this.keyring = await unlockKeyring(stored, passphrase);
    this.touch();
  }

  /** Locks and closes the database connection. */
  close(): void {
    this.lock();
    this.db.close();
  }

  private touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lockAfterMs > 0 && this.keyring) {
      this.timer = setTimeout(() => this.lock(), this.lockAfterMs);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  private keys(): Keyring {
    if (!this.keyring) throw lockedError();
    this.touch();
    return this.keyring;
  }

  private async storedKeyring(): Promise<StoredKeyring> {
    const stored = (await this.db.settings.get(KEYRING))?.value as StoredKeyring | undefined;
    if (!stored) throw absentError();
    return stored;
  }

  /** @internal Takes the lock delay from the settings unless the options fixed it. */
  async applyStoredLockSetting(): Promise<void> {
    if (this.options.lockAfterMs !== undefined) return;
    this.lockAfterMs = (await this.settings()).lockAfterMinutes * 60_000;
    this.touch();
  }

  // ── The one write path ──────────────────────────────────────────────────

  /**
   * Runs `prepare` (reads, WebCrypto) outside any transaction, then applies
   * its result in one transaction if nobody wrote meanwhile; retries otherwise.
   */
  private async write<T>(prepare: (keys: Keyring) => Promise<{ apply: Apply; value: T }>) {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const keys = this.keys();
      const generation = await this.generation();
      const { apply, value } = await prepare(keys);
      try {
        await this.db.transaction('rw', this.db.tables, async () => {
          const stored = (await this.db.settings.get(KEYRING))?.value as StoredKeyring | undefined;
          if (!stored) throw absentError();
          if (stored.salt !== toBase64(keys.params.salt)) {
            this.lock();
            throw new PasserelleError(
              'store/passphrase-changed',
              'la phrase de passe a été changée dans une autre fenêtre : rouvrez la file active avec la nouvelle.',
            );
          }
          if ((await this.generation()) !== generation) throw new WriteConflict();
          await this.db.settings.put({ key: GENERATION, value: generation + 1 });
          await apply(this.db);
        });
        return value;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
      }
      await backOff(attempt);
    }
    throw new PasserelleError(
      'store/busy',
      'la file active est modifiée en même temps ailleurs (autre onglet ?) : réessayez dans un instant.',
    );
  }

  private async generation(): Promise<number> {
    return ((await this.db.settings.get(GENERATION))?.value as number | undefined) ?? 0;
  }

  private auditRow(kind: AuditKind, codes: string[], detail?: string): AuditRow {
    return {
      at: this.now().toISOString(),
      actor: this.actor,
      kind,
      codes,
      ...(detail ? { detail } : {}),
    };
  }

  // ── Records ─────────────────────────────────────────────────────────────

  /**
   * Adds or merges records in one atomic write. A child already known (same
   * id, or same name + birth date) keeps its id and code; a new child without
   * code gets the next free one of its school year. Any invalid record or
   * code clash aborts the whole batch with a French error.
   */
  async putRecords(
    inputs: RecordInput[],
    options: { prefer?: 'incoming' | 'existing' } = {},
  ): Promise<PutResult> {
    return this.write(async (keys) => {
      const { rows, result } = await prepareRecords(
        this.db,
        keys,
        inputs,
        options.prefer ?? 'incoming',
        todayIso(this.now()),
      );
      return {
        value: result,
        apply: async (db) => {
          await db.records.bulkPut(rows);
          await db.usedCodes.bulkPut(rows.map((r) => ({ code: r.code })));
        },
      };
    });
  }

  /**
   * Saves an edited record as it is, replacing the stored one with the same
   * id and code: unlike `putRecords`, which merges, a field emptied in an
   * editor stays empty. Refuses a record the store does not hold, or whose
   * name and birth date now match another child's.
   */
  async replaceRecord(record: ParcoursRecord): Promise<void> {
    const checked = validateRecord(record);
    if (!checked.ok) throw checked.error;
    const edited = checked.value;
    await this.write(async (keys) => {
      const [stored, identity] = await Promise.all([
        this.db.records.get(edited.id),
        identityToken(keys, edited.child),
      ]);
      if (!stored || stored.code !== edited.code) throw unknownCode(edited.code);
      const twins = await this.db.records.where('identity').equals(identity).primaryKeys();
      if (twins.some((id) => id !== edited.id)) {
        throw new PasserelleError(
          'store/duplicate-child',
          `un autre enfant de la file active a déjà ce nom et cette date de naissance : vérifiez la fiche ${edited.code} avant de l’enregistrer.`,
        );
      }
      const row = await sealRecord(keys, edited);
      return { value: undefined, apply: async (db) => void (await db.records.put(row)) };
    });
  }

  private async openRows(rows: RecordRow[]): Promise<ParcoursRecord[]> {
    const keys = this.keys();
    return Promise.all(rows.map((row) => openRecord(keys, row)));
  }

  async getRecord(code: string): Promise<ParcoursRecord | undefined> {
    const keys = this.keys();
    const row = await this.db.records.where('code').equals(code).first();
    return row ? openRecord(keys, row) : undefined;
  }

  async allRecords(): Promise<ParcoursRecord[]> {
    this.keys();
    return this.openRows(await this.db.records.toArray());
  }

  async countRecords(): Promise<number> {
    return this.db.records.count();
  }

  async byStatus(status: Status): Promise<ParcoursRecord[]> {
    this.keys();
    return this.openRows(await this.db.records.where('status').equals(status).toArray());
  }

  async bySchool(school: string): Promise<ParcoursRecord[]> {
    this.keys();
    return this.openRows(await this.db.records.where('school').equals(school).toArray());
  }

  async byNeighbourhood(neighbourhood: string): Promise<ParcoursRecord[]> {
    this.keys();
    return this.openRows(
      await this.db.records.where('neighbourhood').equals(neighbourhood).toArray(),
    );
  }

  /** Every record of a référent (name compared accent- and case-insensitively). */
  async byReferent(referent: string): Promise<ParcoursRecord[]> {
    const token = await referentToken(this.keys(), referent);
    return this.openRows(await this.db.records.where('referentKey').equals(token).toArray());
  }

  /** A référent's open parcours (repéré, attente EPS, en cours, suspendu). */
  async activeCaseload(referent: string): Promise<ParcoursRecord[]> {
    const token = await referentToken(this.keys(), referent);
    // One equality per status: anyOf on a compound index walks far more of it.
    const rows = await Promise.all(
      ACTIVE_STATUSES.map((s) =>
        this.db.records.where('[referentKey+status]').equals([token, s]).toArray(),
      ),
    );
    return this.openRows(rows.flat());
  }

  /** Parcours open at some point of a school year («2025-2026»). */
  async bySchoolYear(label: string): Promise<ParcoursRecord[]> {
    const bounds = schoolYearBounds(label);
    if (!bounds) {
      throw new PasserelleError(
        'store/school-year',
        `année scolaire « ${label} » non reconnue : écrivez-la comme « 2025-2026 ».`,
      );
    }
    this.keys();
    const rows = await this.db.records
      .where('schoolYear')
      .belowOrEqual(Number(bounds.start.slice(0, 4)))
      .filter((r) => !r.exitDate || r.exitDate >= bounds.start)
      .toArray();
    return this.openRows(rows);
  }

  // ── Ports for the other capabilities ────────────────────────────────────

  /** CaseloadLookup: children with this name (accent/case-insensitive) and, if given, birth date. */
  async findChildren(query: {
    lastName?: string;
    firstName?: string;
    birthDate?: string;
  }): Promise<ParcoursRecord[]> {
    const keys = this.keys();
    const tokens = await nameTokens(keys, nameWords(query.lastName, query.firstName));
    if (!tokens.length) return [];
    const rows = await this.db.records
      .where('nameTokens')
      .equals(tokens[0]!)
      .filter((r) => tokens.every((t) => r.nameTokens.includes(t)))
      .toArray();
    const same = (a: string | undefined, b: string) =>
      a === undefined || foldText(a) === foldText(b);
    return (await this.openRows(rows)).filter(
      (r) =>
        same(query.lastName, r.child.lastName) &&
        same(query.firstName, r.child.firstName) &&
        (!query.birthDate || r.child.birthDate === query.birthDate),
    );
  }

  /** CaseloadLookup: every code ever used here, erased children included, so none is reused. */
  async allCodes(): Promise<string[]> {
    return (await this.db.usedCodes.toCollection().primaryKeys()) as string[];
  }

  /** Everyone the caseload names (children and guardians), decrypted, for the anonymiser. */
  async knownPeople(): Promise<KnownPerson[]> {
    return peopleFromRecords(await this.allRecords());
  }

  /** People (children or guardians) whose names hold every word of `fullName`. */
  async findPeople(fullName: string): Promise<KnownPerson[]> {
    const keys = this.keys();
    const words = nameWords(fullName);
    const tokens = await nameTokens(keys, words);
    if (!tokens.length) return [];
    const first = tokens[0]!;
    const all = (list: string[]) => tokens.every((t) => list.includes(t));
    const [children, guardians] = await Promise.all([
      this.db.records
        .where('nameTokens')
        .equals(first)
        .filter((r) => all(r.nameTokens))
        .toArray(),
      this.db.records
        .where('guardianTokens')
        .equals(first)
        .filter((r) => all(r.guardianTokens))
        .toArray(),
    ]);
    const unique = new Map([...children, ...guardians].map((r) => [r.id, r]));
    return peopleFromRecords(await this.openRows([...unique.values()])).filter((p) => {
      const own = new Set(nameWords(p.lastName, p.firstName));
      return words.every((w) => own.has(w));
    });
  }

  /** MappingMemory: remembered column mappings per header signature (not personal data). */
  readonly mappingMemory: MappingMemory = {
    recall: async (signature) => (await this.db.mappings.get(signature))?.mapping,
    remember: async (signature, mapping) => {
      await this.db.mappings.put({ signature, mapping });
    },
  };

  /** PseudonymMemory: stable labels for people outside the caseload, sealed like the records. */
  readonly pseudonymMemory: PseudonymMemory = {
    recall: async (personKey) => {
      const keys = this.keys();
      const row = await this.db.pseudonyms.get(await pseudonymKeyToken(keys, personKey));
      return row ? (await openPseudonym(keys, row)).label : undefined;
    },
    remember: async (personKey, label) => {
      await this.write(async (keys) => {
        const row = await sealPseudonym(keys, { personKey, label });
        return {
          value: undefined,
          apply: async (db) => {
            const isNew = !(await db.pseudonyms.get(row.keyToken));
            await db.pseudonyms.put(row);
            if (isNew)
              await db.audit.add(this.auditRow('pseudonymisation', [], 'nouveau pseudonyme'));
          },
        };
      });
    },
    resolve: async (label) => {
      const keys = this.keys();
      const row = await this.db.pseudonyms
        .where('labelToken')
        .equals(await pseudonymLabelToken(keys, label))
        .first();
      return row ? (await openPseudonym(keys, row)).personKey : undefined;
    },
  };

  // ── EPS sessions ────────────────────────────────────────────────────────

  /** Stores an EPS session (its summaries sealed); returns its id. */
  async putSession(session: EpsSession): Promise<string> {
    const checked = validateSession(session);
    if (!checked.ok) throw checked.error;
    const stored: StoredSession = {
      ...checked.value,
      id: checked.value.id ?? globalThis.crypto.randomUUID(),
    };
    return this.write(async (keys) => {
      const row = await sealSession(keys, stored);
      return { value: stored.id, apply: async (db) => void (await db.sessions.put(row)) };
    });
  }

  async sessions(): Promise<StoredSession[]> {
    const keys = this.keys();
    const rows = await this.db.sessions.orderBy('date').toArray();
    return Promise.all(rows.map((row) => openSession(keys, row)));
  }

  // ── Audit ───────────────────────────────────────────────────────────────

  /** Logs an export, share or pseudonymisation done by another capability (codes only). */
  async logEvent(kind: AuditKind, codes: string[], detail?: string): Promise<void> {
    await this.db.audit.add(this.auditRow(kind, codes, detail));
  }

  async auditLog(): Promise<AuditEntry[]> {
    return (await this.db.audit.orderBy('seq').toArray()) as AuditEntry[];
  }

  // ── Settings ────────────────────────────────────────────────────────────

  async settings(): Promise<StoreSettings> {
    const rows = await this.db.settings.bulkGet(Object.keys(DEFAULT_SETTINGS));
    const out: StoreSettings = { ...DEFAULT_SETTINGS };
    for (const row of rows)
      if (row) (out as unknown as Record<string, unknown>)[row.key] = row.value;
    return out;
  }

  async updateSettings(changes: Partial<StoreSettings>): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in DEFAULT_SETTINGS) || !Number.isInteger(value) || (value as number) < 0) {
        throw new PasserelleError(
          'store/setting',
          `réglage « ${key} » invalide : un nombre entier positif est attendu.`,
        );
      }
    }
    await this.db.settings.bulkPut(Object.entries(changes).map(([key, value]) => ({ key, value })));
    await this.applyStoredLockSetting();
  }

  // ── Retention and rights ────────────────────────────────────────────────

  /** Codes of closed parcours past the retention period (2 years by default). */
  async purgeCandidates(): Promise<string[]> {
    const { retentionMonths } = await this.settings();
    const cutoff = monthsBefore(todayIso(this.now()), retentionMonths);
    const rows = await this.db.records
      .where('retentionFrom')
      .below(cutoff)
      .filter((r) => r.exitDate !== undefined || CLOSED_STATUSES.includes(r.status ?? ''))
      .toArray();
    return rows.map((r) => r.code).sort();
  }

  /** Erases every purge candidate; returns their codes. */
  async purge(): Promise<string[]> {
    const codes = await this.purgeCandidates();
    if (codes.length) await this.erase(codes, 'purge (durée de conservation dépassée)');
    return codes;
  }

  /** Erases one child entirely: record, pseudonyms, mentions in EPS sessions. Its code stays used. */
  async eraseChild(code: string): Promise<void> {
    await this.erase([code], 'effacement sur demande');
  }

  private async erase(codes: string[], detail: string): Promise<void> {
    await this.write(async (keys) => {
      const erasure = await prepareErasure(this.db, keys, codes);
      return {
        value: undefined,
        apply: async (db) => {
          await db.records.bulkDelete(erasure.recordIds);
          await db.sessions.bulkPut(erasure.cleanedSessions);
          await db.pseudonyms.bulkDelete(erasure.pseudonymKeys);
          await db.audit.add(this.auditRow('deletion', codes, detail));
        },
      };
    });
  }

  /** Right of access: everything the store holds about one child, as plain JSON. */
  async exportChild(code: string): Promise<ChildExport> {
    const keys = this.keys();
    const record = await this.getRecord(code);
    if (!record) throw unknownCode(code);
    const held = await collectChildData(this.db, keys, record);
    await this.logEvent('export', [code], 'droit d’accès');
    return { exportedAt: this.now().toISOString(), record, ...held };
  }

  // ── Backup, restore, passphrase ─────────────────────────────────────────

  private async contents(keys: Keyring): Promise<BackupContents> {
    const [records, sessions, pseudonyms, mappings, settings, usedCodes, audit] = await Promise.all(
      [
        this.db.records.toArray(),
        this.db.sessions.toArray(),
        this.db.pseudonyms.toArray(),
        this.db.mappings.toArray(),
        this.settings(),
        this.allCodes(),
        this.auditLog(),
      ],
    );
    return {
      records: await Promise.all(records.map((r) => openRecord(keys, r))),
      sessions: await Promise.all(sessions.map((s) => openSession(keys, s))),
      pseudonyms: await Promise.all(pseudonyms.map((p) => openPseudonym(keys, p))),
      mappings,
      settings: { ...settings },
      usedCodes,
      audit,
    };
  }

  /**
   * The whole store as an encrypted file (same passphrase), logged as an
   * export. `log: false` is for the command line saving its own store file,
   * which is the store itself, not a copy leaving it.
   */
  async backup(options: { log?: boolean } = {}): Promise<Uint8Array> {
    const keys = this.keys();
    if (options.log !== false) await this.logEvent('export', [], 'sauvegarde complète');
    return writeBackup(keys, await this.contents(keys), this.now().toISOString());
  }

  /**
   * Merges a backup into this store in one atomic write: children already
   * here (same name + birth date) keep their code and current values, the
   * backup only fills gaps; a wrong passphrase or a bad file changes nothing.
   */
  async restore(bytes: Uint8Array, passphrase: string): Promise<PutResult> {
    const { contents } = await openBackup(bytes, passphrase);
    return this.write(async (keys) => {
      const { apply, result } = await prepareSnapshot(
        this.db,
        keys,
        contents,
        todayIso(this.now()),
      );
      return {
        value: result,
        apply: async (db) => {
          await apply(db);
          await db.audit.add(this.auditRow('restore', [], 'restauration d’une sauvegarde'));
        },
      };
    });
  }

  /** Re-encrypts everything under a new passphrase in one transaction. */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkPassphrase(next);
    const stored = await this.storedKeyring();
    const old = await unlockKeyring(stored, current);
    const fresh = await deriveKeyring(
      next,
      newKdfParams(Math.max(stored.iterations, this.keys().params.iterations)),
    );
    await this.write(async () => {
      const [records, sessions, pseudonyms] = await Promise.all([
        this.db.records.toArray(),
        this.db.sessions.toArray(),
        this.db.pseudonyms.toArray(),
      ]);
      const [newRecords, newSessions, newPseudonyms, newStored] = await Promise.all([
        Promise.all(records.map(async (r) => sealRecord(fresh, await openRecord(old, r)))),
        Promise.all(sessions.map(async (s) => sealSession(fresh, await openSession(old, s)))),
        Promise.all(pseudonyms.map(async (p) => sealPseudonym(fresh, await openPseudonym(old, p)))),
        storedKeyring(fresh),
      ]);
      return {
        value: undefined,
        apply: async (db) => {
          await Promise.all([db.records.clear(), db.sessions.clear(), db.pseudonyms.clear()]);
          await db.records.bulkAdd(newRecords);
          await db.sessions.bulkAdd(newSessions);
          await db.pseudonyms.bulkAdd(newPseudonyms);
          await db.settings.put({ key: KEYRING, value: newStored });
          await db.audit.add(this.auditRow('passphrase', [], 'changement de phrase de passe'));
        },
      };
    });
    this.keyring = fresh;
    this.touch();
  }
}
