/**
 * shared/indicators — the annual bilan and the national survey's figures.
 *
 * Pure functions over `ParcoursRecord[]` (no store, no I/O): every indicator
 * of the data dictionary §5 for a school year or any period, each figure with
 * its numerator, denominator and the parcours codes behind it; the counting
 * rules in French (`RULES`); a data-quality report by code; a text view for
 * people, with small counts masked for anything leaving the team.
 * Needs only shared/parcours.
 */
export { computeBilan } from './compute';
export { schoolYearPeriod, datesPeriod, type Period } from './period';
export {
  RULES,
  AGE_BANDS,
  SCHOOL_TYPES,
  entryDate,
  presenceIn,
  ageReferenceDate,
  ageBandOf,
  schoolTypeOf,
  type CountingRule,
  type RuleId,
  type Presence,
} from './rules';
export { NATIONAL, NATIONAL_SOURCE } from './national';
export {
  viewBilan,
  qualitySummary,
  percent,
  DEFAULT_THRESHOLD,
  type ViewOptions,
  type BilanView,
  type TableView,
  type KeyFigureView,
} from './view';
export type {
  Bilan,
  BilanOptions,
  IndicatorRow,
  IndicatorTable,
  KeyFigure,
  FigureKind,
  QualityIssue,
  QualitySeverity,
} from './types';
