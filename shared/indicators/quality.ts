/**
 * Data-quality checks: what each record of the period lacks for the bilan,
 * with a French message naming the field, never the child.
 */
import type { ParcoursRecord } from '../parcours';
import type { Period } from './period';
import { frenchOrder } from './order';
import { actionInPeriod, entryDate, exitOutcomeOf } from './rules';
import type { QualityIssue } from './types';

type Check = [field: string, missing: (r: ParcoursRecord) => boolean, message: string];

/** Needed by the tables of children in parcours. */
const PRESENT_CHECKS: Check[] = [
  [
    'child.birthDate',
    (r) => !r.child.birthDate,
    'date de naissance manquante : l’enfant est compté en « âge non renseigné ».',
  ],
  [
    'child.sex',
    (r) => !r.child.sex,
    'sexe non renseigné : l’enfant n’entre pas dans la répartition filles / garçons.',
  ],
  [
    'child.grade',
    (r) => !r.child.grade,
    'classe non renseignée : l’enfant manque aux tableaux par classe et par type d’établissement.',
  ],
  [
    'child.neighbourhood',
    (r) => !r.child.neighbourhood,
    'quartier non renseigné : l’enfant est compté en « quartier non renseigné ».',
  ],
  [
    'child.town',
    (r) => !r.child.town,
    'commune non renseignée : l’enfant est compté en « commune non renseignée ».',
  ],
  [
    'referral.source',
    (r) => !r.referral?.source,
    'origine de l’orientation non renseignée (« Orienté par ») : à compléter pour le tableau des orientations.',
  ],
  [
    'domains',
    (r) => !r.domains?.length,
    'aucun domaine de difficulté codé : le motif d’orientation ne peut pas être compté ; cochez les domaines de la fiche.',
  ],
  [
    'referent',
    (r) => !r.referent,
    'référent non renseigné : la fiche n’entre pas dans le décompte des référents.',
  ],
];

const issue = (
  code: string,
  field: string,
  severity: QualityIssue['severity'],
  message: string,
): QualityIssue => ({
  code,
  field,
  severity,
  message,
});

/** Issues of a record counted in parcours during the period. */
export function presentIssues(
  record: ParcoursRecord,
  period: Period,
  exitInPeriod: boolean,
): QualityIssue[] {
  const found: QualityIssue[] = [];
  for (const [field, missing, message] of PRESENT_CHECKS) {
    if (missing(record)) found.push(issue(record.code, field, 'incomplet', message));
  }
  if (record.status === 'sorti' && !record.exit?.date) {
    found.push(
      issue(
        record.code,
        'exit.date',
        'incomplet',
        'statut « sorti » sans date de sortie : la sortie n’est comptée dans aucune année ; indiquez la date de sortie.',
      ),
    );
  }
  if (exitInPeriod) {
    if (!record.exit?.reason) {
      found.push(
        issue(
          record.code,
          'exit.reason',
          'incomplet',
          'sortie sans motif : elle est comptée en « motif non renseigné » ; indiquez le motif de sortie.',
        ),
      );
    }
    if (!exitOutcomeOf(record)) {
      found.push(
        issue(
          record.code,
          'exit.outcome',
          'incomplet',
          'sortie sans atteinte des objectifs : elle n’entre pas dans le taux de sorties positives ; indiquez si les objectifs sont atteints.',
        ),
      );
    }
    const entry = entryDate(record);
    if (entry && record.exit?.date && record.exit.date < entry) {
      found.push(
        issue(
          record.code,
          'exit.date',
          'incomplet',
          'date de sortie antérieure à la date d’entrée : la durée de ce parcours est écartée ; vérifiez les deux dates.',
        ),
      );
    }
  }
  const actions = (record.actions ?? []).filter((a) => actionInPeriod(a, period));
  const noDomain = actions.filter((a) => !a.domain).length;
  const noFunding = actions.filter((a) => !a.funding).length;
  if (noDomain) {
    found.push(
      issue(
        record.code,
        'actions[].domain',
        'incomplet',
        `${noDomain} action(s) sans domaine : indiquez le domaine de chaque action.`,
      ),
    );
  }
  if (noFunding) {
    found.push(
      issue(
        record.code,
        'actions[].funding',
        'incomplet',
        `${noFunding} action(s) sans financement : indiquez droit commun ou PRE.`,
      ),
    );
  }
  return found;
}

export function undatedIssue(record: ParcoursRecord): QualityIssue {
  return issue(
    record.code,
    'consentDate',
    'bloquant',
    'parcours engagé sans date d’entrée (ni signature du protocole, ni passage en EPS, ni saisine) : la fiche est écartée du bilan ; indiquez la date de signature du protocole.',
  );
}

export function undatedRefusalIssue(record: ParcoursRecord): QualityIssue {
  return issue(
    record.code,
    'referral.date',
    'bloquant',
    'refus de la famille sans aucune date (EPS, saisine, premier contact) : il n’entre pas dans le taux de refus ; indiquez la date de saisine.',
  );
}

/** Blocking issues first, then by code and field, so the list reads as a to-do list. */
export function sortIssues(issues: QualityIssue[]): QualityIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'bloquant' ? -1 : 1) ||
      frenchOrder(a.code, b.code) ||
      frenchOrder(a.field, b.field),
  );
}
