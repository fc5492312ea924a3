/**
 * Prepares a batch of records for one atomic write: finds each child already
 * known (same id, or same name + birth date through the identity token),
 * merges without renumbering, gives new children the next free code,
 * validates everything and seals the rows, all before any transaction.
 */
import {
  PasserelleError,
  nextParcoursCode,
  validateRecord,
  type ParcoursRecord,
} from '../parcours';
import type { Keyring } from './crypto';
import { mergeRecords } from './merge';
import { identityToken, openRecord, sealRecord } from './rows';
import type { PasserelleDb, RecordRow } from './schema';
import type { PutResult, RecordInput } from './types';

export interface PreparedRecords {
  rows: RecordRow[];
  result: PutResult;
}

export async function prepareRecords(
  db: PasserelleDb,
  keys: Keyring,
  inputs: RecordInput[],
  prefer: 'incoming' | 'existing',
  today: string,
): Promise<PreparedRecords> {
  const identities = await Promise.all(inputs.map((input) => identityToken(keys, input.child)));
  const ids = inputs.map((i) => i.id).filter((id): id is string => !!id);
  const givenCodes = inputs.map((i) => i.code).filter((c): c is string => !!c);
  const [byIdentityRows, byIdRows, byCodeRows, usedKeys] = await Promise.all([
    db.records.where('identity').anyOf(identities).toArray(),
    db.records.bulkGet(ids),
    db.records.where('code').anyOf(givenCodes).toArray(),
    db.usedCodes.toCollection().primaryKeys(),
  ]);
  const known = new Map<string, ParcoursRecord>();
  // Rows found by code alone are another child's: only their id matters.
  const knownRows = [...byIdentityRows, ...byIdRows.filter((r): r is RecordRow => !!r)];
  await Promise.all(knownRows.map(async (row) => known.set(row.id, await openRecord(keys, row))));
  const rowOfIdentity = new Map(byIdentityRows.map((r) => [r.identity, r.id]));
  const idOfCode = new Map(byCodeRows.map((r) => [r.code, r.id]));
  const used = new Set<string>(usedKeys);
  const finals = new Map<string, ParcoursRecord>();
  const result: PutResult = { added: [], merged: [], notes: [] };
  const problems: string[] = [];

  inputs.forEach((input, index) => {
    const identity = identities[index]!;
    const who = input.code ? `fiche ${input.code}` : `fiche n° ${index + 1}`;
    const existingId =
      (input.id && known.has(input.id) ? input.id : undefined) ?? rowOfIdentity.get(identity);
    const existing = existingId ? (finals.get(existingId) ?? known.get(existingId)) : undefined;
    let record: ParcoursRecord;
    if (existing) {
      record = mergeRecords(existing, input, prefer);
      if (input.code && input.code !== existing.code) {
        result.notes.push(
          `${who} : cet enfant a déjà le code ${existing.code} dans la file active ; il le garde.`,
        );
      }
      if (!finals.has(existing.id) && !result.added.includes(existing.code)) {
        result.merged.push(existing.code);
      }
    } else {
      const code = input.code ?? nextParcoursCode(used, input.referral?.date ?? today);
      const holder = idOfCode.get(code);
      if (holder && holder !== input.id) {
        problems.push(
          `${who} : le code ${code} appartient déjà à un autre enfant de la file active (nom ou date de naissance différents) ; s’il s’agit du même enfant, alignez son nom et sa date de naissance, sinon corrigez le code.`,
        );
        return;
      }
      record = { ...input, id: input.id ?? globalThis.crypto.randomUUID(), code };
      result.added.push(code);
    }
    const checked = validateRecord(record);
    if (!checked.ok) {
      problems.push(...checked.error.details.map((d) => `${who} — ${d}`));
      return;
    }
    used.add(checked.value.code);
    idOfCode.set(checked.value.code, checked.value.id);
    rowOfIdentity.set(identity, checked.value.id);
    finals.set(checked.value.id, checked.value);
  });
  if (problems.length) {
    throw new PasserelleError(
      'store/invalid-records',
      'aucune fiche n’a été enregistrée : corrigez les problèmes signalés puis recommencez.',
      {},
      problems,
    );
  }
  const rows = await Promise.all([...finals.values()].map((r) => sealRecord(keys, r)));
  return { rows, result };
}
