/**
 * `passerelle bilan`: the annual bilan of a caseload (store file or JSON) for
 * a school year or two dates — French report on the terminal, the full
 * structure in JSON, or a workbook; small counts masked with --diffusion externe.
 */
import type { ParcoursRecord } from '../../parcours';
import {
  DEFAULT_THRESHOLD,
  computeBilan,
  datesPeriod,
  schoolYearPeriod,
  viewBilan,
  type Period,
} from '../../indicators';
import { bilanText, bilanWorkbook, rulesText, workbookBytes } from '../bilan-report';
import { readCaseloadFile } from '../caseload-file';
import { EXIT, stringOption, type Command, type ParsedArgs } from '../command';
import { writeFileAtomically, type CliIO } from '../io';
import { openStoreFile } from '../store-file';

function usage(io: CliIO, message: string): number {
  io.err(`Erreur : ${message}\nTapez « passerelle bilan --help » pour l’aide.`);
  return EXIT.usage;
}

function periodOf(args: ParsedArgs): Period | string {
  const year = stringOption(args, 'annee');
  const from = stringOption(args, 'du');
  const to = stringOption(args, 'au');
  if (year && (from || to)) return 'choisissez --annee ou --du/--au, pas les deux.';
  if (year) return schoolYearPeriod(year);
  if (from && to) return datesPeriod(from, to);
  return 'indiquez l’année scolaire (--annee 2025-2026) ou une période (--du 2026-01-01 --au 2026-06-30).';
}

/** «2,5» or «2.5» → 2.5; undefined when absent; a French message when invalid. */
function positiveNumber(
  text: string | undefined,
  name: string,
  integer: boolean,
): number | string | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    return `--${name} attend un nombre ${integer ? 'entier ' : ''}positif (reçu « ${text} »).`;
  }
  return value;
}

async function readRecords(
  args: ParsedArgs,
  io: CliIO,
): Promise<{ records: ParcoursRecord[]; problems: string[] } | string> {
  const storePath = stringOption(args, 'store');
  const caseloadPath = stringOption(args, 'caseload');
  if (storePath && caseloadPath) return 'choisissez --store ou --caseload, pas les deux.';
  if (caseloadPath) return readCaseloadFile(caseloadPath, io);
  if (!storePath)
    return 'indiquez la file active : --store FICHIER (chiffrée) ou --caseload FICHIER.json.';
  const store = await openStoreFile(storePath, io);
  try {
    return { records: await store.allRecords(), problems: [] };
  } finally {
    store.close();
  }
}

export const bilanCommand: Command = {
  name: 'bilan',
  summary: 'Bilan annuel et enquête nationale : indicateurs d’une année scolaire',
  usage:
    'bilan --annee 2025-2026 [--store FICHIER | --caseload FICHIER] [--json | --xlsx SORTIE.xlsx] [--diffusion externe [--seuil N]] [--etp N]',
  description: [
    'Calcule les indicateurs du bilan annuel (enfants en parcours par sexe, âge, classe,',
    'type d’établissement, quartier, commune ; entrées, sorties, sorties positives, durée',
    'moyenne, enfants par référent, orientations, motifs, actions, financement, refus) pour',
    'une année scolaire ou une période, avec les repères nationaux (ANCT 2021) et la liste',
    'des fiches à compléter. --regles affiche les règles de calcul.',
    'Version interne par défaut (effectifs exacts, codes parcours dans le classeur et le JSON).',
    '--diffusion externe : effectifs inférieurs au seuil affichés « < 5 », aucun code parcours,',
    'pas de liste de qualité — pour le comité de pilotage ou l’enquête nationale.',
    'Code de sortie 1 si des fiches du fichier sont invalides (écartées du calcul).',
  ].join('\n'),
  options: {
    annee: {
      type: 'string',
      value: 'AAAA-AAAA',
      description: 'Année scolaire, par exemple 2025-2026',
    },
    du: { type: 'string', value: 'AAAA-MM-JJ', description: 'Début d’une période (avec --au)' },
    au: { type: 'string', value: 'AAAA-MM-JJ', description: 'Fin d’une période (incluse)' },
    store: {
      type: 'string',
      value: 'FICHIER',
      description: 'File active chiffrée (phrase de passe : PASSERELLE_PASSPHRASE)',
    },
    caseload: {
      type: 'string',
      value: 'FICHIER',
      description: 'File active en JSON (ou fichier chiffré)',
    },
    json: { type: 'boolean', description: 'Écrire le bilan complet en JSON' },
    xlsx: {
      type: 'string',
      value: 'SORTIE.xlsx',
      description: 'Écrire un classeur Excel (une feuille par tableau)',
    },
    diffusion: {
      type: 'string',
      value: 'interne|externe',
      description: 'externe : masquer les petits effectifs (défaut interne)',
    },
    seuil: {
      type: 'string',
      value: 'N',
      description: `Seuil des petits effectifs en diffusion externe (défaut ${DEFAULT_THRESHOLD})`,
    },
    etp: {
      type: 'string',
      value: 'N',
      description: 'Référents en équivalent temps plein (défaut : référents distincts des fiches)',
    },
    regles: { type: 'boolean', description: 'Afficher les règles de calcul' },
  },
  async run(args, io) {
    const period = periodOf(args);
    if (typeof period === 'string') return usage(io, period);
    const diffusion = stringOption(args, 'diffusion') ?? 'interne';
    if (diffusion !== 'interne' && diffusion !== 'externe') {
      return usage(io, `--diffusion attend « interne » ou « externe » (reçu « ${diffusion} »).`);
    }
    const threshold = positiveNumber(stringOption(args, 'seuil'), 'seuil', true);
    const fte = positiveNumber(stringOption(args, 'etp'), 'etp', false);
    if (typeof threshold === 'string') return usage(io, threshold);
    if (typeof fte === 'string') return usage(io, fte);
    if (threshold !== undefined && diffusion !== 'externe') {
      return usage(io, '--seuil ne s’applique qu’avec --diffusion externe.');
    }
    const xlsxPath = stringOption(args, 'xlsx');
    if (xlsxPath && args.values.json)
      return usage(io, 'choisissez --json ou --xlsx, pas les deux.');

    const input = await readRecords(args, io);
    if (typeof input === 'string') return usage(io, input);
    const bilan = computeBilan(
      input.records,
      period,
      fte !== undefined ? { referentFte: fte } : {},
    );
    const external = diffusion === 'externe';
    const protection = { external, ...(threshold ? { threshold } : {}) };

    if (args.values.regles) io.out(rulesText(bilan));
    else if (xlsxPath) {
      // The internal workbook carries the codes so the coordinator can check each count.
      const view = viewBilan(bilan, { ...protection, withCodes: !external });
      await writeFileAtomically(xlsxPath, workbookBytes(bilanWorkbook(view, bilan)));
      const sheets = view.tables.length + (external ? 2 : 3);
      io.out(
        `Classeur écrit : ${xlsxPath} (${sheets} feuilles, ${external ? 'version diffusable' : 'usage interne'}).`,
      );
    } else if (args.values.json) {
      const view = viewBilan(bilan, protection);
      io.out(
        JSON.stringify(
          external ? { view, rules: bilan.rules, nationalSource: bilan.nationalSource } : bilan,
          null,
          2,
        ),
      );
    } else {
      io.out(bilanText(viewBilan(bilan, protection), bilan));
    }
    if (input.problems.length) {
      io.err(`${input.problems.length} problème(s) : fiches invalides écartées du bilan :`);
      for (const problem of input.problems) io.err(`  – ${problem}`);
      return EXIT.findings;
    }
    return EXIT.ok;
  },
};
