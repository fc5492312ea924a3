/**
 * What the user types in the options page, checked: e-mail domains
 * («ville-exemple.fr», «@ccas.fr»); and a site's match pattern shown as its
 * host. Sites themselves are checked by `background/sites.ts`.
 */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** One domain per line or separated by commas/spaces; lower case, deduplicated, the invalid apart. */
export function parseDomains(text: string): { domains: string[]; invalid: string[] } {
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const domain = raw.trim().toLowerCase().replace(/^@/, '');
    if (!domain) continue;
    if (DOMAIN.test(domain)) domains.add(domain);
    else invalid.push(raw.trim());
  }
  return { domains: [...domains].sort(), invalid };
}

/** The host a pattern covers, as the list shows it. */
export const siteOfPattern = (pattern: string) =>
  pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
