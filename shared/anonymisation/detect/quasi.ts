/**
 * Quasi-identifiers (age, class, school, quartier) and sensitive content
 * (health, child protection and justice), by keyword and context. They are
 * reported apart from direct identifiers: alone they rarely name a child,
 * together they may.
 */
import type { FindingType, RawFinding } from '../types';
import { KeywordFamilies, letterOrDigitBefore, matchesNotAfter } from './matching';

function push(
  out: RawFinding[],
  type: FindingType,
  start: number,
  end: number,
  label: string,
  confidence = 0.8,
) {
  out.push({ start, end, type, confidence, label });
}

// These regexes check «not after a letter» per match (see `matching.ts`) rather than with a
// leading lookbehind, which would stop the engine from skipping ahead by first characters.
const AGE = /(\d{1,2})[ \u00a0]?(ans|mois)(?![\p{L}])/giu;
/** Words before a number of years that make it a duration, a range or a size, not an age. */
const NOT_AGE_BEFORE =
  /(?:depuis|pendant|durant|il y a|y a|dans|sur|entre|à|a|tous les|toutes les|plus de|moins de|taille|pour|en|jusqu['’]à|de\s+\d{1,2}\s+à|chaque|les|ces|des|ses|mes|quelques|dernières?|premières?|prochaines?)\s*$/i;

const CLASS =
  /(?:TPS|PS|MS|GS|CP|CE1|CE2|CM1|CM2|cp|ce1|ce2|cm1|cm2|[3-6](?:e|ème|eme)(?:\s(?:SEGPA|ULIS|UPE2A))?|SEGPA|ULIS|UPE2A|toute petite section|petite section|moyenne section|grande section|2nde|seconde|1re|terminale)(?![\p{L}\d])/gu;
const NOT_CLASS_BEFORE =
  /(?:élèves?|classes?|niveau|enfants?|collégiens|tous les|toutes les|des)\s+(?:de\s+|en\s+)?$/i;

const SCHOOL =
  /(?:[ée]cole|coll[èe]ge|lyc[ée]e|groupe scolaire)(?:\s(?:maternelle|[ée]l[ée]mentaire|primaire|priv[ée]e))?(?:\s(?:de la|de|du|des|d['’]|l['’]|la|le|les))?\s?[\p{Lu}][\p{L}'’-]*(?:\s(?:[\p{Lu}][\p{L}'’-]*|de|du|des|la|le|les)){0,4}/gu;

const QUARTIER =
  /(?:quartiers?|cit[ée]|secteur)(?:\s(?:de|du|des|de la|d['’]))?\s?((?:l[ae]\s|les\s|l['’])?[\p{Lu}][\p{L}'’-]*(?:\s(?:de|du|des|la|le|les|[\p{Lu}][\p{L}'’-]*)){0,3})/gu;

const HEALTH =
  /(?:TDAH|TSA|TND|troubles?\s(?:dys|du\s(?:langage|sommeil|comportement|spectre\sautistique)|de\sl['’]attention|anxieux)|dyslexie|dyspraxie|dyscalculie|dysphasie|dysorthographie|autisme|autiste|asthme(?:\sd['’]effort)?|diab[èe]te(?:\s(?:de\s)?type\s\d)?|[ée]pilepsie|allergie|leuc[ée]mie|cancer|handicap|MDPH|AESH|PAI|PPS|CMPP|CMP|CAMSP|SESSAD|IME|ITEP|orthophonie|orthophoniste|bilan\s(?:orthophonique|psychologique|psychom[oe]teur|neuropsychologique|ORL|ophtalmologique|sanguin)|psychomotricien(?:ne)?|psychomotricit[ée]|p[ée]dopsychiatre|psychiatre|suivi\s(?:psychologique|CMP|CMPP|m[ée]dical)|traitement|Ritaline|Ventoline|hospitalis[ée]e?|hospitalisation|d[ée]pression|anxi[ée]t[ée](?:\sde\ss[ée]paration)?|mutisme|[ée]nur[ée]sie|encopr[ée]sie|maux?\s(?:de|au)\s(?:ventre|t[êe]te)|mal\sau\sventre|cauchemars|insomnies?|ob[ée]sit[ée]|surpoids|strabisme|surdit[ée]|b[ée]gaiement|phobie\sscolaire|scarifications?|id[ée]es\snoires|tentative\sde\ssuicide|addiction|grossesse|enceinte|retard\sde\slangage|speech\stherapist|an[ée]mie|cardiopathie[\p{L}\s]{0,12}|cardiologie|chimioth[ée]rapie|arr[êe]t\smaladie|maladie|(?:accompagnement|soutien|suivi)\spsychologique|baby\sblues|d[ée]pression(?:\spost-natale)?|consultation\s(?:p[ée]diatrique|au\sCMP|CMP)|soins\s(?:dentaires|p[ée]diatriques)|mal\saux\sdents|douleurs?\sdentaires|toux(?:\schronique)?|crises?\sde\stoux|hernie(?:\sdiscale)?|op[ée]r[ée]e?\sdu\s(?:c(?:œ|oe)ur|genou|dos)|suivi\sPMI)(?![\p{L}])/gu;

// «IP» is checked after it is read: a lookbehind first, in one branch, slows every position.
const JUSTICE =
  /(?:placement|plac[ée]e?\s(?:en\sfoyer|à\sl['’]ASE|en\sfamille\sd['’]accueil)|famille\sd['’]accueil|ASE|aide\ssociale\sà\sl['’]enfance|AEMO(?:\srenforc[ée]e)?|mesure\sd['’]AED|AED(?=\s\(aide)|aide\s[ée]ducative\sà\sdomicile|information\spr[ée]occupante|IP(?<=\s(?:une|d['’]|l['’]|d'une)\s?IP)|juge\sdes\senfants|JDE|juge\saux\saffaires\sfamiliales|JAF|PJJ|MJIE|OPP|ordonnance\sde\s(?:protection|placement)|signalement|procureur(?:\sde\sla\sr[ée]publique)?|garde\sà\svue|tribunal\spour\senfants|mesure\s[ée]ducative|expulsion(?:\slocative)?|violences?\sconjugales?|incarc[ée]r[ée]e?|d[ée]tention|contr[ôo]le\sjudiciaire)(?![\p{L}])/gu;

// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const TRAILING_ARTICLE = /\s(?:de|du|des|la|le|les)$/u;
const TITLE_WORDS =
  /(psycholog|m[ée]decin|infirmi|assistante?|[ée]ducat|enseignant|directeur|directrice|cpe|r[ée]f[ée]rent|coordinat|orthophoniste|psychomotricien|p[ée]dopsychiatre)/i;
const WHITE_SPACE = /\s/;

/** The keyword regexes, matched together in one pass (see `KeywordFamilies`). */
const KEYWORDS = new KeywordFamilies([
  { re: CLASS, notAfterDigit: true },
  { re: SCHOOL },
  { re: QUARTIER },
  { re: HEALTH },
  { re: JUSTICE },
]);

/** Keywords inside a professional's title in parentheses («Mme Roux (psychologue, CMP)») are not about a child. */
function inTitleParentheses(text: string, start: number): boolean {
  // The «(» must lie at most 40 characters back: look no further (a text without one stays linear).
  let open = start;
  while (open >= 0 && start - open <= 40 && text.charCodeAt(open) !== 40) open--;
  if (open < 0 || start - open > 40 || text.slice(open, start).includes(')')) return false;
  return TITLE_WORDS.test(text.slice(open, text.indexOf(')', start) + 1 || start + 40));
}

export function detectQuasi(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesNotAfter(text, AGE, letterOrDigitBefore)) {
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    if (NOT_AGE_BEFORE.test(before) && !/[âa]g[ée]e?s?\s+de\s*$/i.test(before)) continue;
    if (
      /^\s*(?:d['’]|de\s|plus\s|après|apr[eè]s|auparavant|plus tard)/i.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 12),
      )
    )
      continue;
    if (Number(m[1]) > 25 && m[2]!.toLowerCase() === 'ans') continue;
    push(out, 'AGE', m.index, m.index + m[0].length, 'âge d’une personne', 0.75);
  }
  const [classes, schools, quartiers, health, justice] = KEYWORDS.matchAll(text);
  for (const m of classes!) {
    // NOT_CLASS_BEFORE ends with a space: without one just before, it cannot match.
    if (m.index > 0 && WHITE_SPACE.test(text.charAt(m.index - 1))) {
      if (NOT_CLASS_BEFORE.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
    }
    if (/^\s*[ée]tage/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))
      continue;
    push(out, 'CLASSE', m.index, m.index + m[0].length, 'classe d’un élève', 0.75);
  }
  for (const m of schools!) {
    const end = m.index + m[0].replace(TRAILING_ARTICLE, '').length;
    push(out, 'ETABLISSEMENT', m.index, end, 'établissement scolaire fréquenté', 0.8);
  }
  for (const m of quartiers!) {
    const name = m[1]!.replace(TRAILING_ARTICLE, '');
    const start = m.index + m[0].length - m[1]!.length;
    push(out, 'QUARTIER', start, start + name.length, 'quartier de résidence', 0.7);
  }
  for (const m of health!) {
    if (inTitleParentheses(text, m.index)) continue;
    push(out, 'SANTE', m.index, m.index + m[0].length, 'donnée de santé', 0.8);
  }
  for (const m of justice!) {
    push(
      out,
      'JUSTICE_PROTECTION',
      m.index,
      m.index + m[0].length,
      'protection de l’enfance ou justice',
      0.8,
    );
  }
  return out;
}
