/**
 * What erasing a child or answering a right-of-access request touches beyond
 * the record: the EPS sessions that mention the child, the pseudonyms tied to
 * its name or code, the audit entries naming its code.
 */
import type { ParcoursRecord } from '../parcours';
import type { Keyring } from './crypto';
import { unknownCode } from './errors';
import {
  nameTokens,
  nameWords,
  openPseudonym,
  openSession,
  pseudonymLabelToken,
  sealSession,
} from './rows';
import type { PasserelleDb, PseudonymRow, SessionRow } from './schema';
import type { ChildExport } from './types';

/** A pseudonym belongs to a child when its label is the code or its key holds every word of the name. */
function belongsTo(row: PseudonymRow, codeTokens: string[], childTokens: string[][]): boolean {
  return (
    codeTokens.includes(row.labelToken) ||
    childTokens.some(
      (tokens) => tokens.length > 0 && tokens.every((t) => row.nameTokens.includes(t)),
    )
  );
}

export interface Erasure {
  recordIds: string[];
  cleanedSessions: SessionRow[];
  pseudonymKeys: string[];
}

/** Reads and re-seals what erasing these children changes; writes nothing. */
export async function prepareErasure(
  db: PasserelleDb,
  keys: Keyring,
  codes: string[],
): Promise<Erasure> {
  const rows = await db.records.where('code').anyOf(codes).toArray();
  const missing = codes.find((c) => !rows.some((r) => r.code === c));
  if (missing) throw unknownCode(missing);
  const gone = new Set(codes);
  const sessions = await db.sessions.where('codes').anyOf(codes).toArray();
  const cleanedSessions = await Promise.all(
    sessions.map(async (row) => {
      const session = await openSession(keys, row);
      session.situations = session.situations.filter((s) => !gone.has(s.code));
      return sealSession(keys, session);
    }),
  );
  const codeTokens = await Promise.all(codes.map((c) => pseudonymLabelToken(keys, c)));
  const childTokens = rows.map((r) => r.nameTokens);
  const pseudonymKeys = (await db.pseudonyms
    .filter((p) => belongsTo(p, codeTokens, childTokens))
    .primaryKeys()) as string[];
  return { recordIds: rows.map((r) => r.id), cleanedSessions, pseudonymKeys };
}

/** The EPS mentions, pseudonyms and audit entries of one child, decrypted. */
export async function collectChildData(
  db: PasserelleDb,
  keys: Keyring,
  record: ParcoursRecord,
): Promise<Omit<ChildExport, 'exportedAt' | 'record'>> {
  const code = record.code;
  const sessions = await db.sessions.where('codes').equals(code).toArray();
  const eps = (await Promise.all(sessions.map((s) => openSession(keys, s)))).flatMap((s) =>
    s.situations
      .filter((situation) => situation.code === code)
      .map((situation) => ({ date: s.date, place: s.place, situation })),
  );
  const childTokens = await nameTokens(
    keys,
    nameWords(record.child.lastName, record.child.firstName),
  );
  const codeTokens = [await pseudonymLabelToken(keys, code)];
  const pseudonymRows = await db.pseudonyms
    .filter((p) => belongsTo(p, codeTokens, [childTokens]))
    .toArray();
  const pseudonyms = await Promise.all(pseudonymRows.map((row) => openPseudonym(keys, row)));
  const audit = (await db.audit.where('codes').equals(code).toArray()) as ChildExport['audit'];
  return { eps, pseudonyms, audit };
}
