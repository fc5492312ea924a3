/**
 * The caseload store on 10 000 records (fake-indexeddb in Node): bulk insert
 * with encryption against the same rows written without it (same schema,
 * same indexes, clear values), then a référent's active caseload and a
 * full-name lookup against the same queries on the clear database.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { foldText, statuses, type ParcoursRecord } from '../../shared/parcours';
import { createStore, schemaVersions } from '../../shared/store';
import { time, type Bench } from './harness';

const COUNT = 10_000;
const REFERENTS = 100; // about 100 children per full-time référent (dictionary §5)
const LAST = [
  'MARTIN',
  'BERNARD',
  'DUBOIS',
  'THOMAS',
  'ROBERT',
  'RICHARD',
  'PETIT',
  'DURAND',
  'LEROY',
  'MOREAU',
  'SIMON',
  'LAURENT',
  'LEFÈBVRE',
  'MICHEL',
  'GARCIA',
  'DAVID',
  'BERTRAND',
  'ROUX',
  'VINCENT',
  'FOURNIER',
  'TRAORÉ',
  'NGUYEN',
  'BOUAZZA',
  'DIALLO',
  'HADDAD',
];
const FIRST = [
  'Inès',
  'Moussa',
  'Lina',
  'Léo',
  'Jade',
  'Adam',
  'Louise',
  'Rayan',
  'Zoé',
  'Nathan',
  'Emma',
  'Yanis',
  'Chloé',
  'Noah',
  'Sarah',
  'Ilyes',
  'Manon',
  'Hugo',
  'Aya',
  'Éloïse',
];

/** «AA», «AB»…: spreads names so about two children share a surname, as in a real caseload. */
const letters = (n: number) => String.fromCharCode(65 + (n % 26), 65 + (Math.floor(n / 26) % 26));

function syntheticRecords(): ParcoursRecord[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: crypto.randomUUID(),
    code: `PRE-2025-${String(i + 1).padStart(5, '0')}`,
    child: {
      lastName: `${LAST[i % LAST.length]!}${letters(Math.floor(i / 50))}`,
      firstName: `${FIRST[(i * 7) % FIRST.length]!}${letters(Math.floor(i / 7) % 15).toLowerCase()}`,
      birthDate: `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      school: `École ${i % 40}`,
      neighbourhood: `Quartier ${i % 12}`,
      grade: 'CM1',
    },
    guardians: [
      {
        lastName: `${LAST[i % LAST.length]!}${letters(Math.floor(i / 50))}`,
        firstName: 'Nadia',
        relation: 'mere',
        phone: `+33612${String(i).padStart(6, '0')}`,
      },
    ],
    referent: `Référent ${i % REFERENTS}`,
    referral: {
      date: '2025-09-15',
      source: 'education_nationale',
      reasons: 'Difficultés de lecture',
    },
    status: statuses.values[i % statuses.values.length]!,
    notes: 'Observation confidentielle de test',
  }));
}

/** The same schema and indexes, values in clear, no WebCrypto at all. */
async function clearDatabase(records: ParcoursRecord[]) {
  const db = new Dexie('clair', { indexedDB: new IDBFactory(), IDBKeyRange });
  for (const v of schemaVersions) db.version(v.version).stores(v.stores);
  await db.open();
  const start = performance.now();
  await db.table('records').bulkPut(
    records.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      referentKey: foldText(r.referent ?? ''),
      school: r.child.school,
      neighbourhood: r.child.neighbourhood,
      schoolYear: 2025,
      identity: `${foldText(r.child.lastName)}|${foldText(r.child.firstName)}|${r.child.birthDate}`,
      nameTokens: foldText(`${r.child.lastName} ${r.child.firstName}`).split(' '),
      guardianTokens: foldText(
        `${r.guardians?.[0]?.lastName} ${r.guardians?.[0]?.firstName}`,
      ).split(' '),
      payload: r,
    })),
  );
  return { db, ms: performance.now() - start };
}

export const storeBench: Bench = {
  name: 'File active chiffrée (10 000 fiches)',
  async run() {
    const records = syntheticRecords();
    const clear = await clearDatabase(records);
    // Iterations are irrelevant here: derivation happens once, before the timing.
    const store = await createStore({
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      name: 'chiffre',
      passphrase: 'phrase de passe du banc de mesure',
      lockAfterMs: 0,
    });
    const start = performance.now();
    await store.putRecords(records);
    const encrypted = performance.now() - start;

    const referent = 'Référent 42';
    const active = await time(() => store.activeCaseload(referent), 20, 2);
    const clearActive = await time(
      () =>
        Promise.all(
          ['repere', 'attente_eps', 'en_cours', 'suspendu'].map((s) =>
            clear.db
              .table('records')
              .where('[referentKey+status]')
              .equals([foldText(referent), s])
              .toArray(),
          ),
        ),
      20,
      2,
    );
    const target = records[4321]!.child;
    const lookup = await time(
      () => store.findChildren({ lastName: target.lastName, firstName: target.firstName }),
      20,
      2,
    );
    const words = foldText(`${target.lastName} ${target.firstName}`).split(' ');
    const clearLookup = await time(
      () =>
        clear.db
          .table('records')
          .where('nameTokens')
          .equals(words[0]!)
          .filter((r: { nameTokens: string[] }) => words.every((w) => r.nameTokens.includes(w)))
          .toArray(),
      20,
      2,
    );
    store.close();
    clear.db.close();
    return [
      {
        name: 'Insertion de 10 000 fiches chiffrées',
        value: encrypted,
        unit: 'ms',
        baseline: { name: 'mêmes fiches en clair', value: clear.ms },
        target: '≤ 3 × la référence',
        pass: encrypted <= 3 * clear.ms,
      },
      {
        name: 'File active d’un référent (médiane)',
        value: active.median,
        unit: 'ms',
        baseline: { name: 'même requête en clair', value: clearActive.median },
        target: '< 20 ms',
        pass: active.median < 20,
      },
      {
        name: 'Recherche par nom complet (médiane)',
        value: lookup.median,
        unit: 'ms',
        baseline: { name: 'même recherche en clair', value: clearLookup.median },
        target: '< 20 ms',
        pass: lookup.median < 20,
      },
    ];
  },
};
