/**
 * The one encryption layer of the store. A passphrase gives, through PBKDF2-
 * SHA-256 (once per unlock), a master secret; HKDF splits it into three keys:
 * AES-GCM for values at rest, HMAC for the blind indexes (name tokens,
 * référent, identity), AES-GCM for backup files. Every sealed value carries
 * its own random 96-bit IV. WebCrypto only: runs in Node and browsers.
 */
import { PasserelleError } from '../parcours';

/** OWASP 2023 figure for PBKDF2-HMAC-SHA-256. */
export const MIN_ITERATIONS = 600_000;
/** Guards against a hostile file asking for hours of derivation. */
export const MAX_ITERATIONS = 20_000_000;
const IV_BYTES = 12;
const SALT_BYTES = 16;
const CHECK_TEXT = 'passerelle/key-check/v1';

export interface KdfParams {
  salt: Uint8Array;
  iterations: number;
}

/** The keys of an unlocked store. Dropping this object locks the store. */
export interface Keyring {
  params: KdfParams;
  data: CryptoKey;
  index: CryptoKey;
  backup: CryptoKey;
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new PasserelleError(
      'store/no-webcrypto',
      'le chiffrement n’est pas disponible ici (WebCrypto absent) : utilisez un navigateur récent ou Node 20.',
    );
  }
  return s;
};
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function newKdfParams(iterations: number): KdfParams {
  return { salt: randomBytes(SALT_BYTES), iterations };
}

/** Checks an iteration count: below the floor only with the explicit test option. */
export function checkIterations(iterations: number, allowWeakKdfForTests = false): number {
  const ok =
    Number.isInteger(iterations) &&
    iterations <= MAX_ITERATIONS &&
    (iterations >= MIN_ITERATIONS || (allowWeakKdfForTests && iterations >= 1));
  if (!ok) {
    throw new PasserelleError(
      'store/kdf-iterations',
      `nombre d’itérations de dérivation invalide (${iterations}) : au moins ${MIN_ITERATIONS} sont exigées.`,
    );
  }
  return iterations;
}

const buf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** The slow step: PBKDF2 once, then three cheap HKDF derivations. */
export async function deriveKeyring(passphrase: string, params: KdfParams): Promise<Keyring> {
  const s = subtle();
  const base = await s.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const master = await s.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(params.salt), iterations: params.iterations },
    base,
    256,
  );
  const hkdf = await s.importKey('raw', master, 'HKDF', false, ['deriveKey']);
  const sub = (info: string, algorithm: AesKeyGenParams | HmacKeyGenParams, usages: KeyUsage[]) =>
    s.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new ArrayBuffer(0), info: encoder.encode(info) },
      hkdf,
      algorithm,
      false,
      usages,
    );
  const aes = { name: 'AES-GCM', length: 256 } as const;
  const [data, index, backup] = await Promise.all([
    sub('passerelle/data', aes, ['encrypt', 'decrypt']),
    sub('passerelle/index', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']),
    sub('passerelle/backup', aes, ['encrypt', 'decrypt']),
  ]);
  return { params, data, index, backup };
}

/** IV ‖ ciphertext+tag. `aad` binds the value to its context (e.g. a backup header). */
export async function sealBytes(
  key: CryptoKey,
  plain: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv: buf(iv), ...(aad ? { additionalData: buf(aad) } : {}) },
    key,
    buf(plain),
  );
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return out;
}

/** Undefined when the key is wrong or the bytes were altered (GCM tag mismatch). */
export async function openBytes(
  key: CryptoKey,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array | undefined> {
  if (!(sealed instanceof Uint8Array) || sealed.byteLength < IV_BYTES + 16) return undefined;
  try {
    const plain = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: buf(sealed.subarray(0, IV_BYTES)),
        ...(aad ? { additionalData: buf(aad) } : {}),
      },
      key,
      buf(sealed.subarray(IV_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    return undefined;
  }
}

export async function sealJson(key: CryptoKey, value: unknown): Promise<Uint8Array> {
  return sealBytes(key, encoder.encode(JSON.stringify(value)));
}

export async function openJson<T>(key: CryptoKey, sealed: Uint8Array): Promise<T> {
  const plain = await openBytes(key, sealed);
  if (!plain) {
    throw new PasserelleError(
      'store/corrupt',
      'une donnée chiffrée de la file active est illisible (clé différente ou donnée altérée) : restaurez une sauvegarde.',
    );
  }
  return JSON.parse(decoder.decode(plain)) as T;
}

/** The value stored beside the salt that tells a right passphrase from a wrong one. */
export function makeKeyCheck(keyring: Keyring): Promise<Uint8Array> {
  return sealBytes(keyring.data, encoder.encode(CHECK_TEXT));
}

export async function keyCheckPasses(keyring: Keyring, check: Uint8Array): Promise<boolean> {
  const plain = await openBytes(keyring.data, check);
  return plain !== undefined && decoder.decode(plain) === CHECK_TEXT;
}

/**
 * Tokens already computed with a keyring. Names, first names and référents
 * repeat across a caseload and each WebCrypto call costs tens of
 * microseconds; the cache goes with the keyring when the store locks.
 */
const tokenCache = new WeakMap<Keyring, Map<string, Promise<string>>>();
const TOKEN_CACHE_LIMIT = 100_000;

/** Keyed hash for a blind index: equal inputs meet, the value cannot be read back. */
export function blindToken(keyring: Keyring, purpose: string, text: string): Promise<string> {
  let cache = tokenCache.get(keyring);
  if (!cache || cache.size > TOKEN_CACHE_LIMIT) tokenCache.set(keyring, (cache = new Map()));
  const input = `${purpose}\u0000${text}`;
  let token = cache.get(input);
  if (!token) {
    token = subtle()
      .sign('HMAC', keyring.index, encoder.encode(input))
      .then((mac) => toBase64(new Uint8Array(mac, 0, 16)));
    cache.set(input, token);
  }
  return token;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
