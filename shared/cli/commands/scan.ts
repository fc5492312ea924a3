/** `passerelle scan [--caseload FILE] [--json] FILE|-`: lists the personal data of a text. */
import { EXIT, type Command } from '../command';
import { caseloadOption, readText, scanOptionsFrom } from './scan-input';

const ROLE_LABELS = {
  beneficiaire: 'bénéficiaire',
  professionnel: 'professionnel',
  public: 'public',
  institution: 'institution',
} as const;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Repérer les données personnelles d’un texte',
  usage: 'scan [--caseload FICHIER] [--json] FICHIER|-',
  description: [
    'Analyse un texte (fichier ou entrée standard « - ») et liste les données personnelles :',
    'noms, courriels, téléphones, adresses, dates de naissance, NIR, INE, IBAN, n° CAF,',
    'puis les informations indirectes (âge, classe, école, quartier) et sensibles (santé, protection).',
    'Avec --json : {"findings":[{"start","end","type","role","confidence","label"}]} (positions en',
    'caractères JavaScript). Code de sortie 1 si des données de bénéficiaires sont trouvées.',
  ].join('\n'),
  options: {
    caseload: caseloadOption,
    json: { type: 'boolean', description: 'Écrire le résultat en JSON' },
  },
  async run(args, io) {
    const path = args.positionals[0];
    if (!path) {
      io.err(
        'Erreur : indiquez le texte à analyser (ou « - » pour l’entrée standard).\nExemple : passerelle scan courriel.txt',
      );
      return EXIT.usage;
    }
    const { scan } = await import('../../anonymisation');
    const text = await readText(path, io);
    const { findings, warnings } = scan(text, await scanOptionsFrom(args, io));
    if (args.values.json) {
      io.out(
        JSON.stringify({
          findings: findings.map(({ start, end, type, role, confidence, label }) => ({
            start,
            end,
            type,
            role,
            confidence,
            label,
          })),
        }),
      );
    } else {
      for (const f of findings) {
        const line = text.slice(0, f.start).split('\n').length;
        io.out(
          `ligne ${line}\t${f.type}\t${ROLE_LABELS[f.role]}\t${f.label}${f.blocking ? '\t→ ' + f.replacement : ''}`,
        );
      }
      for (const w of warnings) io.err(`Attention : ${w}`);
      io.out(`${findings.length} élément(s) repéré(s).`);
    }
    return findings.some((f) => f.direct && f.role === 'beneficiaire') ? EXIT.findings : EXIT.ok;
  },
};
