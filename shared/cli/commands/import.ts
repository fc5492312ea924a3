/**
 * `passerelle import FILE`: reads a caseload spreadsheet (.xlsx, .xls, .ods,
 * .csv) and prints the records it holds, the rejected rows and the column
 * mapping; `--write-codes OUT` writes a copy of the file with the assigned
 * parcours codes. The caseload to match against is a parameter of the command
 * (`--caseload FILE`) or an encrypted store (`--store FILE`, records saved into it).
 */
import { basename } from 'node:path';
import { caseloadLookupFromRecords, type CaseloadLookup } from '../../parcours';
import type { CaseloadStore } from '../../store';
import { importGrid, readSpreadsheet, writeCodesBack, type ImportResult } from '../../import';
import { readCaseloadFile } from '../caseload-file';
import { EXIT, stringOption, type Command, type OptionSpec, type ParsedArgs } from '../command';
import { readInput, writeFileAtomically, type CliIO } from '../io';
import { openStoreFile, saveStoreFile } from '../store-file';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n > 1 ? many : word}`;
const percent = (n: number) => `${Math.round(n * 100)} %`;

/** The `{"records","badRows","mapping"}` shape of `--json`: records hold only what the rows state. */
export function importJson(result: ImportResult): string {
  const mapping: Record<string, string | null> = {};
  for (const sheet of result.mapping)
    for (const column of sheet.columns)
      if (!(column.header in mapping)) mapping[column.header] = column.key;
  return JSON.stringify({
    records: result.records.map((r) => r.stated),
    badRows: result.badRows.map((b) => ({ sheet: b.sheet, row: b.row, reason: b.reason })),
    mapping,
  });
}

function summary(result: ImportResult, file: string): string[] {
  const { counts } = result.report;
  const lines = [
    `${file} : ${plural(result.records.length, 'fiche lue', 'fiches lues')} (${plural(counts.created, 'nouvelle')}, ${plural(counts.updated, 'mise à jour', 'mises à jour')}), ${plural(counts.rejected, 'ligne rejetée', 'lignes rejetées')}, ${plural(counts.skipped, 'ligne ignorée', 'lignes ignorées')} (titres, totaux, lignes vides).`,
  ];
  for (const sheet of result.mapping) {
    lines.push(
      '',
      `${sheet.sheet !== null ? `Feuille ${sheet.sheet}` : 'Tableau'} — en-tête ligne ${sheet.headerRow}${sheet.referentFromSheet ? ` (référent(e) : nom de la feuille)` : ''} :`,
    );
    for (const c of sheet.columns) {
      if (c.key)
        lines.push(
          `  ${c.letter} ${c.header} → ${c.key}${c.guardian !== undefined ? ` (responsable ${c.guardian + 1})` : ''} (${c.origin === 'auto' ? `confiance ${percent(c.confidence)}` : c.origin === 'user' ? 'choix manuel' : 'choix mémorisé'})`,
        );
    }
  }
  for (const s of result.report.skippedSheets)
    lines.push('', `Feuille ${s.sheet ?? ''} ignorée : ${s.reason}.`);
  if (result.unmappedColumns.length) {
    lines.push('', 'Colonnes non reconnues (non importées, à associer à un champ si besoin) :');
    for (const c of result.unmappedColumns)
      lines.push(
        `  ${c.sheet !== null ? `Feuille ${c.sheet}, ` : ''}colonne ${c.column} « ${c.header} »`,
      );
  }
  if (result.badRows.length) {
    lines.push('', 'Lignes rejetées (à corriger dans le fichier) :');
    for (const b of result.badRows)
      lines.push(`  ${b.sheet !== null ? `Feuille ${b.sheet}, ` : ''}ligne ${b.row} : ${b.reason}`);
  }
  const issues = result.report.cellIssues.filter(
    (i) => !result.badRows.some((b) => b.sheet === i.sheet && b.row === i.row),
  );
  if (issues.length) {
    lines.push('', 'Cellules illisibles (champ laissé vide) :');
    for (const i of issues) lines.push(`  ${i.message}`);
  }
  for (const d of result.report.duplicateCodes)
    lines.push(
      '',
      `Code parcours ${d.code} en double : ${d.places.map((p) => `${p.sheet !== null ? `feuille ${p.sheet} ` : ''}ligne ${p.row}`).join(', ')}${d.alreadyInCaseload ? ' (déjà attribué à un autre enfant de la file active)' : ''}.`,
    );
  const updates = result.records.filter((r) => r.changes.length);
  if (updates.length) {
    lines.push('', 'Modifications à confirmer sur des fiches existantes :');
    for (const r of updates)
      lines.push(`  ${r.record.code} : ${r.changes.map((c) => c.label).join(', ')}`);
  }
  return lines;
}

const options: Record<string, OptionSpec> = {
  sheet: { type: 'string', value: 'FEUILLE', description: 'Importer seulement cette feuille' },
  json: {
    type: 'boolean',
    description: 'Écrire le résultat en JSON ({"records","badRows","mapping"})',
  },
  'write-codes': {
    type: 'string',
    value: 'COPIE',
    description: 'Écrire une copie du fichier avec une colonne « Code parcours »',
  },
  caseload: {
    type: 'string',
    value: 'FICHIER',
    description: 'File active existante (.json, .csv, .xlsx…) : mêmes enfants → mise à jour',
  },
  store: {
    type: 'string',
    value: 'FICHIER',
    description:
      'File active chiffrée où enregistrer les fiches (phrase de passe : PASSERELLE_PASSPHRASE)',
  },
};

/** The caseload to match against: an encrypted store (`--store`) or a caseload file. */
async function openCaseload(
  args: ParsedArgs,
  io: CliIO,
): Promise<{ lookup?: CaseloadLookup; store?: CaseloadStore }> {
  const storePath = stringOption(args, 'store');
  if (storePath) {
    const store = await openStoreFile(storePath, io);
    return { lookup: store, store };
  }
  const path = stringOption(args, 'caseload');
  return path
    ? { lookup: caseloadLookupFromRecords((await readCaseloadFile(path, io)).records) }
    : {};
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Lire un tableau de suivi (Excel, LibreOffice, CSV) en fiches parcours',
  usage:
    'import FICHIER [--sheet FEUILLE] [--json] [--write-codes COPIE] [--caseload FICHIER | --store FICHIER]',
  description: [
    'Lit un tableau de suivi (.xlsx, .xls, .ods, .csv) : repère la ligne d’en-tête, associe',
    'les colonnes aux champs du dictionnaire, convertit dates, classes, statuts, téléphones,',
    'et rend compte de chaque ligne (importée, mise à jour, rejetée ou ignorée).',
    'Avec --store, les fiches sont enregistrées dans la file active chiffrée (tout ou rien).',
    'Code de sortie 1 si des lignes sont rejetées, 2 si le fichier est illisible.',
  ].join('\n'),
  options,
  async run(args, io) {
    const path = args.positionals[0];
    if (!path) {
      io.err(
        'Erreur : indiquez le fichier à importer.\nExemple : passerelle import suivi.xlsx --json',
      );
      return EXIT.usage;
    }
    const bytes = new Uint8Array(await readInput(path, io));
    const { lookup, store } = await openCaseload(args, io);
    const grid = await readSpreadsheet(bytes, { fileName: basename(path) });
    const sheet = stringOption(args, 'sheet');
    const result = await importGrid(grid, {
      ...(sheet ? { sheet } : {}),
      ...(lookup ? { caseload: lookup } : {}),
      ...(store ? { mappingMemory: store.mappingMemory } : {}),
      onProgress: io.progress,
    });
    io.endProgress();
    const out = stringOption(args, 'write-codes');
    if (out) {
      await writeFileAtomically(out, writeCodesBack(bytes, basename(path), result));
      if (!args.values.json) io.err(`Copie avec les codes parcours écrite dans ${out}.`);
    }
    if (args.values.json) io.out(importJson(result));
    else io.out(summary(result, basename(path)).join('\n'));
    const storePath = stringOption(args, 'store');
    if (store && storePath) {
      const saved = await store.putRecords(result.records.map((r) => r.record));
      await saveStoreFile(storePath, store);
      io.err(
        `File active enregistrée : ${plural(saved.added.length, 'fiche créée', 'fiches créées')}, ${plural(saved.merged.length, 'fiche mise à jour', 'fiches mises à jour')}.`,
      );
      for (const note of saved.notes) io.err(`  – ${note}`);
    }
    return result.badRows.length ? EXIT.findings : EXIT.ok;
  },
};
