/**
 * The command line's store file (`--store FILE`): the store's encrypted backup
 * format on disk, opened into an in-memory IndexedDB (fake-indexeddb) for one
 * command and written back atomically (temporary file, then rename). The
 * passphrase comes from PASSERELLE_PASSPHRASE or a prompt, never an argument.
 */
import { stat } from 'node:fs/promises';
import { PasserelleError } from '../parcours';
import { createStore, storeFromBackup, type CaseloadStore, type StoreOptions } from '../store';
import { readInput, writeFileAtomically, type CliIO } from './io';

export const PASSPHRASE_ENV = 'PASSERELLE_PASSPHRASE';

/** Reads a passphrase from `envName` or asks for it on the terminal. */
export async function askPassphrase(
  io: CliIO,
  question = 'Phrase de passe de la file active : ',
  envName = PASSPHRASE_ENV,
): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (io.askSecret) return io.askSecret(question);
  throw new PasserelleError(
    'cli/no-passphrase',
    `phrase de passe manquante : définissez la variable d’environnement ${envName} ou lancez la commande dans un terminal pour la saisir (jamais en argument).`,
  );
}

/** An in-memory IndexedDB for one command; the audit log's «who» is PASSERELLE_ACTOR if set. */
async function memoryDb(io: CliIO): Promise<StoreOptions> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  return {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    name: 'passerelle',
    lockAfterMs: 0,
    actor: io.env.PASSERELLE_ACTOR || 'ligne de commande',
  };
}

export async function storeFileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/** Opens an existing store file. */
export async function openStoreFile(path: string, io: CliIO): Promise<CaseloadStore> {
  const bytes = await readInput(path, io);
  const passphrase = await askPassphrase(io);
  const store = await storeFromBackup(new Uint8Array(bytes), passphrase, await memoryDb(io));
  return store;
}

/** Creates a new, empty store file protected by a passphrase. */
export async function createStoreFile(path: string, io: CliIO): Promise<CaseloadStore> {
  if (await storeFileExists(path)) {
    throw new PasserelleError(
      'cli/store-exists',
      `le fichier « ${path} » existe déjà : choisissez un autre nom ou ouvrez-le.`,
      { file: path },
    );
  }
  const passphrase = await askPassphrase(io, 'Nouvelle phrase de passe : ');
  if (!io.env[PASSPHRASE_ENV] && io.askSecret) {
    const again = await io.askSecret('Confirmez la phrase de passe : ');
    if (again !== passphrase) {
      throw new PasserelleError(
        'cli/passphrase-mismatch',
        'les deux saisies diffèrent : recommencez.',
      );
    }
  }
  const store = await createStore({ ...(await memoryDb(io)), passphrase });
  await saveStoreFile(path, store);
  return store;
}

/** Writes the store to `path` atomically: a crash leaves the old file whole. */
export async function saveStoreFile(path: string, store: CaseloadStore): Promise<void> {
  const bytes = await store.backup({ log: false });
  await writeFileAtomically(path, bytes);
}
