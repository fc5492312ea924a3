/**
 * What the database keeps of the keys: the salt, the iteration count and a
 * check value that tells a right passphrase from a wrong one without
 * decrypting any record.
 */
import { PasserelleError } from '../parcours';
import {
  checkIterations,
  deriveKeyring,
  fromBase64,
  keyCheckPasses,
  makeKeyCheck,
  toBase64,
  type Keyring,
} from './crypto';
import { wrongPassphrase } from './errors';

export interface StoredKeyring {
  salt: string;
  iterations: number;
  check: Uint8Array;
}

export const KEYRING = 'keyring';
export const GENERATION = 'generation';

export function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < 8) {
    throw new PasserelleError(
      'store/weak-passphrase',
      'phrase de passe trop courte : choisissez-en une d’au moins 8 caractères (une phrase entière est préférable).',
    );
  }
}

export async function unlockKeyring(stored: StoredKeyring, passphrase: string): Promise<Keyring> {
  const keyring = await deriveKeyring(passphrase, {
    salt: fromBase64(stored.salt),
    iterations: checkIterations(stored.iterations, true),
  });
  if (!(await keyCheckPasses(keyring, stored.check))) throw wrongPassphrase();
  return keyring;
}

export async function storedKeyring(keyring: Keyring): Promise<StoredKeyring> {
  return {
    salt: toBase64(keyring.params.salt),
    iterations: keyring.params.iterations,
    check: await makeKeyCheck(keyring),
  };
}
