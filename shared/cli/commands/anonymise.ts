/** `passerelle anonymise [--caseload FILE] [--policy P] FILE|-`: pseudonymises a text and verifies it. */
import { EXIT, stringOption, type Command } from '../command';
import { caseloadOption, readText, scanOptionsFrom } from './scan-input';

export const anonymiseCommand: Command = {
  name: 'anonymise',
  summary: 'Pseudonymiser un texte avant de le partager, puis le vérifier',
  usage: 'anonymise [--caseload FICHIER] [--policy POLITIQUE] FICHIER|-',
  description: [
    'Remplace les noms des enfants suivis par leur code parcours (ou par « [Enfant A] »,',
    '« [Parent B] » hors file active) et les identifiants par « [Téléphone] », « [NIR] »…,',
    'puis analyse à nouveau le résultat. Texte pseudonymisé sur la sortie standard, risques',
    'restants sur la sortie d’erreur. Le texte est pseudonymisé, pas anonyme.',
    'Code de sortie 1 si la vérification trouve encore un identifiant de bénéficiaire.',
  ].join('\n'),
  options: {
    caseload: caseloadOption,
    policy: {
      type: 'string',
      value: 'POLITIQUE',
      description: 'partenaire-externe (par défaut) ou membre-eps (codes et initiales permis)',
    },
  },
  async run(args, io) {
    const path = args.positionals[0];
    if (!path) {
      io.err(
        'Erreur : indiquez le texte à pseudonymiser (ou « - » pour l’entrée standard).\nExemple : passerelle anonymise courriel.txt',
      );
      return EXIT.usage;
    }
    const { pseudonymise, policyByName } = await import('../../anonymisation');
    const policyName = stringOption(args, 'policy');
    const policy = policyName ? policyByName(policyName) : undefined;
    const text = await readText(path, io);
    const options = await scanOptionsFrom(args, io);
    const result = pseudonymise(text, { ...options, ...(policy ? { policy } : {}) });
    io.out(result.text);
    for (const risk of result.residualRisks) io.err(`Risque restant : ${risk}`);
    if (result.leftovers.length) {
      io.err(
        `Vérification : ${result.leftovers.length} identifiant(s) de bénéficiaire encore présent(s) (${[...new Set(result.leftovers.map((f) => f.label))].join(', ')}) : corrigez le texte avant de le partager.`,
      );
      return EXIT.findings;
    }
    return EXIT.ok;
  },
};
