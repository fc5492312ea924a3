/**
 * `passerelle store ACTION --store FILE`: batch work on an encrypted store
 * file (create, add, list, purge, erase, export-child, backup, restore,
 * passphrase, audit). Every change is saved back atomically.
 */
import {
  grades,
  isPasserelleError,
  labelOf,
  statuses,
  type ParcoursRecord,
  type Status,
} from '../../parcours';
import {
  auditKindLabels,
  type CaseloadStore,
  type RecordInput,
  type StoreSettings,
} from '../../store';
import { EXIT, stringOption, type Command, type ParsedArgs } from '../command';
import { readInput, writeFileAtomically, type CliIO } from '../io';
import {
  askPassphrase,
  createStoreFile,
  openStoreFile,
  saveStoreFile,
  storeFileExists,
} from '../store-file';
import { renderTable } from '../table';

const columns: Array<[string, (r: ParcoursRecord) => string]> = [
  ['Code parcours', (r) => r.code],
  ['Nom', (r) => r.child.lastName],
  ['Prénom', (r) => r.child.firstName],
  ['Classe', (r) => (r.child.grade ? labelOf(grades, r.child.grade) : '')],
  ['Établissement', (r) => r.child.school ?? ''],
  ['Référent(e)', (r) => r.referent ?? ''],
  ['Statut', (r) => (r.status ? labelOf(statuses, r.status) : '')],
];

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

type Action = (store: CaseloadStore, args: ParsedArgs, io: CliIO) => Promise<number>;

/** Reads `{"records":[…]}` or a bare array; records may lack id and code. */
async function readInputs(path: string, io: CliIO): Promise<RecordInput[]> {
  const bytes = await readInput(path, io);
  let data: unknown;
  try {
    data = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
    );
  } catch {
    io.err(`Erreur : « ${path} » n’est pas un JSON lisible en UTF-8.`);
    return [];
  }
  const list = Array.isArray(data) ? data : (data as { records?: unknown })?.records;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'object' || item === null)) {
    io.err('Erreur : le fichier doit contenir une liste « records » de fiches parcours.');
    return [];
  }
  return list as RecordInput[];
}

const actions: Record<string, { changes: boolean; run: Action }> = {
  add: {
    changes: true,
    async run(store, args, io) {
      const file = args.positionals[1];
      if (!file) return usage(io, 'indiquez le fichier JSON des fiches à ajouter.');
      const inputs = await readInputs(file, io);
      if (!inputs.length) return EXIT.usage;
      try {
        const result = await store.putRecords(inputs);
        io.out(
          `${plural(result.added.length, 'fiche')} ajoutée(s), ${plural(result.merged.length, 'fiche')} fusionnée(s) avec un enfant déjà suivi.`,
        );
        for (const note of result.notes) io.out(`  – ${note}`);
        return EXIT.ok;
      } catch (error) {
        if (!isPasserelleError(error) || error.code !== 'store/invalid-records') throw error;
        io.err(`Erreur : ${error.describe()}`);
        return EXIT.findings;
      }
    },
  },
  list: {
    changes: false,
    async run(store, args, io) {
      const referent = stringOption(args, 'referent');
      const status = stringOption(args, 'status');
      if (status && !statuses.values.includes(status as Status)) {
        return usage(io, `statut inconnu « ${status} » (attendu : ${statuses.values.join(', ')}).`);
      }
      let records = referent ? await store.byReferent(referent) : await store.allRecords();
      if (status) records = records.filter((r) => r.status === status);
      records.sort((a, b) => a.code.localeCompare(b.code));
      if (args.values.json) io.out(JSON.stringify({ records }, null, 2));
      else {
        io.out(
          renderTable(
            columns.map(([t]) => t),
            records.map((r) => columns.map(([, get]) => get(r))),
          ),
        );
        io.out(`${plural(records.length, 'fiche')}.`);
      }
      return EXIT.ok;
    },
  },
  purge: {
    changes: true,
    async run(store, args, io) {
      const { retentionMonths } = await store.settings();
      const codes = args.values['dry-run'] ? await store.purgeCandidates() : await store.purge();
      const verb = args.values['dry-run'] ? 'à purger' : 'purgée(s)';
      io.out(
        `${plural(codes.length, 'fiche')} ${verb} (parcours clos depuis plus de ${retentionMonths} mois)${codes.length ? ' : ' + codes.join(', ') : '.'}`,
      );
      return EXIT.ok;
    },
  },
  erase: {
    changes: true,
    async run(store, args, io) {
      const code = args.positionals[1];
      if (!code) return usage(io, 'indiquez le code parcours de l’enfant à effacer.');
      await store.eraseChild(code);
      io.out(
        `Enfant ${code} effacé (fiche, pseudonymes, mentions en EPS). Le code ne sera pas réattribué.`,
      );
      return EXIT.ok;
    },
  },
  'export-child': {
    changes: true,
    async run(store, args, io) {
      const code = args.positionals[1];
      if (!code) return usage(io, 'indiquez le code parcours de l’enfant.');
      const json = JSON.stringify(await store.exportChild(code), null, 2);
      const out = stringOption(args, 'out');
      if (out) {
        await writeFileAtomically(out, new TextEncoder().encode(json));
        io.out(`Données de ${code} écrites dans ${out}.`);
      } else io.out(json);
      return EXIT.ok;
    },
  },
  backup: {
    changes: true,
    async run(store, args, io) {
      const out = stringOption(args, 'out');
      if (!out) return usage(io, 'indiquez le fichier de sauvegarde avec --out FICHIER.');
      await writeFileAtomically(out, await store.backup());
      io.out(`Sauvegarde chiffrée écrite dans ${out} (même phrase de passe).`);
      return EXIT.ok;
    },
  },
  restore: {
    changes: true,
    async run(store, args, io) {
      const file = args.positionals[1];
      if (!file) return usage(io, 'indiquez le fichier de sauvegarde à restaurer.');
      const bytes = new Uint8Array(await readInput(file, io));
      const passphrase =
        io.env.PASSERELLE_BACKUP_PASSPHRASE ??
        (await askPassphrase(io, 'Phrase de passe de la sauvegarde : '));
      const result = await store.restore(bytes, passphrase);
      io.out(
        `${plural(result.added.length, 'fiche')} ajoutée(s), ${plural(result.merged.length, 'fiche')} déjà présente(s) conservée(s).`,
      );
      for (const note of result.notes) io.out(`  – ${note}`);
      return EXIT.ok;
    },
  },
  passphrase: {
    changes: true,
    async run(store, _args, io) {
      const current = await askPassphrase(io);
      const next = await askPassphrase(
        io,
        'Nouvelle phrase de passe : ',
        'PASSERELLE_NEW_PASSPHRASE',
      );
      await store.changePassphrase(current, next);
      io.out('Phrase de passe changée : toute la file active a été chiffrée de nouveau.');
      return EXIT.ok;
    },
  },
  settings: {
    changes: true,
    async run(store, args, io) {
      const changes: Partial<StoreSettings> = {};
      for (const [option, key] of [
        ['retention-months', 'retentionMonths'],
        ['lock-minutes', 'lockAfterMinutes'],
      ] as const) {
        const value = stringOption(args, option);
        if (value === undefined) continue;
        if (!/^\d{1,4}$/.test(value)) return usage(io, `--${option} attend un nombre entier.`);
        changes[key] = Number(value);
      }
      await store.updateSettings(changes);
      const { retentionMonths, lockAfterMinutes } = await store.settings();
      io.out(
        `Durée de conservation après la sortie ou le dernier contact : ${retentionMonths} mois.`,
      );
      io.out(`Verrouillage après ${lockAfterMinutes} min d’inactivité (dans les volets).`);
      return EXIT.ok;
    },
  },
  audit: {
    changes: false,
    async run(store, args, io) {
      const log = await store.auditLog();
      if (args.values.json) io.out(JSON.stringify({ audit: log }, null, 2));
      else {
        io.out(
          renderTable(
            ['Date', 'Qui', 'Action', 'Détail', 'Codes'],
            log.map((e) => [
              e.at,
              e.actor,
              auditKindLabels[e.kind],
              e.detail ?? '',
              e.codes.join(' '),
            ]),
          ),
        );
      }
      return EXIT.ok;
    },
  },
};

function usage(io: CliIO, message: string): number {
  io.err(`Erreur : ${message}\nTapez « passerelle store --help » pour voir les actions.`);
  return EXIT.usage;
}

export const storeCommand: Command = {
  name: 'store',
  summary: 'Travailler sur une file active chiffrée (fichier --store)',
  usage: `store ${['create', ...Object.keys(actions)].join('|')} [ARGUMENTS] --store FICHIER`,
  description: [
    'Ouvre un fichier de file active chiffré (format des sauvegardes Passerelle),',
    'fait l’action demandée puis l’enregistre sans risque de le laisser à moitié écrit.',
    'La phrase de passe est lue dans PASSERELLE_PASSPHRASE ou demandée au terminal,',
    'jamais en argument (PASSERELLE_NEW_PASSPHRASE pour « passphrase »,',
    'PASSERELLE_BACKUP_PASSPHRASE pour une sauvegarde d’une autre phrase).',
    'Le journal inscrit comme auteur PASSERELLE_ACTOR (par défaut « ligne de commande »).',
    '',
    'Actions :',
    '  create                  créer une file active vide',
    '  add FICHIER.json        ajouter des fiches ; un enfant déjà suivi (même nom et',
    '                          date de naissance) est fusionné et garde son code',
    '  list                    lister les fiches (--referent, --status, --json)',
    '  purge                   effacer les parcours clos au-delà de la durée de',
    '                          conservation (2 ans par défaut ; --dry-run pour voir)',
    '  erase CODE              effacer entièrement un enfant',
    '  export-child CODE       exporter les données d’un enfant en JSON (droit d’accès)',
    '  backup --out FICHIER    écrire une sauvegarde chiffrée',
    '  restore FICHIER         fusionner une sauvegarde (ou créer la file active)',
    '  passphrase              changer la phrase de passe',
    '  settings                voir ou régler la durée de conservation (--retention-months)',
    '                          et le verrouillage (--lock-minutes)',
    '  audit                   afficher le journal (exports, partages, effacements)',
    '',
    'Codes de sortie : 0 succès ; 1 fiche invalide (rien n’est enregistré) ;',
    '2 erreur d’utilisation, fichier illisible ou phrase de passe incorrecte.',
  ].join('\n'),
  options: {
    store: { type: 'string', value: 'FICHIER', description: 'Fichier de la file active chiffrée' },
    out: {
      type: 'string',
      value: 'FICHIER',
      description: 'Fichier à écrire (backup, export-child)',
    },
    referent: {
      type: 'string',
      value: 'NOM',
      description: 'Ne lister que les fiches de ce référent',
    },
    status: { type: 'string', value: 'STATUT', description: 'Ne lister que ce statut (en_cours…)' },
    json: { type: 'boolean', description: 'Écrire le résultat en JSON' },
    'dry-run': { type: 'boolean', description: 'Montrer ce que purge effacerait, sans effacer' },
    'retention-months': {
      type: 'string',
      value: 'MOIS',
      description: 'Durée de conservation des parcours clos (24 par défaut)',
    },
    'lock-minutes': { type: 'string', value: 'MIN', description: 'Verrouillage après inactivité' },
  },
  async run(args, io) {
    const action = args.positionals[0];
    const path = stringOption(args, 'store');
    if (!action) return usage(io, 'indiquez une action (create, add, list…).');
    if (action !== 'create' && !(action in actions))
      return usage(io, `action inconnue « ${action} ».`);
    if (!path) return usage(io, 'indiquez le fichier de la file active avec --store FICHIER.');
    if (action === 'create') {
      (await createStoreFile(path, io)).close();
      io.out(`File active chiffrée créée : ${path}.`);
      return EXIT.ok;
    }
    const { changes, run } = actions[action]!;
    if (action === 'restore' && !(await storeFileExists(path))) {
      const source = args.positionals[1];
      if (!source) return usage(io, 'indiquez le fichier de sauvegarde à restaurer.');
      const store = await openStoreFile(source, io);
      await store.logEvent('restore', [], 'restauration d’une sauvegarde');
      await saveStoreFile(path, store);
      io.out(
        `File active ${path} recréée depuis la sauvegarde (${await store.countRecords()} fiches).`,
      );
      store.close();
      return EXIT.ok;
    }
    const store = await openStoreFile(path, io);
    try {
      const code = await run(store, args, io);
      if (changes && code === EXIT.ok) await saveStoreFile(path, store);
      return code;
    } finally {
      store.close();
    }
  },
};
