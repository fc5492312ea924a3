/**
 * Grades as teams write them → the dictionary's `Grade`, plus the school
 * programme written beside it: «CE 1», «6ème SEGPA», «CM1 (ULIS)», «grande
 * section», «sixième», «non scolarisé».
 */
import type { Grade } from '../enums';
import { foldText } from '../text';
import { accept, reject, type Normalised } from './result';

export interface GradeValue {
  grade: Grade;
  programme?: string;
}

const PROGRAMMES = [
  'SEGPA',
  'ULIS',
  'UPE2A',
  'RASED',
  'EREA',
  'CLIS',
  'UEMA',
  'UEEA',
  'PPRE',
  'PAP',
  'CHAM',
  'NSA',
  'prépa-métiers',
];

/** Folded spellings → grade, longest first when matching. */
const SPELLINGS: Array<[string, Grade]> = [
  ['toute petite section', 'TPS'],
  ['tps', 'TPS'],
  ['petite section', 'PS'],
  ['ps', 'PS'],
  ['moyenne section', 'MS'],
  ['ms', 'MS'],
  ['grande section', 'GS'],
  ['gs', 'GS'],
  ['cours preparatoire', 'CP'],
  ['cp', 'CP'],
  ['ce 1', 'CE1'],
  ['ce1', 'CE1'],
  ['ce 2', 'CE2'],
  ['ce2', 'CE2'],
  ['cm 1', 'CM1'],
  ['cm1', 'CM1'],
  ['cm 2', 'CM2'],
  ['cm2', 'CM2'],
  ['sixieme', '6e'],
  ['cinquieme', '5e'],
  ['quatrieme', '4e'],
  ['troisieme', '3e'],
  ['seconde', '2nde'],
  ['premiere', '1re'],
  ['terminale', 'Tle'],
  ['tle', 'Tle'],
  ['term', 'Tle'],
  ['non scolarise', 'hors_scolarite'],
  ['non scolarisee', 'hors_scolarite'],
  ['hors scolarite', 'hors_scolarite'],
  ['descolarise', 'hors_scolarite'],
  ['descolarisee', 'hors_scolarite'],
];

const NUMBERED: Record<string, Grade> = {
  '6': '6e',
  '5': '5e',
  '4': '4e',
  '3': '3e',
  '2': '2nde',
  '1': '1re',
};

function findProgramme(folded: string): string | undefined {
  for (const p of PROGRAMMES) {
    if (new RegExp(`(^| )${foldText(p)}( |$)`).test(folded)) return p;
  }
  return undefined;
}

function findGrade(folded: string): Grade | undefined {
  for (const [spelling, grade] of SPELLINGS) {
    if (new RegExp(`(^| )${spelling}( |$)`).test(folded)) return grade;
  }
  // «6e», «6ème», «6eme», «6°», «5 eme», «2de», «2nd», «1ere», «1re»
  const m = /(?:^| )([1-6])\s?(?:e|eme|em|ieme|°|de|nd|nde|ere|re|er)(?: |$)/.exec(
    folded.replace(/°/g, '°'),
  );
  if (m) return NUMBERED[m[1]!];
  return undefined;
}

export function normaliseGrade(input: unknown): Normalised<GradeValue> {
  if (typeof input !== 'string' || !input.trim()) return reject('classe manquante');
  const folded = foldText(input.replace(/°/g, 'e'));
  const grade = findGrade(folded);
  const programme = findProgramme(folded);
  if (grade) return accept(programme ? { grade, programme } : { grade });
  if (programme === 'ULIS' || programme === 'UPE2A' || programme === 'SEGPA') {
    return reject(`classe non précisée à côté du dispositif ${programme} : « ${input.trim()} »`);
  }
  return reject(
    `classe inconnue : « ${input.trim()} » (attendu par exemple CP, CE1, 6e, grande section)`,
  );
}
