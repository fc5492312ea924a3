/**
 * shared/anonymisation — finds personal data in French text, pseudonymises it
 * and proves nothing identifying is left.
 *
 * `scan` reports direct identifiers (names, e-mails, phones, addresses, birth
 * dates, NIR, INE, IBAN/RIB, CAF numbers) apart from quasi-identifiers and
 * sensitive content, each with offsets, type, role, confidence, a French
 * reason, a proposed replacement and the policy's verdict. `pseudonymise`
 * replaces, re-scans and returns leftovers; `depseudonymise` reverses locally.
 * Needs: a `NamesIndex` of the caseload (from `KnownPerson[]` or a compact
 * Bloom filter) when available, a policy, a reference date. Pure, no I/O.
 */
export * from './types';
export { scan, MAX_SCAN_CHARS } from './scan';
export {
  pseudonymise,
  pseudonymiseWithMemory,
  depseudonymise,
  mentionsPseudonym,
  type PseudonymiseOptions,
  type PseudonymiseResult,
  type Replacement,
} from './pseudonymise';
export { createIncrementalScanner, scanByParagraph, type IncrementalScanner } from './incremental';
export {
  namesIndexFromPeople,
  namesIndexFromBloom,
  namesBloomFromPeople,
  type NamesIndex,
  type NameEntry,
  type NamesIndexOptions,
} from './names-index';
export { BloomFilter } from './bloom';
export { PARTENAIRE_EXTERNE, MEMBRE_EPS, POLICIES, policyByName, type Policy } from './policy';
export { nirKey, ibanValid, ribKey } from './detect/checksums';
