/**
 * The Smart Alerts text: what was found, as counts by type (never a value),
 * how many recipients are outside the team, and what to do. Outlook refuses
 * a message over 500 characters, so the text is built to fit and cut at a
 * word boundary if a future wording ever grows past it.
 */
import type { FindingType } from '../../shared/anonymisation';
import type { TypeCounts } from './decide';

export const MAX_ALERT_CHARS = 500;

/** French nouns (singular, plural) for the counts. */
const NOUNS: Record<FindingType, [string, string]> = {
  PERSONNE: ['nom', 'noms'],
  EMAIL: ['adresse électronique', 'adresses électroniques'],
  TELEPHONE: ['numéro de téléphone', 'numéros de téléphone'],
  ADRESSE: ['adresse postale', 'adresses postales'],
  DATE_NAISSANCE: ['date de naissance', 'dates de naissance'],
  NIR: ['numéro de sécurité sociale', 'numéros de sécurité sociale'],
  INE: ['INE', 'INE'],
  IBAN: ['IBAN ou RIB', 'IBAN ou RIB'],
  NUM_ALLOCATAIRE: ['numéro allocataire', 'numéros allocataire'],
  ETABLISSEMENT: ['établissement', 'établissements'],
  CLASSE: ['classe', 'classes'],
  AGE: ['âge', 'âges'],
  QUARTIER: ['quartier', 'quartiers'],
  SANTE: ['mention de santé', 'mentions de santé'],
  JUSTICE_PROTECTION: [
    'mention de protection ou de justice',
    'mentions de protection ou de justice',
  ],
};

/** «2 noms, 1 numéro de téléphone», most frequent first. */
export function describeCounts(counts: TypeCounts): string {
  return (Object.entries(counts) as [FindingType, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n} ${NOUNS[type][n > 1 ? 1 : 0]}`)
    .join(', ');
}

const recipientsOutside = (n: number) => `${n} destinataire${n > 1 ? 's' : ''} hors de l’équipe`;

/** Cuts at the last space before the limit and ends with «…». */
export function fitAlert(text: string, max = MAX_ALERT_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : cut.length).trimEnd()}…`;
}

export interface AlertOptions {
  /** The dialog has a button that opens the pane (Mailbox 1.14). */
  paneButton: boolean;
  /** The caseload's names were available to the check. */
  withCaseload: boolean;
}

function howToFix(options: AlertOptions): string {
  return options.paneButton
    ? 'Choisissez « Ouvrir Passerelle » puis « Pseudonymiser » avant d’envoyer.'
    : 'Ouvrez « Vérifier avant envoi » (ruban, groupe Passerelle) puis « Pseudonymiser » avant d’envoyer.';
}

const caseloadNote = (options: AlertOptions) =>
  options.withCaseload
    ? ''
    : ' (Noms de la file active indisponibles ici : ouvrez une fois Passerelle et déverrouillez la file active pour les ajouter à la vérification.)';

export function blockAlert(external: number, direct: TypeCounts, options: AlertOptions): string {
  return fitAlert(
    `Passerelle : ce message part vers ${recipientsOutside(external)} et contient encore des données qui identifient un enfant ou sa famille : ${describeCounts(direct)}. ${howToFix(options)}${caseloadNote(options)}`,
  );
}

export function promptAlert(external: number, quasi: TypeCounts): string {
  return fitAlert(
    `Passerelle : ce message part vers ${recipientsOutside(external)} et contient des indices qui peuvent faire reconnaître un enfant : ${describeCounts(quasi)}. Vérifiez qu’ils sont nécessaires avant d’envoyer.`,
  );
}

export const failureAlert = fitAlert(
  'Passerelle n’a pas pu vérifier ce message avant l’envoi. Vérifiez-le avec « Vérifier avant envoi » (ruban, groupe Passerelle) avant de l’envoyer à un partenaire.',
);
