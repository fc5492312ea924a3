/**
 * `passerelle export CASELOAD --out TABLE`: writes a caseload as a clean
 * table (.xlsx or .csv), internal version or, with `--shared`, the version
 * for partners (codes, no names, contacts, birth dates or notes; free text
 * pseudonymised by the anonymisation core).
 */
import { extname } from 'node:path';
import { exportRecords } from '../../import';
import { readCaseloadFile } from '../caseload-file';
import { EXIT, stringOption, type Command } from '../command';
import { writeFileAtomically } from '../io';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Écrire une file active en tableau (.xlsx, .csv), version interne ou partagée',
  usage: 'export FILE_ACTIVE --out TABLEAU.xlsx|TABLEAU.csv [--shared]',
  description: [
    'Écrit les fiches parcours d’une file active (.json, .csv, .xlsx…) dans un tableau propre,',
    'avec les en-têtes du dictionnaire. --shared écrit la version partagée avec les partenaires :',
    'codes parcours au lieu des noms, sans coordonnées, adresses, dates de naissance ni observations.',
  ].join('\n'),
  options: {
    out: { type: 'string', value: 'TABLEAU', description: 'Fichier à écrire (.xlsx ou .csv)' },
    shared: {
      type: 'boolean',
      description: 'Version partagée (pseudonymisée) au lieu de la version interne',
    },
  },
  async run(args, io) {
    const path = args.positionals[0];
    const out = stringOption(args, 'out');
    if (!path || !out) {
      io.err(
        'Erreur : indiquez la file active et le fichier à écrire.\nExemple : passerelle export suivi.json --out suivi.xlsx',
      );
      return EXIT.usage;
    }
    const format = extname(out).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
    const { records, problems } = await readCaseloadFile(path, io);
    const version = args.values.shared ? 'shared' : 'internal';
    await writeFileAtomically(out, exportRecords(records, { format, version }));
    io.out(
      `${records.length} fiche${records.length > 1 ? 's' : ''} écrite${records.length > 1 ? 's' : ''} dans ${out} (version ${version === 'shared' ? 'partagée' : 'interne'}).`,
    );
    for (const problem of problems) io.err(`  – ${problem}`);
    return problems.length ? EXIT.findings : EXIT.ok;
  },
};
