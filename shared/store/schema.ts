/**
 * The IndexedDB layout, version by version. Only what an index needs and
 * does not identify anyone is clear (codes, status, dates of steps, school,
 * neighbourhood); names, birth dates, contacts, notes and summaries live in
 * the sealed `payload`; names, the référent and the child's identity are
 * indexed through keyed hashes (blind indexes) that only the passphrase can
 * reproduce.
 */
import { Dexie, type Table, type Transaction } from 'dexie';

export interface RecordRow {
  id: string;
  code: string;
  status?: string;
  /** Blind token of the folded référent name: a professional's name is personal data too. */
  referentKey?: string;
  school?: string;
  neighbourhood?: string;
  /** Start year of the school year the parcours began in. */
  schoolYear?: number;
  exitDate?: string;
  /** Latest dated step of the parcours (contact, EPS, consent, action, exit). */
  lastContact?: string;
  /** Later of exit and last contact: the retention clock starts there (since v2). */
  retentionFrom?: string;
  /** Blind tokens of the child's folded name words. */
  nameTokens: string[];
  guardianTokens: string[];
  /** Blind token of `childIdentityKey` (same name + birth date = same child). */
  identity: string;
  payload: Uint8Array;
}

export interface SessionRow {
  id: string;
  date: string;
  /** Parcours codes of the situations discussed. */
  codes: string[];
  payload: Uint8Array;
}

export interface PseudonymRow {
  keyToken: string;
  labelToken: string;
  nameTokens: string[];
  payload: Uint8Array;
}

export interface MappingRow {
  signature: string;
  mapping: Record<string, string>;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface AuditRow {
  seq?: number;
  at: string;
  actor: string;
  kind: string;
  detail?: string;
  codes: string[];
}

export interface UsedCodeRow {
  code: string;
}

export class PasserelleDb extends Dexie {
  records!: Table<RecordRow, string>;
  sessions!: Table<SessionRow, string>;
  pseudonyms!: Table<PseudonymRow, string>;
  mappings!: Table<MappingRow, string>;
  settings!: Table<SettingRow, string>;
  audit!: Table<AuditRow, number>;
  usedCodes!: Table<UsedCodeRow, string>;

  constructor(name: string, indexedDB: IDBFactory, keyRange: typeof IDBKeyRange) {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    for (const version of schemaVersions) {
      const declared = this.version(version.version).stores(version.stores);
      if (version.upgrade) declared.upgrade(version.upgrade);
    }
  }
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Runs inside Dexie's upgrade transaction: clear fields only, no WebCrypto. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

const laterOf = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));

/** Every version ever shipped, oldest first; a new version is appended, never edited. */
export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      records:
        'id, &code, status, referentKey, school, neighbourhood, schoolYear, identity, *nameTokens, *guardianTokens',
      sessions: 'id, date, *codes',
      pseudonyms: 'keyToken, labelToken, *nameTokens',
      mappings: 'signature',
      settings: 'key',
      audit: '++seq, at, kind, *codes',
    },
  },
  {
    // v2: retention index and the register of codes ever used (kept after erasure).
    version: 2,
    stores: {
      records:
        'id, &code, status, referentKey, [referentKey+status], school, neighbourhood, schoolYear, identity, retentionFrom, *nameTokens, *guardianTokens',
      usedCodes: 'code',
    },
    upgrade: async (tx) => {
      const codes: UsedCodeRow[] = [];
      await tx
        .table<RecordRow>('records')
        .toCollection()
        .modify((row) => {
          const from = laterOf(row.exitDate, row.lastContact);
          if (from) row.retentionFrom = from;
          codes.push({ code: row.code });
        });
      await tx.table<UsedCodeRow>('usedCodes').bulkPut(codes);
    },
  },
];

export const CURRENT_VERSION = schemaVersions[schemaVersions.length - 1]!.version;
