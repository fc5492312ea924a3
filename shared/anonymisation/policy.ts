/**
 * Sharing policies: what must be replaced before a text leaves the team.
 * «partenaire externe» replaces every beneficiary identifier; «membre de l'EPS
 * sous charte» allows parcours codes and initials.
 */
import { PasserelleError } from '../parcours';

export interface Policy {
  id: string;
  /** French name shown to the user. */
  label: string;
  /** Beneficiaries' names become initials («K. M.») instead of codes or labels. */
  initials: boolean;
  /** Birth dates become an age, a school year or a placeholder. */
  birthDate: 'age' | 'annee-scolaire' | 'masque';
  /** Quasi-identifiers (age, class, school, quartier) block sharing, not just warn. */
  blockQuasi: boolean;
  /** Sensitive content (health, protection) blocks sharing, not just warns. */
  blockSensitive: boolean;
  /** Professionals' names and contacts are replaced too. */
  replaceProfessionals: boolean;
}

export const PARTENAIRE_EXTERNE: Policy = {
  id: 'partenaire-externe',
  label: 'partenaire externe',
  initials: false,
  birthDate: 'age',
  blockQuasi: false,
  blockSensitive: false,
  replaceProfessionals: false,
};

export const MEMBRE_EPS: Policy = {
  id: 'membre-eps',
  label: 'membre de l’EPS sous charte',
  initials: true,
  birthDate: 'annee-scolaire',
  blockQuasi: false,
  blockSensitive: false,
  replaceProfessionals: false,
};

export const POLICIES: readonly Policy[] = [PARTENAIRE_EXTERNE, MEMBRE_EPS];

/** Finds a policy by id or French label; a clear French error otherwise. */
export function policyByName(name: string): Policy {
  const key = name.trim().toLowerCase();
  const found = POLICIES.find((p) => p.id === key || p.label === key || p.id.startsWith(key));
  if (!found) {
    throw new PasserelleError(
      'anonymisation/policy',
      `politique inconnue « ${name} » : choisissez ${POLICIES.map((p) => `« ${p.id} »`).join(' ou ')}.`,
    );
  }
  return found;
}
