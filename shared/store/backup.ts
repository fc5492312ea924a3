/**
 * The backup file (also the command line's store file): a versioned, sealed
 * snapshot of the whole store.
 *
 *   "PASSERELLE/STORE\n" ‖ header length (u32, big-endian) ‖ header JSON ‖ IV ‖ AES-GCM(contents)
 *
 * The header says how to derive the key (PBKDF2-SHA-256, salt, iterations)
 * and is authenticated as AES-GCM additional data, so it cannot be altered
 * without detection. The contents are the plain JSON of every table.
 */
import { PasserelleError, validateSession, type ParcoursRecord } from '../parcours';
import {
  checkIterations,
  deriveKeyring,
  fromBase64,
  openBytes,
  sealBytes,
  toBase64,
  type KdfParams,
  type Keyring,
} from './crypto';
import type { Pseudonym, StoredSession } from './rows';
import type { AuditRow, MappingRow } from './schema';

const MAGIC = new TextEncoder().encode('PASSERELLE/STORE\n');
export const BACKUP_FORMAT = 1;
const MAX_HEADER_BYTES = 64 * 1024;

export interface BackupHeader {
  format: number;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  createdAt: string;
}

export interface BackupContents {
  records: ParcoursRecord[];
  sessions: StoredSession[];
  pseudonyms: Pseudonym[];
  mappings: MappingRow[];
  settings: Record<string, unknown>;
  usedCodes: string[];
  audit: AuditRow[];
}

/** True when the bytes start like a Passerelle store or backup file. */
export function isStoreFile(bytes: Uint8Array): boolean {
  return bytes.byteLength >= MAGIC.byteLength && MAGIC.every((b, i) => bytes[i] === b);
}

const unreadable = (why: string) =>
  new PasserelleError(
    'backup/unreadable',
    `ce fichier n’est pas une sauvegarde Passerelle lisible (${why}) : vérifiez que vous avez choisi le bon fichier.`,
  );

export function readBackupHeader(bytes: Uint8Array): {
  header: BackupHeader;
  params: KdfParams;
  sealed: Uint8Array;
  aad: Uint8Array;
} {
  if (!isStoreFile(bytes)) throw unreadable('en-tête absent');
  const at = MAGIC.byteLength;
  if (bytes.byteLength < at + 4) throw unreadable('fichier tronqué');
  const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
  if (length > MAX_HEADER_BYTES || at + 4 + length > bytes.byteLength) {
    throw unreadable('en-tête de taille impossible');
  }
  let header: BackupHeader;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at + 4, at + 4 + length)),
    ) as BackupHeader;
  } catch {
    throw unreadable('en-tête illisible');
  }
  if (header?.format !== BACKUP_FORMAT) {
    throw new PasserelleError(
      'backup/format',
      `format de sauvegarde ${String(header?.format)} inconnu : mettez Passerelle à jour pour l’ouvrir.`,
    );
  }
  let salt: Uint8Array;
  try {
    salt = fromBase64(String(header.salt));
  } catch {
    throw unreadable('sel illisible');
  }
  if (header.kdf !== 'PBKDF2-SHA-256' || salt.byteLength < 16)
    throw unreadable('paramètres de clé invalides');
  // A file may carry a low count written by a test; it only weakens that file itself.
  const iterations = checkIterations(Number(header.iterations), true);
  return {
    header,
    params: { salt, iterations },
    sealed: bytes.subarray(at + 4 + length),
    aad: bytes.subarray(0, at + 4 + length),
  };
}

/** Seals the contents with the store's backup key; no key derivation needed. */
export async function writeBackup(
  keyring: Keyring,
  contents: BackupContents,
  createdAt: string,
): Promise<Uint8Array> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    kdf: 'PBKDF2-SHA-256',
    iterations: keyring.params.iterations,
    salt: toBase64(keyring.params.salt),
    createdAt,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const aad = new Uint8Array(MAGIC.byteLength + 4 + headerBytes.byteLength);
  aad.set(MAGIC);
  new DataView(aad.buffer).setUint32(MAGIC.byteLength, headerBytes.byteLength);
  aad.set(headerBytes, MAGIC.byteLength + 4);
  const sealed = await sealBytes(
    keyring.backup,
    new TextEncoder().encode(JSON.stringify(contents)),
    aad,
  );
  const out = new Uint8Array(aad.byteLength + sealed.byteLength);
  out.set(aad);
  out.set(sealed, aad.byteLength);
  return out;
}

/** Opens a backup with its passphrase; the keyring comes back so the file can be saved again. */
export async function openBackup(
  bytes: Uint8Array,
  passphrase: string,
): Promise<{ contents: BackupContents; keyring: Keyring; header: BackupHeader }> {
  const { header, params, sealed, aad } = readBackupHeader(bytes);
  const keyring = await deriveKeyring(passphrase, params);
  const plain = await openBytes(keyring.backup, sealed, aad);
  if (!plain) {
    throw new PasserelleError(
      'store/wrong-passphrase',
      'phrase de passe incorrecte pour cette sauvegarde (ou fichier altéré) : vérifiez-la, rien n’a été modifié.',
    );
  }
  let contents: Partial<BackupContents> | null;
  try {
    contents = JSON.parse(new TextDecoder().decode(plain)) as Partial<BackupContents> | null;
  } catch {
    throw unreadable('contenu illisible');
  }
  return { contents: checkContents(contents), keyring, header };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of what a file holds before any of it is sealed into the
 * store (records are validated field by field when they are put).
 */
function checkContents(contents: Partial<BackupContents> | null): BackupContents {
  const list = <T>(value: T[] | undefined, ok: (item: unknown) => boolean, what: string): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every(ok)) throw unreadable(`${what} invalides`);
    return value;
  };
  if (!isObject(contents)) throw unreadable('contenu incomplet');
  const records = list(contents.records, isObject, 'fiches');
  if (contents.records === undefined) throw unreadable('contenu incomplet');
  return {
    records,
    sessions: list(
      contents.sessions,
      (s) => isObject(s) && isString(s.id) && validateSession(s).ok,
      'séances d’EPS',
    ),
    pseudonyms: list(
      contents.pseudonyms,
      (p) => isObject(p) && isString(p.personKey) && isString(p.label),
      'pseudonymes',
    ),
    mappings: list(
      contents.mappings,
      (m) => isObject(m) && isString(m.signature) && isObject(m.mapping),
      'correspondances de colonnes',
    ),
    settings: isObject(contents.settings) ? contents.settings : {},
    usedCodes: list(contents.usedCodes, isString, 'codes'),
    audit: list(
      contents.audit,
      (a) => isObject(a) && isString(a.at) && isString(a.kind) && Array.isArray(a.codes),
      'entrées du journal',
    ),
  };
}
