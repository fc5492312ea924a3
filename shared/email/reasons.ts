/**
 * Why the child is referred: the clauses of the new message that describe a
 * difficulty, and the dictionary's domains their words point to (scolaire,
 * éducatif et social, santé, parentalité, culture-sport-loisirs).
 */
import { foldText, type Domain } from '../parcours';
import type { Span } from './text-spans';

const DOMAIN_CUES: Array<[Domain, RegExp]> = [
  [
    'scolaire',
    /\b(lecture|lire|ecriture|ecrire|maths?|mathematiques|calcul|francais|apprentissages?|resultats?|notes|lacunes?|devoirs|absences?|absent|absenteisme|decroch\w*|redoubl\w*|comprehension|orthographe|travail scolaire|niveau scolaire|difficultes scolaires|decrochage|retards? scolaires?|oublis de materiel|scolarite|concentration|attention|n entre pas dans)\b/,
  ],
  [
    'educatif_social',
    /\b(comportement\w*|agitee?s?|agitation|conflits?|violen\w*|insult\w*|exclu\w*|exclusions?|isol\w*|repli\w*|ecrans?|hebergement|heberge\w*|logement|dehors|errance|fugue\w*|bagarres?|opposition|opposant|insolen\w*|sanctions?|harcel\w*|financier\w*|financieres?|precarite|expulsion|provocation|colere|crises?|seul dehors|fréquentations|frequentations|sans domicile|hotel social|foyer)\b/,
  ],
  [
    'sante',
    /\b(sommeil|dort|dormir|fatigu\w*|langage|parole|orthophon\w*|vue|voir|lunettes|ophtalmo\w*|audition|entend\w*|asthme|anxi\w*|angoiss\w*|soins?|medecin|medical\w*|cmpp?|hygiene|alimentation|mange\w*|poids|dentaire|dents|maux|mal de|sante|handicap|psycholog\w*|psychiatr\w*|enuresie|tics?|vaccin\w*|pediatre|traitement|maladie|douleurs?|troubles?)\b/,
  ],
  [
    'parentalite',
    /\b(parentalite|eleve seule?|seule? avec|mere seule|maman seule|pere seul|papa seul|parent isole|monoparental\w*|depasse\w*|demuni\w*|limites|autorite|conseils|soutien dans l education|non francophones?|ne parle pas francais|parle peu francais|lien avec l ecole|relation avec l ecole|fonctionnement de l ecole|l aider|aider (son|sa|ses)|accompagner (son|sa|ses)|se sent seule?|besoin d aide|epuise\w*|debordee?|difficultes educatives|cadre educatif)\b/,
  ],
  [
    'culture_sport_loisirs',
    /\b(aucune activite|activites?|club|sport\w*|basket|foot\w*|football|rugby|judo|danse|musique|natation|piscine|vacances|mediatheque|bibliotheque|loisirs?|centre de loisirs|colonie|extrascolaire|theatre|cinema|culture\w*|en dehors de l ecole)\b/,
  ],
];

const DIFFICULTY =
  /\b(difficult\w*|probleme\w*|retard\w*|inquiet\w*|inquiete\w*|souffr\w*|manque\w*|ne \w+ (pas|plus|jamais)|n a (pas|jamais|plus)|n \w+ (pas|plus|jamais)|aucune?|faibles?|fragil\w*|besoin\w*|trouble\w*|se plaint|chut\w*|casse\w*|accumule\w*)\b/;

/** Domains a text points to. */
export function domainsOf(text: string): Domain[] {
  const folded = ` ${foldText(text)} `;
  return DOMAIN_CUES.filter(([, cue]) => cue.test(folded)).map(([domain]) => domain);
}

/** Clauses that describe difficulties: a difficulty word or a domain cue, and no phone number or greeting. */
export function isReasonClause(text: string): boolean {
  const folded = ` ${foldText(text)} `;
  if (/\d{2}[\s.]?\d{2}[\s.]?\d{2}[\s.]?\d{2}/.test(text)) return false;
  if (/^\s*(bonjour|cordialement|merci)\b/.test(folded)) return false;
  return DIFFICULTY.test(folded) || DOMAIN_CUES.some(([, cue]) => cue.test(folded));
}

export function reasonClauses(clauses: Span[]): Span[] {
  return clauses.filter((c) =>
    isReasonClause(c.text.replace(/^(motif|difficult[ée]s|probl[ée]matique)\s*:\s*/i, '')),
  );
}
