/**
 * The fields of a parcours record (data dictionary §1): dotted key, French label
 * and the spreadsheet headers that name it. Labels feed the UI, exports' headers
 * and validation messages; synonyms feed the importer's column matching.
 */
export interface FieldDefinition {
  /** Dotted key of the record, e.g. `child.birthDate`, `guardians[].phone`. */
  key: string;
  label: string;
  /** Headers teams write for this field (matched accent- and case-insensitively). */
  synonyms: readonly string[];
  /** Identifies or describes a person: encrypted at rest, never shared with partners. */
  personal: boolean;
}

function field(
  key: string,
  label: string,
  synonyms: string[] = [],
  personal = false,
): FieldDefinition {
  return { key, label, synonyms, personal };
}

export const recordFields: readonly FieldDefinition[] = [
  field('id', 'Identifiant'),
  field('code', 'Code parcours', ['Code parcours', 'Code', 'N° parcours', 'Code PRE']),
  field(
    'child.lastName',
    'Nom',
    ['Nom', 'NOM', "Nom de l'enfant", 'Nom enfant', 'Nom de famille', 'Nom élève'],
    true,
  ),
  field(
    'child.firstName',
    'Prénom',
    ['Prénom', 'Prenom', 'Prénom enfant', "Prénom de l'enfant", 'Prénom élève'],
    true,
  ),
  field(
    'child.birthDate',
    'Date de naissance',
    [
      'Date de naissance',
      'Né(e) le',
      'Né le',
      'Née le',
      'DDN',
      'Date naiss.',
      'Date naissance',
      'Naissance',
    ],
    true,
  ),
  field('child.sex', 'Sexe', ['Sexe', 'Genre', 'F/G', 'Fille/Garçon', 'G/F']),
  field('child.school', 'Établissement', [
    'École',
    'Ecole',
    'Établissement',
    'Etablissement',
    'Etablissement scolaire',
    'Collège',
    'Groupe scolaire',
    'Établissement scolaire',
  ]),
  field('child.grade', 'Classe', ['Classe', 'Niveau', 'Niveau scolaire']),
  field('child.schoolProgramme', 'Dispositif scolaire', ['Dispositif scolaire', 'Dispositif']),
  field('child.neighbourhood', 'Quartier', ['Quartier', 'QPV', 'Quartier prioritaire']),
  field('child.town', 'Commune', ['Commune', 'Ville']),
  field('child.ine', 'INE', ['INE', 'N° INE', 'Numéro INE'], true),
  field(
    'guardians[].lastName',
    'Nom du responsable',
    [
      'Nom du responsable',
      'Nom parent',
      'Nom de la mère',
      'Nom du père',
      'Responsable légal',
      'Nom du responsable légal',
      'Nom responsable',
    ],
    true,
  ),
  field(
    'guardians[].firstName',
    'Prénom du responsable',
    [
      'Prénom du responsable',
      'Prénom parent',
      'Prénom de la mère',
      'Prénom du père',
      'Prénom du responsable légal',
      'Prénom responsable',
    ],
    true,
  ),
  field('guardians[].relation', 'Lien', ['Lien', 'Lien de parenté', 'Qualité']),
  field(
    'guardians[].phone',
    'Téléphone',
    ['Téléphone', 'Tél', 'Tel', 'Tél.', 'Portable', 'Téléphone parent', 'N° de téléphone'],
    true,
  ),
  field(
    'guardians[].email',
    'Courriel',
    ['Courriel', 'Mail', 'E-mail', 'Email', 'Adresse mail', 'Adresse électronique'],
    true,
  ),
  field('guardians[].address', 'Adresse', ['Adresse', 'Adresse postale', 'Domicile'], true),
  field('referent', 'Référent(e) de parcours', [
    'Référent',
    'Référente',
    'Réf.',
    'Référent PRE',
    'Référente PRE',
    'Suivi par',
    'Référent de parcours',
    'Référent(e)',
  ]),
  field('referral.date', 'Date de repérage / saisine', [
    'Date de saisine',
    "Date d'orientation",
    'Date repérage',
    'Date de repérage',
    'Orienté le',
    'Orientée le',
    'Saisine le',
  ]),
  field('referral.source', 'Orienté par', [
    'Orienté par',
    'Orientée par',
    'Source',
    'Orientation',
    'Prescripteur',
    'Origine de la saisine',
  ]),
  field(
    'referral.referrer',
    'Personne qui oriente',
    ['Personne qui oriente', 'Orienteur', 'Contact prescripteur'],
    true,
  ),
  field(
    'referral.reasons',
    'Motif de l’orientation',
    [
      'Motif',
      'Motifs',
      'Difficultés',
      'Problématique',
      'Signes de fragilité',
      "Motif de l'orientation",
    ],
    true,
  ),
  field('domains', 'Domaines', ['Domaines', 'Domaine']),
  field('category', 'Catégorie de public', ['Catégorie', 'Catégorie de public']),
  field('firstContactDate', 'Premier contact famille', [
    'Premier contact',
    'Premier contact famille',
    'Date premier contact',
  ]),
  field('epsDates', 'Passages en EPS', [
    'EPS',
    'Date EPS',
    'Passage EPS',
    'Passages EPS',
    'Date de passage en EPS',
  ]),
  field('consentDate', 'Accord de la famille (protocole signé)', [
    'Date de signature',
    'Protocole signé le',
    'Contrat signé',
    'Protocole signé',
    'Date du protocole',
  ]),
  field('status', 'Statut', ['Statut', 'Situation', 'Etat', 'État']),
  field('objectives', 'Objectifs', ['Objectifs', 'Objectif'], true),
  field('actions[].label', 'Action', ['Action', 'Actions']),
  field('actions[].domain', 'Domaine de l’action', []),
  field('actions[].funding', 'Financement', ['Financement']),
  field('actions[].provider', 'Intervenant / structure', [
    'Intervenant',
    'Structure',
    'Intervenant / structure',
  ]),
  field('actions[].startDate', 'Début', ['Début', "Début de l'action"]),
  field('actions[].endDate', 'Fin', ['Fin', "Fin de l'action"]),
  field('exit.date', 'Date de sortie', [
    'Date de sortie',
    'Fin de parcours',
    'Sortie le',
    'Sortie',
  ]),
  field('exit.reason', 'Motif de sortie', ['Motif de sortie']),
  field('exit.outcome', 'Atteinte des objectifs', ['Atteinte des objectifs', 'Objectifs atteints']),
  field('notes', 'Observations', ['Observations', 'Remarques', 'Commentaires', 'Notes'], true),
];

const byKey = new Map(recordFields.map((f) => [f.key, f]));

/** French label of a record key; array indices are ignored (`guardians.0.phone`). */
export function fieldLabel(key: string): string {
  const normalised = key.replace(/\.(\d+)(?=\.|$)/g, '[]').replace(/\[\d+\]/g, '[]');
  return byKey.get(normalised)?.label ?? byKey.get(normalised.replace(/\[\]$/, ''))?.label ?? key;
}

export function fieldDefinition(key: string): FieldDefinition | undefined {
  return byKey.get(key);
}

/** EPS session keys (dictionary §2) and their docxtemplater tags. */
export const sessionTags = {
  date: 'date',
  place: 'lieu',
  territory: 'territoire',
  chair: 'animateur',
  members: 'presents',
  apologies: 'excuses',
  situations: 'situations',
  nextSessionDate: 'prochaine_seance',
  version: 'version',
} as const;

export const memberTags = { name: 'nom', role: 'fonction', institution: 'institution' } as const;

export const situationTags = {
  code: 'code',
  initials: 'initiales',
  age: 'age',
  grade: 'classe',
  referent: 'referent',
  kind: 'type',
  summary: 'synthese',
  decision: 'decision',
  actions: 'actions',
  nextReview: 'prochaine_revue',
} as const;

export const actionTags = { label: 'libelle', domain: 'domaine' } as const;

/** French labels of the session fields, for the UI. */
export const sessionFieldLabels: Record<string, string> = {
  date: 'Date de la séance',
  place: 'Lieu',
  territory: 'Territoire',
  chair: 'Animateur ou animatrice',
  members: 'Présents',
  apologies: 'Excusés',
  situations: 'Situations examinées',
  nextSessionDate: 'Prochaine séance',
  'members[].name': 'Nom',
  'members[].role': 'Fonction',
  'members[].institution': 'Institution',
  'situations[].code': 'Code parcours',
  'situations[].initials': 'Initiales',
  'situations[].age': 'Âge',
  'situations[].grade': 'Classe',
  'situations[].referent': 'Référent(e)',
  'situations[].kind': 'Type de situation',
  'situations[].summary': 'Synthèse',
  'situations[].decision': 'Décision',
  'situations[].actions': 'Actions décidées',
  'situations[].nextReview': 'Prochaine revue',
};
