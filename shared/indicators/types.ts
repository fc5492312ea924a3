/** The plain data a bilan is made of: what shells render and the CLI prints. */
import type { Period } from './period';
import type { CountingRule, RuleId } from './rules';

/** One line of a table: how many, out of how many, and which parcours (codes only). */
export interface IndicatorRow {
  key: string;
  /** French label. */
  label: string;
  count: number;
  /** count ÷ the table's denominator, 0–1; null when the denominator is 0. */
  share: number | null;
  /** Parcours codes behind the count, sorted. Never names. */
  codes: string[];
  /** The national share (ANCT) for comparison, 0–1, when the survey publishes one. */
  national?: number;
}

export interface IndicatorTable {
  id: string;
  /** French title. */
  title: string;
  /** Short French title (≤ 31 characters): a sheet name, a chart caption. */
  shortTitle: string;
  /** What is counted, plural French noun: «enfants», «parcours», «sorties», «actions». */
  unit: string;
  /** What the shares are taken of (e.g. the children in parcours). */
  denominator: number;
  /** One unit may sit in several rows (motifs): shares add up to more than 100 %. */
  multiValued: boolean;
  rows: IndicatorRow[];
  rules: RuleId[];
}

export type FigureKind = 'count' | 'share' | 'mean' | 'ratio';

/** A headline figure with what it is made of. */
export interface KeyFigure {
  id: string;
  label: string;
  kind: FigureKind;
  /** count, share (0–1), mean or ratio; null when it cannot be computed (denominator 0). */
  value: number | null;
  /** For a mean: the sum; otherwise the count on top. */
  numerator: number;
  denominator: number;
  /** French description of the denominator, e.g. «enfants en parcours». */
  denominatorLabel: string;
  unit?: string;
  codes: string[];
  /** French comparison text from the national survey, when relevant. */
  national?: string;
  rules: RuleId[];
}

export type QualitySeverity = 'bloquant' | 'incomplet';

/** A record that lacks what an indicator needs. */
export interface QualityIssue {
  code: string;
  /** Dictionary key of the field to fix, e.g. `child.birthDate`. */
  field: string;
  /** `bloquant`: the record is left out of the bilan; `incomplet`: it counts as «non renseigné» somewhere. */
  severity: QualitySeverity;
  /** French message without any name: what is missing, what it affects, what to do. */
  message: string;
}

export interface Bilan {
  period: Period;
  keyFigures: KeyFigure[];
  tables: IndicatorTable[];
  quality: QualityIssue[];
  /** Combinations neighbourhood × sex × age band that hold exactly one child (risk of singling out). */
  singledOutCombinations: number;
  rules: readonly CountingRule[];
  /** French source line of the national figures. */
  nationalSource: string;
}

export interface BilanOptions {
  /** Full-time équivalent référents; default: distinct référents named on the parcours of the period. */
  referentFte?: number;
}
