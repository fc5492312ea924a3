/** What the options page accepts as the team's e-mail domains and as a site to enable. */
import { describe, expect, it } from 'vitest';
import { parseDomains, siteOfPattern, sitePattern } from '../../extension/pages/site-patterns';

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

  it('a site becomes the https match pattern of its host', () => {
    expect(sitePattern('intranet.ville-exemple.fr')).toBe('https://intranet.ville-exemple.fr/*');
    expect(sitePattern(' https://Intranet.Ville-Exemple.fr/dossiers?id=3 ')).toBe(
      'https://intranet.ville-exemple.fr/*',
    );
    expect(siteOfPattern('https://intranet.ville-exemple.fr/*')).toBe('intranet.ville-exemple.fr');
  });

  it('refuses plain http, bare words and hostile input with a French message', () => {
    expect(() => sitePattern('http://intranet.fr')).toThrow(/https/);
    expect(() => sitePattern('intranet')).toThrow(/n’est pas une adresse de site/);
    expect(() => sitePattern('javascript:alert(1)')).toThrow(/n’est pas une adresse de site/);
    expect(() => sitePattern('https://*.evil.com')).toThrow(/n’est pas une adresse de site/);
    expect(() => sitePattern('')).toThrow(/n’est pas une adresse de site/);
  });
});
