/**
 * The team's internal e-mail domains (a setting): which recipients are inside
 * the team. A recipient at a listed domain or one of its subdomains is
 * internal; everything else, an empty address included, is outside.
 */

/** A domain as the setting accepts it: letters, digits, hyphens, at least one dot. */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export interface ParsedDomains {
  domains: string[];
  /** What the user typed that is not a domain, as typed. */
  invalid: string[];
}

/** «@nimes.fr, ville-nimes.fr» (commas, spaces, new lines) → sorted unique domains. */
export function parseDomains(text: string): ParsedDomains {
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw) continue;
    const domain = raw.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
    if (DOMAIN.test(domain)) domains.add(domain);
    else invalid.push(raw);
  }
  return { domains: [...domains].sort(), invalid };
}

export function isInternal(address: string, internalDomains: readonly string[]): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** How many recipients are outside the team (no recipient at all counts as one: fail safe). */
export function externalCount(addresses: readonly string[], internalDomains: readonly string[]) {
  if (!addresses.length) return 1;
  return addresses.filter((a) => !isInternal(a, internalDomains)).length;
}
