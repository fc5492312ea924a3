/**
 * Word lists the detectors share. Everything is folded (lowercase, no accents)
 * so lookups go through `foldText`. Lists are small on purpose: rules rely on
 * context (civilities, kinship words, columns), these lists only veto.
 */
import {
  decisions,
  domains,
  exitOutcomes,
  exitReasons,
  foldText,
  fundings,
  referralSources,
  situationKinds,
  statuses,
} from '../parcours';
import { isFirstName } from './first-names';

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Civilities: a name follows. */
export const CIVILITIES =
  words(`m mr mme mmes mlle mademoiselle madame monsieur messieurs dr docteur
  docteure pr professeur professeure maitre me`);

/** Kinship and relation words after which a name follows («la maman de X», «son fils X»). */
export const KINSHIP = words(`maman papa mere pere fils fille frere soeur demi enfant enfants eleve
  jeune petit petite cadet cadette aine ainee bebe famille epoux epouse mari femme compagnon
  compagne tante oncle cousin cousine grand-mere grand-pere grand-mere grand-pere beau-pere
  belle-mere nourrisson garcon neveu niece parrain marraine mamie papi mamy papy tuteur tutrice
  collegien collegienne lyceen lyceenne`);

/** Kinship words for a parent: «sa mère Karima» names a parent (but «la maman de Rayane», a child). */
export const PARENT_WORDS = words(`maman papa mere pere tuteur tutrice`);

/** Words after which the next capitalised word is a greeting's addressee. */
export const GREETINGS = words(`bonjour bonsoir salut cher chere coucou hello allo`);

/** Closings: the lines after them are a signature. */
export const CLOSINGS = [
  'cordialement',
  'bien cordialement',
  'bien a vous',
  'bien a toi',
  'bonne journee',
  'bonne soiree',
  'merci',
  'merci beaucoup',
  'a bientot',
  'sportivement',
  'amicalement',
  'sincerement',
  'respectueusement',
  'salutations',
  'bien sincerement',
  'tres cordialement',
  'je vous prie',
  'veuillez agreer',
  'belle journee',
  'bises',
  'a tres vite',
  'je reste a votre disposition',
  'je reste a ta disposition',
  'restant a votre disposition',
  'dans l attente de votre retour',
  'en vous remerciant',
  'avec mes remerciements',
  'bonne fin de journee',
  'belle fin de journee',
  'au plaisir',
  'bien a vous tous',
];

const CLOSING_START = new RegExp(`^(?:${CLOSINGS.join('|')})(?: .{0,24})?$`);
const CLOSING_END = new RegExp(` (?:${CLOSINGS.filter((c) => c.length >= 10).join('|')})$`);

/** A line that closes a message («Cordialement», «… Je reste à votre disposition.»): a signature follows. */
const CLOSING_HINT =
  /cord|bien|bonn|merc|bient|sport|amic|sinc|resp|salu|veuil|bell|bise|vite|dispo|attente|remerc|plaisir|prie/i;

/** Answers per short line: each line is asked about twice per scan (roles and names). */
const closingLines = new Map<string, boolean>();

export function isClosingLine(line: string): boolean {
  if (line.length > 200) return closingLine(line);
  let closing = closingLines.get(line);
  if (closing === undefined) {
    if (closingLines.size >= 20_000) closingLines.clear();
    closing = closingLine(line);
    closingLines.set(line, closing);
  }
  return closing;
}

function closingLine(line: string): boolean {
  // Most lines hold no closing word at all: a cheap test first, folding is the costly part.
  if (!CLOSING_HINT.test(line)) return false;
  // Long lines can only end with a closing: fold their tail only.
  const folded = foldText(line.length > 80 ? line.slice(-45) : line);
  return CLOSING_START.test(folded) || CLOSING_END.test(folded);
}

/** Professions and roles: a name tied to them is a professional's. */
export const PROFESSIONS =
  words(`referent referente referents coordinateur coordinatrice coordonnateur
  coordonnatrice psychologue orthophoniste psychomotricien psychomotricienne pedopsychiatre psychiatre
  medecin infirmier infirmiere educateur educatrice enseignant enseignante instituteur institutrice
  maitresse maitre directeur directrice principal principale proviseur proviseure cpe assistante
  assistant social sociale conseiller conseillere ergotherapeute kinesitherapeute kine pediatre
  dentiste mediateur mediatrice animateur animatrice interprete avocat avocate juge chef cheffe
  responsable secretaire stagiaire benevole charge chargee professeur professeure prof
  ophtalmologiste orthoptiste inspecteur inspectrice adjoint adjointe agent agente cadre
  puericultrice sage-femme neuropediatre neuropsychologue aesh atsem coach entraineur entraineuse
  president presidente delegue deleguee technicien technicienne`);

/** Public offices: the person named is public. */
export const PUBLIC_OFFICES = words(`ministre maire depute deputee senateur senatrice prefet prefete
  president presidente secretaire adjoint adjointe elu elue auteur autrice ecrivain ecrivaine
  sociologue chercheur chercheuse recteur rectrice`);

/**
 * Common French words and acronyms that must never be taken for a name, even
 * in capitals or at a sentence start (headers, acronyms, weekdays, words that
 * are also first names in the list).
 */
export const NOT_NAMES = words(`
  le la les un une des du de d l au aux et ou mais donc or ni car que qui quoi dont ce cet cette ces
  je tu il elle on nous vous ils elles me te se lui leur leurs mon ma mes ton ta tes son sa ses notre
  votre nos vos en y ne pas plus tres bien tout tous toute toutes avec sans pour par sur sous dans
  chez entre vers depuis pendant apres avant comme quand si oui non merci bonjour bonsoir salut
  madame monsieur mademoiselle mme mlle objet date lieu nom noms prenom prenoms nee ne age ans classe
  ecole college lycee etablissement statut motif tel telephone portable mail courriel email adresse
  referent referente resp legal legale responsable parent parents enfant enfants eleve eleves mere
  pere observations observation commentaire commentaires remarques suivi entree sortie repere
  presents present presentes excuses absents absent ordre jour situation situations decision
  decisions action actions objectif objectifs contact contacts urgent important attention info
  infos note notes compte rendu cr eps pre pri dre caf cpam mds msa cmp cmpp camsp mdph ase aemo aed
  ip pjj mjie sessad itep ime ulis segpa rased upe2a aesh avs atsem pps pap ppre pai qpv rep cpe
  cio cada ccas pmi smp spip jaf tgi tj fsl rsa apl cmu css ame epa ucss cafa ief ien dasen
  dsden edf sncf tcl tam tan ok rdv sms tel fax cm cp ce cm1 cm2 ce1 ce2 gs ms ps tps nb ps pj ref
  fr com lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin
  juillet aout septembre octobre novembre decembre education nationale ville mairie conseil
  departement departemental departementale region etat republique france francais francaise
  rue avenue boulevard chemin impasse allee place route quai cours square residence batiment
  appartement etage porte escalier cite quartier centre maison hotel social sociale maternelle
  elementaire primaire programme reussite educative dispositif equipe pluridisciplinaire soutien
  passerelle modele
  service services mission locale association club centre cabinet hopital clinique
  noel saint sainte france paques toussaint ramadan aid
  algerie maroc tunisie senegal mali guinee comores turquie roumanie georgie armenie albanie kosovo
  serbie bosnie tchetchenie russie ukraine syrie afghanistan soudan erythree somalie congo cameroun
  cote ivoire haiti mayotte reunion espagne portugal italie chine vietnam inde pakistan bangladesh
  nigeria ghana angola madagascar bresil europe afrique asie amerique
  paris marseille lyon toulouse nice nantes montpellier strasbourg bordeaux lille rennes reims toulon
  grenoble dijon angers nimes avignon villeurbanne clermont ferrand havre brest tours amiens limoges
  perpignan metz besancon orleans rouen mulhouse caen argenteuil montreuil roubaix tourcoing
  nanterre vitry creteil aubervilliers colombes poitiers pau calais beziers arles ales sete beaucaire
  carpentras orange cavaillon salon provence aix vaucluse gard herault bouches rhone occitanie seine
  saint-denis corse guyane guadeloupe martinique
  iban rib nir ine siret siren afev laep siao insee ssiad clas reaap udaf caf
  merci sincere parfait parfaite modeste
  bienvenue bienvenu royal leger vivant gentil gentille miracle gitane gitan sans
  the and you will my hello sorry thank very much good for with madam sir
  lecture ecriture maths mathematiques francais anglais sport piscine cantine garderie
  dyslexie tdah autisme asthme diabete anxiete
`);

/**
 * The words of Passerelle's own labels (domains, decisions, statuses, exit
 * reasons…) are never names, whatever the first-name list holds («Santé»
 * folds to the Italian first name «Sante»): documents Passerelle writes print them.
 */
for (const enumDef of [
  domains,
  decisions,
  statuses,
  exitReasons,
  exitOutcomes,
  fundings,
  situationKinds,
  referralSources,
]) {
  for (const label of Object.values<string>(enumDef.labels)) {
    for (const word of foldText(label).split(' ')) if (word.length > 2) NOT_NAMES.add(word);
  }
}

/**
 * Words that are also names («une rose», «la pierre», «Grâce à»): a name only
 * with a capital outside a sentence start, or in a strong context.
 */
export const WORD_NAMES = words(`
  rose pierre marine ange grace victoire colombe olive prune jade blanche blanc brun roche
  fontaine marchand petit petite grand grande bonne belle bel beau aime sera juste soleil lune ciel
  etoile fleur lilas iris violette marguerite capucine perle ambre ocean oceane paix joie espoir
  chance destin fortune gloire justice liberte prince princesse reine roi dame amour ami amie
  patience prudence constance clemence esperance bonheur lumiere sante loup ours neige miel
  olivier celeste aurore aimee desire desiree honore innocent innocente fidele clair claire franc
  franche prosper martin lebrun leblanc legrand bastide
`);

/** Institution acronyms and names kept as-is, never a person. */
export const INSTITUTIONS = words(`caf cpam mds msa cmp cmpp camsp mdph ase pjj pmi ccas pre eps
  education nationale rectorat academie dsden mairie prefecture tribunal`);

/** Organisation words before a person-like name: «école Jean Jaurès», «médiathèque Marc Bernard». */
export const ORGANISATION_WORDS = words(`ecole college lycee groupe scolaire maternelle elementaire
  mediatheque bibliotheque gymnase stade piscine centre maison salle rue avenue boulevard place
  allee impasse chemin square parc residence cite fondation association espace foyer theatre
  musee hopital clinique institut polyclinique quai pont cours boulangerie club`);

/** Name particles kept inside a name («Ben Youssef», «Dos Santos», «de La Fontaine»). */
export const PARTICLES = words(`de du des la le van von der den da dos das di del della ben bin ibn
  ait abd abou bou el al ould mac mc st`);

/**
 * The lists above as bits of one number per distinct word: the tokenizer asks
 * them once per word form and the name passes test bits, not sets, per token.
 */
export const NOT_NAME = 1;
export const INSTITUTION = 1 << 1;
export const PROFESSION = 1 << 2;
export const KIN = 1 << 3;
export const CIVILITY = 1 << 4;
export const GREETING = 1 << 5;
export const WORD_NAME = 1 << 6;
export const PARTICLE = 1 << 7;
export const PUBLIC_OFFICE = 1 << 8;
export const ORGANISATION = 1 << 9;
export const PARENT_WORD = 1 << 10;
export const FIRST_NAME = 1 << 11;
/** «C'est Rayane», «je suis Karima», «ici Yanis»: a name follows. */
export const PRESENTATION = 1 << 13;
/** A capitalised word that may be part of a name in a strong context (civility, caseload…). */
export const STRONG = 1 << 12;

const CLASS_LISTS: Array<[ReadonlySet<string>, number]> = [
  [NOT_NAMES, NOT_NAME],
  [INSTITUTIONS, INSTITUTION],
  [PROFESSIONS, PROFESSION],
  [KINSHIP, KIN],
  [CIVILITIES, CIVILITY],
  [GREETINGS, GREETING],
  [WORD_NAMES, WORD_NAME],
  [PARTICLES, PARTICLE],
  [PUBLIC_OFFICES, PUBLIC_OFFICE],
  [ORGANISATION_WORDS, ORGANISATION],
  [PARENT_WORDS, PARENT_WORD],
  [new Set(['c', 'est', 'suis', 'ici']), PRESENTATION],
];

const NOT_STRONG = NOT_NAME | INSTITUTION | PROFESSION | KIN | CIVILITY | GREETING;

/** Classes of a word from its folded form and its case shape. */
export function wordClasses(folded: string, shape: 'upper' | 'title' | 'lower'): number {
  let classes = isFirstName(folded) ? FIRST_NAME : 0;
  for (const [list, bit] of CLASS_LISTS) if (list.has(folded)) classes |= bit;
  // Acronyms («CMP», «AS») are not names, whatever their letters.
  const acronym = shape === 'upper' && (folded.length <= 2 || !/[aeiouy]/.test(folded));
  if (shape !== 'lower' && folded.length >= 2 && !(classes & NOT_STRONG) && !acronym)
    classes |= STRONG;
  return classes;
}
