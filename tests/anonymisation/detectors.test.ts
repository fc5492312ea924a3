import { describe, expect, it } from 'vitest';
import { ibanValid, nirKey, ribKey, scan, type FindingType } from '../../shared/anonymisation';

const types = (text: string) =>
  scan(text).findings.map((f) => [f.type, text.slice(f.start, f.end)]);
const only = (text: string, type: FindingType) =>
  scan(text)
    .findings.filter((f) => f.type === type)
    .map((f) => text.slice(f.start, f.end));

describe('NIR', () => {
  it('computes the key, Corsica included', () => {
    expect(nirKey('1780299352083')).toBe(97 - (1780299352083 % 97));
    expect(nirKey('285022A012345')).toBe(97 - (2850219012345 % 97));
    expect(nirKey('185072B012345')).toBe(97 - (1850718012345 % 97));
  });
  it('finds valid NIRs spaced, dotted or compact, and rejects a wrong key', () => {
    const key = String(nirKey('1780299352083')).padStart(2, '0');
    expect(only(`NIR : 1 78 02 99 352 083 ${key}.`, 'NIR')).toEqual([`1 78 02 99 352 083 ${key}`]);
    expect(only(`n° 1.78.02.99.352.083.${key}`, 'NIR')).toHaveLength(1);
    expect(only(`sécu 1780299352083${key}`, 'NIR')).toHaveLength(1);
    const wrong = String((Number(key) % 97) + 1).padStart(2, '0');
    expect(only(`dossier 1 78 02 99 352 083 ${wrong}`, 'NIR')).toEqual([]);
    // Announced, the 13 digits are still a NIR; the two wrong digits are not its key.
    expect(only(`NIR : 1 78 02 99 352 083 ${wrong}`, 'NIR')).toEqual(['1 78 02 99 352 083']);
  });
  it('finds a Corsican NIR and a keyless one only when announced', () => {
    const key = String(nirKey('185072B012345')).padStart(2, '0');
    expect(only(`numéro 1 85 07 2B 012 345 ${key}`, 'NIR')).toHaveLength(1);
    expect(only('n° de sécurité sociale : 1 78 02 99 352 083', 'NIR')).toHaveLength(1);
    expect(only('commande 1780299352083 livrée', 'NIR')).toEqual([]);
  });
});

describe('IBAN, RIB, INE, CAF', () => {
  it('checks IBAN and RIB keys', () => {
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(ribKey('30002', '00502', '00000157842')).toBe(
      97 - ((89 * 30002 + 15 * 502 + 3 * 157842) % 97),
    );
  });
  it('finds IBANs spaced or not, and RIBs with their key', () => {
    expect(only('IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'IBAN')).toEqual([
      'FR76 3000 6000 0112 3456 7890 189',
    ]);
    expect(only('IBAN FR7630006000011234567890189', 'IBAN')).toHaveLength(1);
    expect(only('IBAN FR76 3000 6000 0112 3456 7890 188', 'IBAN')).toEqual([]);
    const key = String(ribKey('30002', '00502', '00000157842')).padStart(2, '0');
    expect(only(`RIB 30002 00502 00000157842 ${key}`, 'IBAN')).toHaveLength(1);
  });
  it('finds INE forms and CAF numbers in context only', () => {
    expect(only('INE : 0301844219T', 'INE')).toEqual(['0301844219T']);
    expect(only('INE 123456789AB', 'INE')).toHaveLength(1);
    expect(only('allocataire n° 8135702', 'NUM_ALLOCATAIRE')).toEqual(['8135702']);
    expect(only('commande 8135702 expédiée', 'NUM_ALLOCATAIRE')).toEqual([]);
  });
});

describe('phones', () => {
  it('finds every French form', () => {
    for (const phone of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '0751 84 29 06',
      // As Word and Outlook write them: no-break spaces, narrow ones, or mixed with plain spaces.
      '06\u00a012\u00a034\u00a056\u00a078',
      '06\u202f12\u202f34\u202f56\u202f78',
      '06 12\u00a034 56 78',
    ]) {
      expect(only(`Appelez le ${phone} demain.`, 'TELEPHONE')).toEqual([phone]);
    }
  });
  it('does not take dates, amounts, SIRET or long ids for phones', () => {
    expect(only('le 12/03/2025 à 14h, 1 250,00 €, SIRET 123 456 789 00012', 'TELEPHONE')).toEqual(
      [],
    );
    expect(only('référence 061234567890123', 'TELEPHONE')).toEqual([]);
    expect(only('dossier 06 12 34 56 78 90', 'TELEPHONE')).toEqual([]);
  });
  it('finds a phone followed by a street number or by another phone', () => {
    // Found by the pseudonymisation property: both were missed, then found once replaced around.
    expect(only('Mme Meziane 06 12 34 56 78 12 rue des Lilas', 'TELEPHONE')).toEqual([
      '06 12 34 56 78',
    ]);
    expect(only('tél. 06 12 34 56 78 01 23 45 67 89', 'TELEPHONE')).toEqual([
      '06 12 34 56 78',
      '01 23 45 67 89',
    ]);
  });
  it('gives a phone its owner: a parent named before it, an institution, or presumed', () => {
    const role = (text: string) => scan(text).findings.find((f) => f.type === 'TELEPHONE')?.role;
    // The text names no child: a parent word on the line still makes the number the family's.
    expect(role('Le portable de la maman : 06 12 34 56 78')).toBe('beneficiaire');
    expect(role('Numéro du père, 07 12 34 56 78, à rappeler.')).toBe('beneficiaire');
    expect(role('Standard du collège : 01 23 45 67 89')).toBe('institution');
    expect(role('Vous pouvez appeler le 01 23 45 67 89.')).toBe('institution');
  });
});

describe('e-mails, addresses, birth dates', () => {
  it('finds e-mails and tells institutions', () => {
    const f = scan('Écrire à pre@ville-nimes.fr ou à karima.meziane@gmail.com.').findings;
    expect(f.map((x) => [x.type, x.role])).toEqual([
      ['EMAIL', 'institution'],
      ['EMAIL', 'beneficiaire'],
    ]);
  });
  it('finds addresses with bis/ter, building, flat, postcode and town', () => {
    expect(
      only(
        'Nouvelle adresse : 27 bis avenue de la Croix Rouge, bât. C, appartement 12, 84000 Avignon. Merci',
        'ADRESSE',
      ),
    ).toEqual(['27 bis avenue de la Croix Rouge, bât. C, appartement 12, 84000 Avignon']);
    expect(
      only('Domicile : aire de la Bastide, chemin du Mas, 30900 Nîmes (caravane)', 'ADRESSE'),
    ).toHaveLength(1);
    expect(only('Il habite au 4e étage.', 'ADRESSE')).toEqual([]);
  });
  it('finds birth dates in context, not other dates', () => {
    expect(only('Né le : 17 février 2015 à Craiova', 'DATE_NAISSANCE')).toEqual([
      '17 février 2015',
    ]);
    expect(only('DDN 03/04/2015', 'DATE_NAISSANCE')).toEqual(['03/04/2015']);
    expect(only('Rendez-vous le 03/04/2025 au collège.', 'DATE_NAISSANCE')).toEqual([]);
  });
});

describe('quasi-identifiers and sensitive content', () => {
  it('reports them apart from direct identifiers when a beneficiary is named', () => {
    const text =
      'Rayane MEZIANE (10 ans, CM2, école Jean Jaurès) a un suivi CMP et une mesure d’AEMO.';
    const found = scan(text).findings;
    expect(found.filter((f) => !f.direct).map((f) => f.type)).toEqual([
      'AGE',
      'CLASSE',
      'ETABLISSEMENT',
      'SANTE',
      'JUSTICE_PROTECTION',
    ]);
    expect(scan(text).warnings.length).toBeGreaterThan(0);
  });
  it('ignores durations, ranges, floors and classes of groups', () => {
    expect(
      types(
        'Yanis BENALI : depuis 3 ans, des enfants de 2 à 16 ans, au 4e étage, les élèves de 3e.',
      ).filter(([t]) => t !== 'PERSONNE'),
    ).toEqual([]);
  });
});
