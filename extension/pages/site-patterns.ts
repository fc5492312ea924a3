/**
 * What the user types in the options page, checked: e-mail domains
 * («ville-exemple.fr», «@ccas.fr»), and a site to enable («intranet.ville.fr»,
 * «https://intranet.ville.fr/dossiers») as the match pattern the browser's
 * optional permissions take (`https://intranet.ville.fr/*`).
 */
import { PasserelleError } from '../../shared/parcours';

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

/** The https match pattern of a site the user names; only https sites can be enabled. */
export function sitePattern(input: string): string {
  const text = input.trim();
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw notASite(text);
  }
  if (url.protocol !== 'https:')
    throw new PasserelleError(
      'options/site-http',
      `« ${text} » n’est pas un site sécurisé (https) : Passerelle ne vérifie que les sites en https.`,
    );
  if (!DOMAIN.test(url.hostname)) throw notASite(text);
  return `https://${url.hostname}/*`;
}

/** The host a pattern covers, as the list shows it. */
export const siteOfPattern = (pattern: string) =>
  pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');

function notASite(text: string) {
  return new PasserelleError(
    'options/site',
    `« ${text} » n’est pas une adresse de site : écrivez par exemple intranet.ville-exemple.fr.`,
  );
}
