/**
 * Every enumeration of the data dictionary (§4), with the French label of each
 * value. The UI, exports and templates read labels from here, never retype them.
 */

function enumeration<const K extends string>(labels: Record<K, string>) {
  const values = Object.keys(labels) as [K, ...K[]];
  return { values, labels: labels as Readonly<Record<K, string>> };
}

export const grades = enumeration({
  TPS: 'Toute petite section',
  PS: 'Petite section',
  MS: 'Moyenne section',
  GS: 'Grande section',
  CP: 'CP',
  CE1: 'CE1',
  CE2: 'CE2',
  CM1: 'CM1',
  CM2: 'CM2',
  '6e': '6e',
  '5e': '5e',
  '4e': '4e',
  '3e': '3e',
  '2nde': '2nde',
  '1re': '1re',
  Tle: 'Terminale',
  hors_scolarite: 'Hors scolarité',
});
export type Grade = (typeof grades.values)[number];

export const referralSources = enumeration({
  education_nationale: 'Éducation nationale',
  service_social: 'Service social',
  caf: 'CAF',
  sante: 'Santé',
  association: 'Association',
  famille: 'Famille',
  mairie: 'Mairie, services municipaux',
  autre: 'Autre',
});
export type ReferralSource = (typeof referralSources.values)[number];

export const domains = enumeration({
  scolaire: 'Scolaire',
  educatif_social: 'Éducatif et social',
  sante: 'Santé',
  parentalite: 'Parentalité',
  culture_sport_loisirs: 'Culture, sport et loisirs',
});
export type Domain = (typeof domains.values)[number];

export const categories = {
  values: [1, 2, 3, 4] as const,
  labels: {
    1: 'Difficultés scolaires ponctuelles',
    2: 'Difficultés scolaires relevant d’une autre difficulté (santé, vie familiale)',
    3: 'Cumul de difficultés, parents mobilisables',
    4: 'Cumul de difficultés, parents non mobilisables',
  } as const,
};
export type Category = (typeof categories.values)[number];

export const statuses = enumeration({
  repere: 'Repéré',
  attente_eps: 'En attente d’EPS',
  en_cours: 'En cours',
  suspendu: 'Suspendu',
  sorti: 'Sorti',
  refus: 'Refus de la famille',
  non_retenu: 'Non retenu par l’EPS',
});
export type Status = (typeof statuses.values)[number];

export const decisions = enumeration({
  entree_validee: 'Entrée validée',
  ajournee: 'Ajournée (complément d’information)',
  non_retenue: 'Non retenue',
  poursuite: 'Poursuite du parcours',
  reorientation: 'Réorientation',
  sortie_validee: 'Sortie validée',
});
export type Decision = (typeof decisions.values)[number];

export const exitReasons = enumeration({
  objectifs_atteints: 'Objectifs atteints',
  objectifs_partiellement_atteints: 'Objectifs partiellement atteints',
  demenagement: 'Déménagement',
  refus_ou_abandon_famille: 'Refus ou abandon de la famille',
  relais_droit_commun: 'Relais vers le droit commun',
  relais_protection_enfance: 'Relais vers la protection de l’enfance',
  age_limite: 'Âge limite atteint',
  autre: 'Autre',
});
export type ExitReason = (typeof exitReasons.values)[number];

export const exitOutcomes = enumeration({
  complete: 'Objectifs atteints',
  partielle: 'Objectifs partiellement atteints',
  non_atteinte: 'Objectifs non atteints',
});
export type ExitOutcome = (typeof exitOutcomes.values)[number];

export const fundings = enumeration({
  droit_commun: 'Droit commun',
  pre: 'PRE',
});
export type Funding = (typeof fundings.values)[number];

export const relations = enumeration({
  mere: 'Mère',
  pere: 'Père',
  tuteur: 'Tuteur ou tutrice',
  autre: 'Autre',
});
export type Relation = (typeof relations.values)[number];

export const sexes = enumeration({
  F: 'Fille',
  M: 'Garçon',
});
export type Sex = (typeof sexes.values)[number];

export const situationKinds = enumeration({
  entree: 'Entrée',
  suivi: 'Suivi',
  sortie: 'Sortie',
});
export type SituationKind = (typeof situationKinds.values)[number];

/** Label of an enum value, or the value itself when it is unknown. */
export function labelOf<K extends string | number>(
  enumDef: { labels: Readonly<Record<K, string>> },
  value: K,
): string {
  return enumDef.labels[value] ?? String(value);
}
