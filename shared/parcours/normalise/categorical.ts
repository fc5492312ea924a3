/**
 * Free-text answers → the dictionary's enumerations: referral source, status,
 * sex, guardian relation. Rules are ordered keyword lists on folded text, so
 * «Infirmière scolaire» (Éducation nationale) wins over «infirmière» (santé).
 */
import type { ReferralSource, Relation, Sex, Status } from '../enums';
import { foldText } from '../text';
import { accept, reject, type Normalised } from './result';

type Rule<T> = [RegExp, T];

function firstMatch<T>(rules: Rule<T>[], input: string): T | undefined {
  const folded = ` ${foldText(input)} `;
  return rules.find(([pattern]) => pattern.test(folded))?.[1];
}

const SOURCE_RULES: Rule<ReferralSource>[] = [
  // «Association École et Famille» is an association, whatever its name holds.
  [/^ (association|asso) /, 'association'],
  [/ (caf|caisse d allocations? familiales?) /, 'caf'],
  [
    / (infirmier|infirmiere|medecin|assistante? sociale?|psychologue) (scolaire|de l education nationale|du college|de l ecole)/,
    'education_nationale',
  ],
  [
    / (psy ?en|rased|cpe|conseill\w* principale? d education|dsden|inspect\w*|education nationale|ac [a-z-]+ fr) /,
    'education_nationale',
  ],
  [
    / (mds|maison (departementale )?des solidarites|ccas|as de secteur|assistante? sociale?|travailleu(r|se) sociale?|service social|conseil departemental|utas?|circonscription d action sociale|ase|aide sociale a l enfance|centre medico social|espace des solidarites|cias) /,
    'service_social',
  ],
  [
    / (cmpp?|pmi|protection maternelle( et)? infantile|centre medico psychologique|camsp|sessad|medecin|pediatre|orthophon\w*|psychologue|psychiatre|hopital|clinique|centre hospitalier|chu|sante) /,
    'sante',
  ],
  [
    / (ecole|college|lycee|groupe scolaire|maternelle|elementaire|directeur|directrice|enseignante?|professeure?|prof|instituteur|institutrice|maitresse|maitre|principale?|proviseur|equipe educative|ulis|segpa) /,
    'education_nationale',
  ],
  [
    / (centre social|centres sociaux|mairie|ville de|ville d [a-z]+|hotel de ville|service (jeunesse|enfance|education|municipal)|municipal\w*|maison de quartier|adulte relais|mediateur|mediatrice|police municipale|politique de la ville) /,
    'mairie',
  ],
  [/ (association|asso|club|mjc|fcpe|prevention specialisee) /, 'association'],
  [
    / (famille|maman|papa|mere|pere|parents?|grand mere|grand pere|tante|oncle|demande spontanee|spontane\w*) /,
    'famille',
  ],
  [/ (autre|autres) /, 'autre'],
];

export function normaliseReferralSource(input: unknown): Normalised<ReferralSource> {
  if (typeof input !== 'string' || !input.trim())
    return reject('origine de l’orientation manquante');
  const source = firstMatch(SOURCE_RULES, input);
  return source
    ? accept(source)
    : reject(
        `origine de l’orientation inconnue : « ${input.trim()} » (par exemple école, MDS, CAF, CMP, famille)`,
      );
}

const STATUS_RULES: Rule<Status>[] = [
  [/ non retenue? /, 'non_retenu'],
  [/ (refus|refuse|abandon) /, 'refus'],
  [/ (attente|en attente d eps|a presenter|eps a venir) /, 'attente_eps'],
  [/ (suspendue?|en pause|pause|en veille|interrompue?) /, 'suspendu'],
  [
    / (sortie?s?|cloturee?|clos|terminee?|fin de parcours|fin de prise en charge|reorientee?|archivee?) /,
    'sorti',
  ],
  [/ (en cours|actif|active|suivi|accompagnement|protocole signe|contrat signe) /, 'en_cours'],
  [/ (reperee?|reperage|saisine|orientee?|signalee?|nouvelle? situation|nouveau) /, 'repere'],
];

export function normaliseStatus(input: unknown): Normalised<Status> {
  if (typeof input !== 'string' || !input.trim()) return reject('statut manquant');
  const status = firstMatch(STATUS_RULES, input);
  return status
    ? accept(status)
    : reject(`statut inconnu : « ${input.trim()} » (par exemple en cours, attente EPS, sorti)`);
}

export function normaliseSex(input: unknown): Normalised<Sex> {
  if (typeof input !== 'string' || !input.trim()) return reject('sexe manquant');
  const folded = foldText(input);
  if (/^(f|fille|feminin|femme)$/.test(folded)) return accept('F');
  if (/^(m|g|h|garcon|masculin|homme)$/.test(folded)) return accept('M');
  return reject(`sexe inconnu : « ${input.trim()} » (attendu F ou G)`);
}

const RELATION_RULES: Rule<Relation>[] = [
  [/ (grand mere|grand pere|grands parents|tante|oncle|soeur|frere) /, 'autre'],
  [/ (mere|maman|mother|belle mere) /, 'mere'],
  [/ (pere|papa|father|beau pere) /, 'pere'],
  [/ (tuteur|tutrice|tutelle) /, 'tuteur'],
];

/** «la maman», «Mère», «tutrice» → relation; anything else named is `autre`. */
export function normaliseRelation(input: unknown): Normalised<Relation> {
  if (typeof input !== 'string' || !input.trim()) return reject('lien manquant');
  return accept(firstMatch(RELATION_RULES, input) ?? 'autre');
}
