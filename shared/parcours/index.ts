/**
 * shared/parcours — the vocabulary of Passerelle.
 *
 * The data dictionary as code: zod schemas of the parcours record, the EPS
 * session and their parts; every enumeration with its French labels; field
 * labels and header synonyms; the normalisers the importer and the email
 * extractor share; parcours codes, school years and ages; the one error type
 * (`PasserelleError`) and the one progress interface of the core.
 * Needs nothing but zod; runs in Node and browsers.
 */
export * from './errors';
export * from './progress';
export * from './text';
export * from './enums';
export * from './fields';
export * from './schema';
export * from './validate';
export * from './codes';
export * from './ports';
export type { Normalised } from './normalise/result';
export {
  normaliseDate,
  excelSerialToIso,
  isoToExcelSerial,
  isIsoDate,
  isRealDate,
  toIsoDate,
  formatLongFrenchDate,
  formatShortFrenchDate,
  MONTH_NAMES,
  type DateOptions,
} from './normalise/date';
export { normaliseGrade, type GradeValue } from './normalise/grade';
export {
  normaliseReferralSource,
  normaliseStatus,
  normaliseSex,
  normaliseRelation,
} from './normalise/categorical';
export { normalisePhone, formatFrenchPhone } from './normalise/phone';
export { normaliseName, splitFullName, initialsOf, type SplitName } from './normalise/name';
