/**
 * Bundled by store.browser.test.ts (esbuild, iife) and run in real Chromium:
 * the store over the browser's own IndexedDB and WebCrypto, where awaiting
 * crypto inside a transaction would commit it early.
 */
import type { ParcoursRecord } from '../../shared/parcours';
import { createStore, storeState, unlockStore, type StoreOptions } from '../../shared/store';

const PASSPHRASE = 'une phrase de passe de navigateur';

/** Every string of every row of every object store, read with the raw IndexedDB API. */
function rawDump(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const parts: string[] = [];
      for (const storeName of names) {
        const all = tx.objectStore(storeName).getAll();
        all.onsuccess = () => {
          for (const row of all.result) {
            parts.push(
              JSON.stringify(row, (_k, v: unknown) =>
                v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
              ),
            );
          }
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(parts.join('\n'));
      };
    };
  });
}

const codeOf = (error: unknown) => (error as { code?: string })?.code ?? String(error);

async function scenario(records: ParcoursRecord[]) {
  const options: StoreOptions = { indexedDB, name: 'navigateur', lockAfterMs: 0 };
  const results: Record<string, unknown> = {};
  results.before = await storeState(options);
  const store = await createStore({ ...options, passphrase: PASSPHRASE });
  await store.putRecords(records);
  await store.putSession({
    date: '2026-01-13',
    members: [],
    apologies: [],
    situations: [{ code: records[0]!.code, summary: 'Synthèse sensible' }],
  });
  await store.pseudonymMemory.remember('claire roux', 'Personne A');
  store.close();

  results.after = await storeState(options);
  const raw = await rawDump('navigateur');
  results.rawHasCodes = records.every((r) => raw.includes(r.code));
  results.rawLeaks = records
    .flatMap((r) => [
      r.child.lastName,
      r.child.firstName,
      r.child.birthDate ?? '',
      r.referent ?? '',
    ])
    .concat(records.flatMap((r) => (r.guardians ?? []).map((g) => g.phone ?? '')))
    .concat(['Synthèse sensible', 'claire roux'])
    .filter((s) => s && raw.includes(s));

  results.wrong = await unlockStore({ ...options, passphrase: 'pas la bonne' }).then(
    () => 'ouvert',
    codeOf,
  );
  const again = await unlockStore({ ...options, passphrase: PASSPHRASE });
  results.count = (await again.allRecords()).length;
  results.found = (
    await again.findChildren({ lastName: records[0]!.child.lastName.toLowerCase() })
  ).map((r) => r.code);
  await again.eraseChild(records[1]!.code);
  await again.changePassphrase(PASSPHRASE, 'nouvelle phrase de navigateur');
  results.afterChange = (await again.allRecords()).length;
  const file = await again.backup();
  again.lock();
  results.locked = await again.allRecords().then(() => 'lisible', codeOf);
  again.close();

  // Two contexts writing at once on the same database.
  const first = await unlockStore({ ...options, passphrase: 'nouvelle phrase de navigateur' });
  const second = await unlockStore({ ...options, passphrase: 'nouvelle phrase de navigateur' });
  await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      (i % 2 ? first : second).putRecords([
        { child: { lastName: `ONGLET${i}`, firstName: 'Test' }, referral: { date: '2025-10-01' } },
      ]),
    ),
  );
  const codes = (await first.allRecords()).map((r) => r.code);
  results.concurrentUnique =
    new Set(codes).size === codes.length && codes.length === records.length - 1 + 6;
  results.restored = (await first.restore(file, 'nouvelle phrase de navigateur')).added.length;
  first.close();
  second.close();

  const timed = await unlockStore({
    ...options,
    passphrase: 'nouvelle phrase de navigateur',
    lockAfterMs: 50,
  });
  await new Promise((resolve) => setTimeout(resolve, 150));
  results.autoLocked = timed.isLocked;
  timed.close();
  return results;
}

(globalThis as unknown as { storeScenario: typeof scenario }).storeScenario = scenario;
