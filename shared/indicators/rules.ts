/**
 * The counting rules of the bilan, in ONE place: each rule has a French
 * explanation (exported so the shells show it beside the figures and the
 * workbook prints it), and the functions below are the only code that applies
 * it. Change a rule here and both the text and the figures follow.
 */
import { ageAt, type Grade, type ParcoursRecord, type Status } from '../parcours';
import type { Period } from './period';

export interface CountingRule {
  id: string;
  title: string;
  /** French, for coordinators and the comité de pilotage. */
  explanation: string;
}

export const RULES = [
  {
    id: 'entree',
    title: 'Date d’entrée en parcours',
    explanation:
      'La date d’entrée est la date de signature du protocole (accord de la famille) ; à défaut, la date du premier passage en EPS ; à défaut, la date de saisine. Une fiche sans aucune de ces dates ne peut être placée dans le temps : elle est écartée du bilan et signalée dans la qualité des données.',
  },
  {
    id: 'en-parcours',
    title: 'Enfant en parcours pendant la période',
    explanation:
      'Un enfant est compté « en parcours » si son parcours est engagé (statut en cours, suspendu ou sorti), si sa date d’entrée est au plus tard le dernier jour de la période et s’il n’est pas sorti avant le premier jour. Les situations seulement repérées ou en attente d’EPS, les refus des familles et les situations non retenues ne sont pas des parcours.',
  },
  {
    id: 'deux-annees',
    title: 'Parcours à cheval sur deux années scolaires',
    explanation:
      'Un parcours commencé une année et poursuivi l’année suivante compte dans chacune des deux années. Il n’est une « nouvelle entrée » que l’année de sa date d’entrée, et une « sortie » que l’année de sa date de sortie.',
  },
  {
    id: 'sortie-sans-date',
    title: 'Sortie sans date',
    explanation:
      'Une fiche au statut « sorti » sans date de sortie n’est comptée en parcours que l’année de son entrée ; elle n’entre ni dans les sorties ni dans la durée moyenne, et elle est signalée pour correction.',
  },
  {
    id: 'reentree',
    title: 'Enfant qui revient en parcours',
    explanation:
      'Un enfant qui a deux parcours (même nom, même prénom, même date de naissance) compte une seule fois parmi les enfants en parcours ; ses caractéristiques (âge, classe, quartier) sont prises dans le parcours le plus récent de la période. Chaque parcours compte pour les entrées, les sorties, les orientations et les actions.',
  },
  {
    id: 'age',
    title: 'Âge et tranches d’âge',
    explanation:
      'L’âge est pris au premier jour où l’enfant est en parcours dans la période : le premier jour de la période, ou sa date d’entrée s’il entre en cours de période. Tranches de l’enquête nationale ANCT : 2-5 ans, 6-10 ans, 11-16 ans, 17 ans et plus.',
  },
  {
    id: 'type-etablissement',
    title: 'Type d’établissement',
    explanation:
      'Déduit de la classe : TPS à GS = maternelle ; CP à CM2 = élémentaire ; 6e à 3e = collège ; 2nde à Terminale = lycée.',
  },
  {
    id: 'motifs',
    title: 'Motifs d’orientation',
    explanation:
      'Les motifs sont les domaines de difficulté codés sur la fiche (champ « Domaines ») ; un parcours peut en avoir plusieurs, la somme des parts dépasse donc 100 %. Le texte libre du motif n’est pas classé automatiquement : une fiche sans domaine codé est signalée pour que le référent le code.',
  },
  {
    id: 'sortie',
    title: 'Sorties et parcours terminés',
    explanation:
      'Un parcours est terminé quand il a une date de sortie ; il compte parmi les sorties de la période où tombe cette date. L’atteinte des objectifs vient du champ « Atteinte des objectifs » ; à défaut, le motif « objectifs atteints » vaut atteinte complète et « objectifs partiellement atteints » atteinte partielle.',
  },
  {
    id: 'sorties-positives',
    title: 'Sorties positives',
    explanation:
      'Part des sorties de la période dont les objectifs sont atteints complètement ou partiellement, parmi les sorties dont l’atteinte des objectifs est connue.',
  },
  {
    id: 'duree',
    title: 'Durée moyenne des parcours terminés',
    explanation:
      'Pour chaque sortie de la période : de la date d’entrée à la date de sortie, en mois (jours ÷ 30,44). Moyenne sur les parcours terminés dont les deux dates sont connues.',
  },
  {
    id: 'referents',
    title: 'Enfants par référent à temps plein',
    explanation:
      'Nombre d’enfants en parcours divisé par le nombre de référents en équivalent temps plein. Sans chiffre fourni, ce nombre est celui des référents distincts nommés sur les fiches en parcours (chacun compté à temps plein) : indiquez l’ETP réel pour un ratio exact.',
  },
  {
    id: 'actions',
    title: 'Actions et financement',
    explanation:
      'Les actions comptées sont celles des parcours en cours pendant la période qui ont eu lieu pendant la période (ou sans dates). La part financée par le droit commun est calculée sur les actions dont le financement est renseigné.',
  },
  {
    id: 'refus',
    title: 'Taux de refus des familles',
    explanation:
      'Refus de la période (statut « refus » ; date : dernier passage en EPS, à défaut saisine, à défaut premier contact) divisés par les propositions tranchées de la période : ces refus plus les nouvelles entrées. Les situations non retenues par l’EPS ne comptent pas.',
  },
  {
    id: 'petits-effectifs',
    title: 'Protection des petits effectifs',
    explanation:
      'Pour toute diffusion hors de l’équipe, les effectifs inférieurs au seuil (5 par défaut) sont affichés « < 5 », sans leur part ; un taux, une moyenne calculés sur un petit effectif ne sont pas diffusés ; si une seule case d’un tableau est masquée, la plus petite autre case l’est aussi pour qu’on ne la retrouve pas par soustraction. Les codes parcours ne sont jamais diffusés. Un avertissement signale tout croisement qui isole un enfant.',
  },
] as const satisfies readonly CountingRule[];

export type RuleId = (typeof RULES)[number]['id'];

/** Statuses that mean a parcours was engaged (protocole signé at some point). */
const ENGAGED: ReadonlySet<Status> = new Set(['en_cours', 'suspendu', 'sorti']);

/** Rule «entree». */
export function entryDate(record: ParcoursRecord): string | undefined {
  return record.consentDate ?? earliest(record.epsDates) ?? record.referral?.date;
}

/** Where a record stands with respect to a period (rules «en-parcours», «deux-annees», «sortie-sans-date»). */
export type Presence =
  | { kind: 'absent' }
  /** Engaged parcours whose entry date is unknown: cannot be placed. */
  | { kind: 'undated' }
  | { kind: 'present'; entry: string; newEntry: boolean; exitInPeriod: boolean };

export function presenceIn(record: ParcoursRecord, period: Period): Presence {
  if (!record.status || !ENGAGED.has(record.status)) return { kind: 'absent' };
  const entry = entryDate(record);
  if (!entry) return { kind: 'undated' };
  if (entry > period.end) return { kind: 'absent' };
  const newEntry = entry >= period.start;
  const exit = record.exit?.date;
  if (exit) {
    if (exit < period.start) return { kind: 'absent' };
    return { kind: 'present', entry, newEntry, exitInPeriod: exit <= period.end };
  }
  if (record.status === 'sorti' && !newEntry) return { kind: 'absent' };
  return { kind: 'present', entry, newEntry, exitInPeriod: false };
}

/** Rule «age»: the day the age is taken. */
export function ageReferenceDate(entry: string, period: Period): string {
  return entry > period.start ? entry : period.start;
}

export const AGE_BANDS = [
  { key: '2-5', label: '2 à 5 ans', min: 2, max: 5 },
  { key: '6-10', label: '6 à 10 ans', min: 6, max: 10 },
  { key: '11-16', label: '11 à 16 ans', min: 11, max: 16 },
  { key: '17+', label: '17 ans et plus', min: 17, max: Infinity },
] as const;
export type AgeBandKey = (typeof AGE_BANDS)[number]['key'] | 'moins-de-2';

export function ageBandOf(birthDate: string, onDate: string): AgeBandKey {
  const age = ageAt(birthDate, onDate);
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.key ?? 'moins-de-2';
}

/** Rule «type-etablissement». */
export const SCHOOL_TYPES = [
  { key: 'maternelle', label: 'Maternelle', grades: ['TPS', 'PS', 'MS', 'GS'] },
  { key: 'elementaire', label: 'Élémentaire', grades: ['CP', 'CE1', 'CE2', 'CM1', 'CM2'] },
  { key: 'college', label: 'Collège', grades: ['6e', '5e', '4e', '3e'] },
  { key: 'lycee', label: 'Lycée', grades: ['2nde', '1re', 'Tle'] },
  { key: 'hors_scolarite', label: 'Hors scolarité', grades: ['hors_scolarite'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; grades: readonly Grade[] }>;

export function schoolTypeOf(grade: Grade): string {
  return SCHOOL_TYPES.find((t) => (t.grades as readonly Grade[]).includes(grade))!.key;
}

/** Rule «sortie»: the outcome, falling back on the two exit reasons that state it. */
export function exitOutcomeOf(
  record: ParcoursRecord,
): 'complete' | 'partielle' | 'non_atteinte' | undefined {
  const exit = record.exit;
  if (exit?.outcome) return exit.outcome;
  if (exit?.reason === 'objectifs_atteints') return 'complete';
  if (exit?.reason === 'objectifs_partiellement_atteints') return 'partielle';
  return undefined;
}

/** Rule «duree»: average month length, so 12 months ≈ one year whatever the months. */
export const DAYS_PER_MONTH = 365.25 / 12;

export function monthsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000 / DAYS_PER_MONTH;
}

/** Rule «refus»: the day a family's refusal is dated. */
export function refusalDate(record: ParcoursRecord): string | undefined {
  return latest(record.epsDates) ?? record.referral?.date ?? record.firstContactDate;
}

/** Rule «actions»: an action counts when it overlaps the period, or has no dates. */
export function actionInPeriod(
  action: { startDate?: string; endDate?: string },
  period: Period,
): boolean {
  return (
    (!action.startDate || action.startDate <= period.end) &&
    (!action.endDate || action.endDate >= period.start)
  );
}

function earliest(dates: readonly string[] | undefined): string | undefined {
  return dates?.length ? dates.reduce((a, b) => (b < a ? b : a)) : undefined;
}

function latest(dates: readonly string[] | undefined): string | undefined {
  return dates?.length ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
}
