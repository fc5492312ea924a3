/**
 * Person names in running French text: runs of capitalised words where a word
 * in capitals is the family name («Lyna GHALEM», «MEZIANE Rayane»), minus the
 * acronyms institutions write in capitals (PRE, CLAS, SEGPA…) and the words a
 * sentence starts with.
 */
import { foldText } from '../parcours';

const ACRONYMS = new Set(
  'PRE EPS CLAS SEGPA ULIS RASED CMP CMPP CAF MDS CCAS CIAS PMI REP QPV ASE AESH AVS MDPH PAP PPRE PPS PAI CPE TR RE TPS PS MS GS CP CE CM ESF CESF DRE IME ITEP SESSAD CAMSP PJJ AEMO AED UPE2A EN FLE DDN NB RDV OK UTAS CD CHU CH ADSEA UDAF RSA APL AAH HLM SMS PDF URGENT IMPORTANT FW FWD TEL FAX CNAF MJC EREA UEMA DSDEN DASEN IEN PSY EDU SAS ZEP ASV CLSM DYS TDAH TSA HPI CAP BEP BAC CDI CDD RQTH ONG ACM ALSH MAIRIE VILLE COLLEGE ECOLE LYCEE'.split(
    ' ',
  ),
);

const STARTERS = new Set(
  foldText(
    'Bonjour Bonsoir Madame Monsieur Mme Mlle Je J Il Elle Ils Elles Nous Vous On Sa Son Ses Leur Leurs La Le Les L Un Une Des De Du D Depuis Merci Cordialement Ci Voici Voilà En Au Aux Pour Par Suite Cette Ce Cet Ces Lors Dans Mais Et Ou Si Avec Sans Chez Selon Comme Après Avant Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Élève Eleve Enfant École Ecole Collège College Lycée Centre Caf Ville Mairie Date Nom Prénom Classe Motif Adresse Responsable Établissement Etablissement Objet Programme Réussite Éducative Saisine Orientation Fiche Tél Téléphone Portable Mail Courriel Cher Chère Chers Bien Très Belle Bonne Mesdames Messieurs Equipe Équipe Pôle Service Direction Conseil Association Maternelle Elémentaire Élémentaire Primaire Section Grande Petite Moyenne Sixième Cinquième Quatrième Troisième Madame Monsieur Docteur Dr Mr M Pièce Jointe Concernant Objet Re Tr Fwd Cf Note Rappel Urgent PS',
  ).split(' '),
);

export interface NameToken {
  text: string;
  start: number;
  end: number;
  caps: boolean;
}

const WORD = /\p{L}[\p{L}'’-]*/gu;

function isCapsName(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 &&
    /^\p{Lu}[\p{Lu}'’-]*$/u.test(word) &&
    !ACRONYMS.has(stripAccentsUpper(word))
  );
}

function stripAccentsUpper(word: string): string {
  return foldText(word).toUpperCase().replace(/\s+/g, '');
}

export function isCapitalised(word: string): boolean {
  return (
    /^\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}[\p{L}'’]*)*$/u.test(word) &&
    !STARTERS.has(foldText(word))
  );
}

/** Runs of name-like words (capitalised or in capitals) separated by single spaces. */
export function nameRuns(text: string, offset = 0): NameToken[][] {
  const runs: NameToken[][] = [];
  let run: NameToken[] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(/['’-]+$/, '');
    const caps = isCapsName(word);
    const ok = caps || isCapitalised(word);
    const contiguous = lastEnd >= 0 && /^[ \n]$/.test(text.slice(lastEnd, m.index));
    if (!ok || !contiguous) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (ok)
      run.push({ text: word, start: offset + m.index, end: offset + m.index + word.length, caps });
    lastEnd = m.index + m[0].length;
  }
  if (run.length) runs.push(run);
  return runs;
}

export interface PersonName {
  firstName?: string;
  lastName?: string;
}

/** Splits a run: words in capitals are the family name; otherwise first name first. */
export function splitRun(run: NameToken[]): PersonName {
  const caps = run.filter((t) => t.caps).map((t) => t.text);
  const mixed = run.filter((t) => !t.caps).map((t) => t.text);
  if (caps.length && mixed.length) return { firstName: mixed.join(' '), lastName: caps.join(' ') };
  if (run.length === 1)
    return caps.length ? { lastName: run[0]!.text } : { firstName: run[0]!.text };
  return {
    firstName: run
      .slice(0, -1)
      .map((t) => t.text)
      .join(' '),
    lastName: run[run.length - 1]!.text,
  };
}

export const sameName = (a?: string, b?: string) => !!a && !!b && foldText(a) === foldText(b);
