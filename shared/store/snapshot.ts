/**
 * Seals a backup's contents for one write into a store: into an empty store
 * it restores everything (audit log and settings included); into a store in
 * use it merges, children already there keeping their code and values, and
 * sessions, pseudonyms and mappings added only when missing.
 */
import type { BackupContents } from './backup';
import type { Keyring } from './crypto';
import { prepareRecords } from './put';
import { sealPseudonym, sealSession } from './rows';
import type { PasserelleDb } from './schema';
import { DEFAULT_SETTINGS, type PutResult } from './types';

const isSetting = ([key, value]: [string, unknown]) =>
  key in DEFAULT_SETTINGS && Number.isInteger(value) && (value as number) >= 0;

export async function prepareSnapshot(
  db: PasserelleDb,
  keys: Keyring,
  contents: BackupContents,
  today: string,
): Promise<{ apply: (db: PasserelleDb) => Promise<void>; result: PutResult }> {
  const { rows, result } = await prepareRecords(db, keys, contents.records, 'existing', today);
  const sessionIds = new Set((await db.sessions.toCollection().primaryKeys()) as string[]);
  const sessions = await Promise.all(
    contents.sessions.filter((s) => !sessionIds.has(s.id)).map((s) => sealSession(keys, s)),
  );
  const pseudonyms = await Promise.all(contents.pseudonyms.map((p) => sealPseudonym(keys, p)));
  const apply = async (db: PasserelleDb) => {
    await db.records.bulkPut(rows);
    await db.usedCodes.bulkPut(
      [...contents.usedCodes, ...rows.map((r) => r.code)].map((code) => ({ code })),
    );
    await db.sessions.bulkPut(sessions);
    const knownPseudonyms = new Set(await db.pseudonyms.toCollection().primaryKeys());
    await db.pseudonyms.bulkPut(pseudonyms.filter((p) => !knownPseudonyms.has(p.keyToken)));
    const knownMappings = new Set(await db.mappings.toCollection().primaryKeys());
    await db.mappings.bulkPut(contents.mappings.filter((m) => !knownMappings.has(m.signature)));
    if ((await db.audit.count()) === 0) {
      await db.audit.bulkAdd(contents.audit.map(({ seq: _seq, ...entry }) => entry));
      const settings = Object.entries(contents.settings).filter(isSetting);
      await db.settings.bulkPut(settings.map(([key, value]) => ({ key, value })));
    }
  };
  return { apply, result };
}
