/** `passerelle extract FILE.eml|FILE.msg`: proposes parcours drafts from a referral email. */
import {
  domains as domainEnum,
  caseloadLookupFromRecords,
  grades,
  labelOf,
  referralSources,
  relations,
  formatShortFrenchDate,
  formatFrenchPhone,
} from '../../parcours';
import {
  extractReferrals,
  matchCaseload,
  readMailFile,
  type CaseloadMatch,
  type DraftWithProvenance,
} from '../../email';
import { readCaseloadFile } from '../caseload-file';
import { EXIT, stringOption, type Command } from '../command';
import { readInput, type CliIO } from '../io';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} Mo`
    : `${Math.max(1, Math.round(bytes / 1024))} Ko`;

function summary(d: DraftWithProvenance, match: CaseloadMatch | undefined): string[] {
  const { child, guardians = [], referral = {}, domains = [] } = d.draft;
  const lines = [
    `Enfant : ${[child.firstName, child.lastName].filter(Boolean).join(' ') || '(nom non trouvé)'}`,
  ];
  if (child.birthDate) lines.push(`  Né(e) le : ${formatShortFrenchDate(child.birthDate)}`);
  else if (child.age !== undefined) lines.push(`  Âge : ${child.age} ans`);
  if (child.grade)
    lines.push(
      `  Classe : ${labelOf(grades, child.grade)}${child.schoolProgramme ? ` ${child.schoolProgramme}` : ''}`,
    );
  if (child.school) lines.push(`  Établissement : ${child.school}`);
  for (const g of guardians) {
    const who = [g.firstName, g.lastName].filter(Boolean).join(' ') || '(nom non précisé)';
    const rel = g.relation ? ` (${labelOf(relations, g.relation).toLowerCase()})` : '';
    const contact = [g.phone && formatFrenchPhone(g.phone), g.email, g.address]
      .filter(Boolean)
      .join(' – ');
    lines.push(`  Responsable : ${who}${rel}${contact ? ` – ${contact}` : ''}`);
  }
  if (referral.date) lines.push(`  Date de saisine : ${formatShortFrenchDate(referral.date)}`);
  if (referral.source)
    lines.push(
      `  Orienté par : ${labelOf(referralSources, referral.source)}${referral.referrer ? ` – ${referral.referrer}` : ''}`,
    );
  if (referral.reasons) lines.push(`  Motif : ${referral.reasons}`);
  if (domains.length)
    lines.push(`  Domaines : ${domains.map((x) => labelOf(domainEnum, x)).join(', ')}`);
  if (match?.kind === 'mise_a_jour')
    lines.push(
      `  Déjà suivi (${match.code}) : ${match.changes.length} champ(s) à mettre à jour${match.changes.length ? ` – ${match.changes.map((c) => c.field).join(', ')}` : ''}`,
    );
  else if (match?.kind === 'ambigu')
    lines.push(`  Plusieurs fiches possibles : ${match.codes.join(', ')} – à vérifier`);
  else if (match) lines.push('  Nouvel enfant (absent de la file active)');
  return lines;
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Proposer des fiches parcours à partir d’un courriel de saisine (.eml, .msg)',
  usage: 'extract [--json] [--caseload FICHIER.json] FICHIER.eml|FICHIER.msg',
  description: [
    'Lit un courriel enregistré (.eml ou Outlook .msg), repère le ou les enfants orientés',
    'et propose une fiche parcours par enfant (chaque champ avec la phrase d’où il vient).',
    'Un message qui n’est pas une saisine (invitation, lettre d’information) ne donne aucune fiche.',
    'Avec --caseload, un enfant déjà suivi donne une proposition de mise à jour.',
    'Code de sortie 0 si le message a été lu (même sans fiche) ; 2 s’il est illisible.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'Écrire {"drafts":[…],"attachments":[…]} en JSON' },
    caseload: {
      type: 'string',
      value: 'FICHIER.json',
      description: 'File active à comparer (JSON)',
    },
  },
  async run(args, io: CliIO) {
    const path = args.positionals[0];
    if (!path) {
      io.err('Erreur : indiquez le courriel à lire.\nExemple : passerelle extract saisine.eml');
      return EXIT.usage;
    }
    const bytes = await readInput(path, io);
    const message = await readMailFile(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      path,
    );
    const extraction = extractReferrals(message);
    const caseloadPath = stringOption(args, 'caseload');
    const lookup = caseloadPath
      ? caseloadLookupFromRecords((await readCaseloadFile(caseloadPath, io)).records)
      : undefined;
    const matches = lookup
      ? await Promise.all(extraction.drafts.map((d) => matchCaseload(d.draft, lookup)))
      : [];
    if (args.values.json) {
      io.out(
        JSON.stringify(
          {
            drafts: extraction.drafts.map((d, i) => ({
              ...d.draft,
              provenance: d.provenance,
              ...(matches[i] ? { caseload: matches[i] } : {}),
            })),
            attachments: extraction.attachments.map((a) => ({
              ...a,
              ...(a.text ? { text: a.text.slice(0, 4000) } : {}),
            })),
            ...(extraction.noDraftReason ? { noDraftReason: extraction.noDraftReason } : {}),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    if (!extraction.drafts.length)
      io.out(`Aucune fiche proposée : ${extraction.noDraftReason ?? 'ce n’est pas une saisine.'}`);
    else {
      io.out(
        `${extraction.drafts.length} fiche${extraction.drafts.length > 1 ? 's' : ''} proposée${extraction.drafts.length > 1 ? 's' : ''} (à vérifier avant de l’enregistrer) :`,
      );
      extraction.drafts.forEach((d, i) => io.out(summary(d, matches[i]).join('\n')));
    }
    if (extraction.attachments.length) {
      io.out('Pièces jointes :');
      for (const a of extraction.attachments)
        io.out(`  ${a.name} (${a.type}, ${size(a.size)})${a.note ? ` – ${a.note}` : ''}`);
    }
    return EXIT.ok;
  },
};
