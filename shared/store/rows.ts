/**
 * Turns plain records, sessions and pseudonyms into sealed rows and back.
 * Runs before any Dexie transaction opens: awaiting WebCrypto inside one lets
 * real browsers commit it early.
 */
import {
  childIdentityKey,
  foldText,
  schoolYearStart,
  type EpsSession,
  type ParcoursRecord,
} from '../parcours';
import { blindToken, openJson, sealJson, type Keyring } from './crypto';
import type { PseudonymRow, RecordRow, SessionRow } from './schema';

/** Purposes keep tokens of different kinds apart even for equal text. */
const PURPOSE = {
  name: 'name',
  referent: 'referent',
  identity: 'identity',
  pseudonymKey: 'pseudonym-key',
  pseudonymLabel: 'pseudonym-label',
} as const;

export function nameWords(...parts: Array<string | undefined>): string[] {
  const words = new Set<string>();
  for (const part of parts)
    for (const word of foldText(part ?? '').split(' ')) if (word) words.add(word);
  return [...words];
}

export function nameTokens(keyring: Keyring, words: string[]): Promise<string[]> {
  return Promise.all(words.map((word) => blindToken(keyring, PURPOSE.name, word)));
}

export function referentToken(keyring: Keyring, referent: string): Promise<string> {
  return blindToken(keyring, PURPOSE.referent, foldText(referent));
}

/** Takes unchecked input too: a record without a child still gets a token, then fails validation. */
export function identityToken(
  keyring: Keyring,
  child: Parameters<typeof childIdentityKey>[0] | undefined,
): Promise<string> {
  return blindToken(keyring, PURPOSE.identity, childIdentityKey(child ?? {}));
}

export function pseudonymKeyToken(keyring: Keyring, personKey: string): Promise<string> {
  return blindToken(keyring, PURPOSE.pseudonymKey, personKey);
}

export function pseudonymLabelToken(keyring: Keyring, label: string): Promise<string> {
  return blindToken(keyring, PURPOSE.pseudonymLabel, label);
}

const latest = (dates: Array<string | undefined>) =>
  dates.reduce<string | undefined>((max, d) => (d && (!max || d > max) ? d : max), undefined);

/** Latest dated step of a parcours: the «dernier contact» of the retention rule. */
export function lastContactOf(record: ParcoursRecord): string | undefined {
  return latest([
    record.referral?.date,
    record.firstContactDate,
    record.consentDate,
    record.exit?.date,
    ...(record.epsDates ?? []),
    ...(record.actions ?? []).flatMap((a) => [a.startDate, a.endDate]),
  ]);
}

export async function sealRecord(keyring: Keyring, record: ParcoursRecord): Promise<RecordRow> {
  const start = record.referral?.date ?? record.firstContactDate;
  const lastContact = lastContactOf(record);
  const exitDate = record.exit?.date;
  const [payload, child, guardians, identity, referentKey] = await Promise.all([
    sealJson(keyring.data, record),
    nameTokens(keyring, nameWords(record.child.lastName, record.child.firstName)),
    nameTokens(
      keyring,
      nameWords(...(record.guardians ?? []).flatMap((g) => [g.lastName, g.firstName])),
    ),
    identityToken(keyring, record.child),
    record.referent ? referentToken(keyring, record.referent) : undefined,
  ]);
  const row: RecordRow = {
    id: record.id,
    code: record.code,
    nameTokens: child,
    guardianTokens: guardians,
    identity,
    payload,
  };
  if (record.status) row.status = record.status;
  if (referentKey) row.referentKey = referentKey;
  if (record.child.school) row.school = record.child.school;
  if (record.child.neighbourhood) row.neighbourhood = record.child.neighbourhood;
  if (start) row.schoolYear = schoolYearStart(start);
  if (exitDate) row.exitDate = exitDate;
  if (lastContact) row.lastContact = lastContact;
  const retentionFrom = latest([exitDate, lastContact]);
  if (retentionFrom) row.retentionFrom = retentionFrom;
  return row;
}

export function openRecord(keyring: Keyring, row: RecordRow): Promise<ParcoursRecord> {
  return openJson<ParcoursRecord>(keyring.data, row.payload);
}

export type StoredSession = EpsSession & { id: string };

export async function sealSession(keyring: Keyring, session: StoredSession): Promise<SessionRow> {
  return {
    id: session.id,
    date: session.date,
    codes: [...new Set(session.situations.map((s) => s.code))],
    payload: await sealJson(keyring.data, session),
  };
}

export function openSession(keyring: Keyring, row: SessionRow): Promise<StoredSession> {
  return openJson<StoredSession>(keyring.data, row.payload);
}

export interface Pseudonym {
  personKey: string;
  label: string;
}

export async function sealPseudonym(keyring: Keyring, entry: Pseudonym): Promise<PseudonymRow> {
  const [keyToken, labelToken, tokens, payload] = await Promise.all([
    pseudonymKeyToken(keyring, entry.personKey),
    pseudonymLabelToken(keyring, entry.label),
    nameTokens(keyring, nameWords(entry.personKey)),
    sealJson(keyring.data, entry),
  ]);
  return { keyToken, labelToken, nameTokens: tokens, payload };
}

export function openPseudonym(keyring: Keyring, row: PseudonymRow): Promise<Pseudonym> {
  return openJson<Pseudonym>(keyring.data, row.payload);
}
