/** What the options page accepts as the team's e-mail domains, and how it shows a site. */
import { describe, expect, it } from 'vitest';
import { parseDomains, siteOfPattern } from '../../extension/pages/site-patterns';

describe('options page input', () => {
  it('domains: one per line or separated, «@» dropped, lower case, once each; the invalid apart', () => {
    expect(parseDomains('Ville-Exemple.fr\n@ccas.fr, ville-exemple.fr ; pas un domaine\n')).toEqual(
      {
        domains: ['ccas.fr', 'ville-exemple.fr'],
        invalid: ['pas', 'un', 'domaine'],
      },
    );
    expect(parseDomains('  ')).toEqual({ domains: [], invalid: [] });
    expect(parseDomains('exemple..fr http://x.fr').invalid).toEqual(['exemple..fr', 'http://x.fr']);
  });

  it('shows a site pattern as its host', () => {
    expect(siteOfPattern('https://intranet.ville-exemple.fr/*')).toBe('intranet.ville-exemple.fr');
  });
});
