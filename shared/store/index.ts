/**
 * shared/store — the local caseload store.
 *
 * A Dexie (IndexedDB) database of parcours records, EPS sessions, the
 * pseudonym map, remembered import mappings, settings and an audit log,
 * encrypted at rest (AES-GCM, key from the passphrase by PBKDF2-SHA-256,
 * 600 000 iterations) with blind indexes for names and référents; lock after
 * inactivity, passphrase change, retention purge, erasure and right of access
 * per child, encrypted backup files with merge on restore, wipe detection.
 * Implements the ports of shared/parcours (CaseloadLookup, MappingMemory,
 * PseudonymMemory, KnownPerson list). Needs an IndexedDB factory (the
 * browser's, or fake-indexeddb passed in by Node callers) and WebCrypto.
 */
export { CaseloadStore, createStore, storeFromBackup, storeState, unlockStore } from './store';
export {
  ACTIVE_STATUSES,
  auditKindLabels,
  DEFAULT_SETTINGS,
  type AuditEntry,
  type AuditKind,
  type ChildExport,
  type CreateStoreOptions,
  type PutResult,
  type RecordInput,
  type StoreMarker,
  type StoreOptions,
  type StoreSettings,
  type StoreState,
} from './types';
export {
  BACKUP_FORMAT,
  isStoreFile,
  openBackup,
  readBackupHeader,
  type BackupContents,
  type BackupHeader,
} from './backup';
export { MIN_ITERATIONS } from './crypto';
export type { Pseudonym, StoredSession } from './rows';
export { CURRENT_VERSION, schemaVersions, type SchemaVersion } from './schema';
