/** The shapes the store takes and gives: options, settings, audit entries, results. */
import type { EpsSession, ParcoursRecord, Status } from '../parcours';
import type { Pseudonym } from './rows';

/** Where the shell keeps a «this device had a store» flag outside IndexedDB (wipe detection). */
export interface StoreMarker {
  read(): boolean | Promise<boolean>;
  write(): void | Promise<void>;
}

export interface StoreOptions {
  /** The IndexedDB implementation: the browser's, or fake-indexeddb in Node. */
  indexedDB: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Database name (default «passerelle»). */
  name?: string;
  /** Who acts, as written in the audit log: a user identifier, never a child's name. */
  actor?: string;
  /** Locks after this much inactivity; overrides the stored setting; 0 never locks. */
  lockAfterMs?: number;
  marker?: StoreMarker;
  now?: () => Date;
}

export interface CreateStoreOptions extends StoreOptions {
  passphrase: string;
  /** PBKDF2 iterations (default and minimum 600 000). */
  iterations?: number;
  /** Only tests may go below 600 000 iterations, and only by saying so. */
  allowWeakKdfForTests?: boolean;
}

export type StoreState = 'new' | 'locked' | 'wiped';

export interface StoreSettings {
  /** Months after exit or last contact (the later) before a closed parcours is purged. */
  retentionMonths: number;
  /** Minutes of inactivity before the store locks itself. */
  lockAfterMinutes: number;
}

export const DEFAULT_SETTINGS: StoreSettings = { retentionMonths: 24, lockAfterMinutes: 15 };

export type AuditKind =
  'export' | 'share' | 'pseudonymisation' | 'deletion' | 'restore' | 'passphrase';

/** French labels of the audit trail's kinds, for every screen and report that shows it. */
export const auditKindLabels: Readonly<Record<AuditKind, string>> = {
  export: 'Export',
  share: 'Partage',
  pseudonymisation: 'Pseudonymisation',
  deletion: 'Effacement',
  restore: 'Restauration',
  passphrase: 'Changement de phrase de passe',
};

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  kind: AuditKind;
  detail?: string;
  codes: string[];
}

/** A record to add: without id or code, the store gives them. */
export type RecordInput = Omit<ParcoursRecord, 'id' | 'code'> & { id?: string; code?: string };

export interface PutResult {
  /** Codes of children new to the store. */
  added: string[];
  /** Codes of children already known (same name + birth date, or same id), merged. */
  merged: string[];
  /** French notes, e.g. a code given in the input that the store did not take. */
  notes: string[];
}

export interface ChildExport {
  exportedAt: string;
  record: ParcoursRecord;
  eps: Array<{ date: string; place?: string | null; situation: EpsSession['situations'][number] }>;
  pseudonyms: Pseudonym[];
  audit: AuditEntry[];
}

/** Statuses of a parcours still open: a référent's active caseload. */
export const ACTIVE_STATUSES: readonly Status[] = ['repere', 'attente_eps', 'en_cours', 'suspendu'];
export const CLOSED_STATUSES: readonly string[] = ['sorti', 'refus', 'non_retenu'];
