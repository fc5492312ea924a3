/** `passerelle caseload FILE`: validates a caseload file and lists its children. */
import { grades, labelOf, statuses, type ParcoursRecord } from '../../parcours';
import { readCaseloadFile } from '../caseload-file';
import { EXIT, type Command } from '../command';
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

export const caseloadCommand: Command = {
  name: 'caseload',
  summary: 'Vérifier et lister une file active (fichier de suivi)',
  usage: 'caseload [--json] FICHIER.json',
  description: [
    'Vérifie chaque fiche parcours du fichier selon le dictionnaire des données',
    'et liste les enfants suivis. Les fiches invalides sont signalées champ par champ.',
    'Code de sortie 1 si une fiche est invalide.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'Écrire les fiches valides en JSON ({"records":[…]})' },
  },
  async run(args, io) {
    const path = args.positionals[0];
    if (!path) {
      io.err(
        'Erreur : indiquez le fichier de file active.\nExemple : passerelle caseload shared/samples/suivi-exemple.json',
      );
      return EXIT.usage;
    }
    const { records, problems } = await readCaseloadFile(path, io);
    if (args.values.json) io.out(JSON.stringify({ records }, null, 2));
    else {
      io.out(
        renderTable(
          columns.map(([title]) => title),
          records.map((r) => columns.map(([, get]) => get(r))),
        ),
      );
      io.out(
        `${records.length} fiche${records.length > 1 ? 's' : ''} valide${records.length > 1 ? 's' : ''}.`,
      );
    }
    if (problems.length) {
      io.err(`${problems.length} problème${problems.length > 1 ? 's' : ''} à corriger :`);
      for (const problem of problems) io.err(`  – ${problem}`);
      return EXIT.findings;
    }
    return EXIT.ok;
  },
};
