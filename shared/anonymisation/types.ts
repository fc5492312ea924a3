/** The shapes the anonymisation capability hands to its callers. */
import type { NamesIndex } from './names-index';
import type { Policy } from './policy';

export const FINDING_TYPES = [
  'PERSONNE',
  'EMAIL',
  'TELEPHONE',
  'ADRESSE',
  'DATE_NAISSANCE',
  'NIR',
  'INE',
  'IBAN',
  'NUM_ALLOCATAIRE',
  'ETABLISSEMENT',
  'CLASSE',
  'AGE',
  'QUARTIER',
  'SANTE',
  'JUSTICE_PROTECTION',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** Direct identifiers: on their own they point at one person. */
export const DIRECT_TYPES: ReadonlySet<FindingType> = new Set<FindingType>([
  'PERSONNE',
  'EMAIL',
  'TELEPHONE',
  'ADRESSE',
  'DATE_NAISSANCE',
  'NIR',
  'INE',
  'IBAN',
  'NUM_ALLOCATAIRE',
]);

export type Role = 'beneficiaire' | 'professionnel' | 'public' | 'institution';

export interface Finding {
  /** JS string indices: `text.slice(start, end)` is the finding. */
  start: number;
  end: number;
  type: FindingType;
  role: Role;
  /** 0–1: how sure the detector is. */
  confidence: number;
  /** French reason, shown to the user: «NIR valide (clé 42)». */
  label: string;
  /** What pseudonymisation would write instead. */
  replacement: string;
  /** Direct identifier (vs quasi-identifier or sensitive content). */
  direct: boolean;
  /** Whether the policy forbids sharing it as is. */
  blocking: boolean;
  /** Parcours code of the person when the caseload knows them. */
  code?: string;
  /** Stable key of the person inside the text (folded name), for labels and propagation. */
  personKey?: string;
  /** Caseload kind when known: the child, a guardian, a sibling. */
  personKind?: 'enfant' | 'responsable' | 'fratrie';
}

/** A finding before roles, replacements and policy are settled. */
export interface RawFinding {
  start: number;
  end: number;
  type: FindingType;
  confidence: number;
  label: string;
  role?: Role;
  /** The role comes from strong evidence (header, signature, title) and should not be overridden. */
  roleSure?: boolean;
  code?: string;
  personKey?: string;
  personKind?: 'enfant' | 'responsable' | 'fratrie';
}

export interface ScanOptions {
  /** People of the caseload; without it, names are found from context alone. */
  names?: NamesIndex;
  policy?: Policy;
  /** Reference date (ISO) for ages computed from birth dates; today by default. */
  referenceDate?: string;
  /**
   * The caller knows the text is about a beneficiary (it names one by code or
   * label, see `mentionsPseudonym`): quasi-identifiers are reported even when
   * no direct identifier is left.
   */
  aboutBeneficiary?: boolean;
}

export interface ScanResult {
  findings: Finding[];
  /** Warnings about combinations of quasi-identifiers that single someone out. */
  warnings: string[];
}
