import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  isoToExcelSerial,
  formatLongFrenchDate,
  initialsOf,
  normaliseDate,
  normaliseGrade,
  normaliseName,
  normalisePhone,
  normaliseReferralSource,
  normaliseRelation,
  normaliseSex,
  normaliseStatus,
  splitFullName,
  foldText,
} from '../../shared/parcours';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }) =>
  result.ok ? result.value : `ERREUR ${result.reason}`;

describe('normaliseDate', () => {
  it.each([
    ['03/04/2015', '2015-04-03'],
    ['3/4/15', '2015-04-03'],
    ['3/4/2015', '2015-04-03'],
    ['03.04.2015', '2015-04-03'],
    ['03-04-2015', '2015-04-03'],
    ['3 avril 2015', '2015-04-03'],
    ['1er mars 2016', '2016-03-01'],
    ['lundi 3 avril 2017', '2017-04-03'],
    ['3 avr. 2015', '2015-04-03'],
    ['14 Février 2016', '2016-02-14'],
    ['25 aout 2014', '2014-08-25'],
    ['2015-04-03', '2015-04-03'],
    ['2015-04-03T00:00:00Z', '2015-04-03'],
  ])('reads %s', (input, expected) => {
    expect(value(normaliseDate(input))).toBe(expected);
  });

  it('uses the reference year for «1er mars»', () => {
    expect(value(normaliseDate('1er mars', { defaultYear: 2026 }))).toBe('2026-03-01');
    expect(normaliseDate('1er mars').ok).toBe(false);
  });

  it('reads Excel serial numbers, including the 1900 leap-year bug', () => {
    expect(value(normaliseDate(42097))).toBe('2015-04-03');
    expect(value(excelSerialToIso(1))).toBe('1900-01-01');
    expect(value(excelSerialToIso(59))).toBe('1900-02-28');
    expect(value(excelSerialToIso(61))).toBe('1900-03-01');
    expect(excelSerialToIso(60).ok).toBe(false);
    expect(isoToExcelSerial('1900-01-01')).toBe(1);
    expect(isoToExcelSerial('1900-02-28')).toBe(59);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('2014-05-12')).toBe(41771);
    expect(isoToExcelSerial('2014-02-30')).toBeNull();
    for (const serial of [1, 59, 61, 41771, 45_900]) {
      expect(isoToExcelSerial(value(excelSerialToIso(serial)))).toBe(serial);
    }
    expect(value(normaliseDate(45658.75))).toBe('2025-01-01');
  });

  it('reads Date objects by their calendar day', () => {
    expect(value(normaliseDate(new Date(Date.UTC(2015, 3, 3))))).toBe('2015-04-03');
  });

  it.each(['31/02/2016', '30/02/2017', '29/02/2015', '32/01/2015', '12/13/2015', '2015-02-30'])(
    'rejects the impossible date %s in French',
    (input) => {
      const result = normaliseDate(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^date impossible/);
    },
  );

  it('accepts 29 February of a leap year', () => {
    expect(value(normaliseDate('29/02/2016'))).toBe('2016-02-29');
  });

  it('rejects dates after a limit and unreadable text', () => {
    const future = normaliseDate('01/01/2030', { notAfter: '2026-11-23' });
    expect(future.ok || future.reason).toBe('date dans le futur : 01/01/2030');
    const text = normaliseDate('bientôt');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.reason).toContain('date illisible');
    expect(normaliseDate('3 brumaire 2015').ok).toBe(false);
  });

  it('formats long French dates', () => {
    expect(formatLongFrenchDate('2026-01-14')).toBe('mercredi 14 janvier 2026');
    expect(formatLongFrenchDate('2026-01-27')).toBe('mardi 27 janvier 2026');
    expect(formatLongFrenchDate('2026-03-01', false)).toBe('1er mars 2026');
  });
});

describe('normaliseGrade', () => {
  it.each([
    ['CE 1', { grade: 'CE1' }],
    ['ce1', { grade: 'CE1' }],
    ['CM2', { grade: 'CM2' }],
    ['6ème', { grade: '6e' }],
    ['6eme', { grade: '6e' }],
    ['6e', { grade: '6e' }],
    ['5°', { grade: '5e' }],
    ['sixième', { grade: '6e' }],
    ['6e SEGPA', { grade: '6e', programme: 'SEGPA' }],
    ['6ème SEGPA', { grade: '6e', programme: 'SEGPA' }],
    ['CM1 (ULIS)', { grade: 'CM1', programme: 'ULIS' }],
    ['CE2 - UPE2A', { grade: 'CE2', programme: 'UPE2A' }],
    ['CE1 RASED', { grade: 'CE1', programme: 'RASED' }],
    ['grande section', { grade: 'GS' }],
    ['Petite Section', { grade: 'PS' }],
    ['moyenne section', { grade: 'MS' }],
    ['TPS', { grade: 'TPS' }],
    ['2nde', { grade: '2nde' }],
    ['seconde', { grade: '2nde' }],
    ['1ère', { grade: '1re' }],
    ['terminale', { grade: 'Tle' }],
    ['non scolarisé', { grade: 'hors_scolarite' }],
  ])('reads %s', (input, expected) => {
    expect(value(normaliseGrade(input))).toEqual(expected);
  });

  it('rejects unknown grades in French', () => {
    const result = normaliseGrade('CE7');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toBe(
        'classe inconnue : « CE7 » (attendu par exemple CP, CE1, 6e, grande section)',
      );
  });
});

describe('normaliseReferralSource', () => {
  it.each([
    ['MDS', 'service_social'],
    ['la directrice de l’école', 'education_nationale'],
    ['Ecole Jean Zay (directrice)', 'education_nationale'],
    ['CPE collège', 'education_nationale'],
    ['Infirmière scolaire', 'education_nationale'],
    ['RASED', 'education_nationale'],
    ['enseignant', 'education_nationale'],
    ['AS de secteur', 'service_social'],
    ['assistante sociale', 'service_social'],
    ['CCAS', 'service_social'],
    ['CAF', 'caf'],
    ['travailleuse sociale de la Caf', 'caf'],
    ['CMP', 'sante'],
    ['CMPP', 'sante'],
    ['médecin traitant', 'sante'],
    ['Association Ensemble', 'association'],
    ['Association École et Famille', 'association'],
    ['PMI', 'sante'],
    ['la maman', 'famille'],
    ['le papa', 'famille'],
    ['famille', 'famille'],
    ['centre social', 'mairie'],
    ['Mairie', 'mairie'],
    ['service jeunesse', 'mairie'],
    ['Direction de l’Éducation – Ville d’Avignon', 'mairie'],
    ['PMI de Pissevin', 'sante'],
    ['Centre médico-psychologique enfants', 'sante'],
    ['Centre médico-social de Pissevin', 'service_social'],
    ['Conseillère principale d’éducation', 'education_nationale'],
    ['Service de prévention spécialisée', 'association'],
    ['autre', 'autre'],
  ])('reads %s', (input, expected) => {
    expect(value(normaliseReferralSource(input))).toBe(expected);
  });
  it('rejects an unknown source in French', () => {
    expect(normaliseReferralSource('xyz').ok).toBe(false);
  });
});

describe('normaliseStatus', () => {
  it.each([
    ['en cours', 'en_cours'],
    ['suivi en cours', 'en_cours'],
    ['attente EPS', 'attente_eps'],
    ['En attente', 'attente_eps'],
    ['sorti', 'sorti'],
    ['Sortie', 'sorti'],
    ['refus famille', 'refus'],
    ['non retenu EPS', 'non_retenu'],
    ['repéré', 'repere'],
    ['saisine reçue', 'repere'],
    ['repérage', 'repere'],
    ['en veille', 'suspendu'],
    ['Fin de prise en charge', 'sorti'],
    ['Réorienté', 'sorti'],
    ['suspendu', 'suspendu'],
    ['clôturé', 'sorti'],
  ])('reads %s', (input, expected) => {
    expect(value(normaliseStatus(input))).toBe(expected);
  });
  it('rejects an unknown status', () => {
    expect(normaliseStatus('peut-être').ok).toBe(false);
  });
});

describe('normaliseSex and normaliseRelation', () => {
  it.each([
    ['F', 'F'],
    ['fille', 'F'],
    ['G', 'M'],
    ['Garçon', 'M'],
    ['M', 'M'],
    ['masculin', 'M'],
  ])('sex %s', (input, expected) => expect(value(normaliseSex(input))).toBe(expected));
  it('rejects an unknown sex', () => expect(normaliseSex('X').ok).toBe(false));
  it.each([
    ['mère', 'mere'],
    ['la maman', 'mere'],
    ['Père', 'pere'],
    ['papa', 'pere'],
    ['tutrice', 'tuteur'],
    ['grand-mère', 'autre'],
  ])('relation %s', (input, expected) => expect(value(normaliseRelation(input))).toBe(expected));
});

describe('normalisePhone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-84-04-17-27', '+33684041727'],
    ['0612345678', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['0751 84 29 06', '+33751842906'],
    ['04 66 27 50 00', '+33466275000'],
    [612345678, '+33612345678'],
    ['0690 12 34 56', '+33690123456'],
    ['0694 30 70 27', '+33694307027'],
    ['0262 12 34 56', '+33262123456'],
    ['00590 690 12 34 56', '+590690123456'],
    ['+262 692 12 34 56', '+262692123456'],
  ])('reads %s', (input, expected) => {
    expect(value(normalisePhone(input))).toBe(expected);
  });
  it.each(['06 12 34', '12/03/2015', 'appeler la mairie', '0612345678901'])(
    'rejects %s',
    (input) => {
      expect(normalisePhone(input).ok).toBe(false);
    },
  );
});

describe('names', () => {
  it('trims and collapses spaces, keeps capitalisation', () => {
    expect(normaliseName('  MEZIANE   Rayane ')).toBe('MEZIANE Rayane');
    expect(normaliseName('Arnaud - Sicard')).toBe('Arnaud-Sicard');
    expect(normaliseName('   ')).toBeUndefined();
  });
  it.each([
    ['MEZIANE Rayane', { lastName: 'MEZIANE', firstName: 'Rayane' }],
    ['Rayane MEZIANE', { firstName: 'Rayane', lastName: 'MEZIANE' }],
    ['Mme Karima MEZIANE', { firstName: 'Karima', lastName: 'MEZIANE' }],
    ['BEN SALAH Yasmine', { lastName: 'BEN SALAH', firstName: 'Yasmine' }],
    ["N'DIAYE Aminata", { lastName: "N'DIAYE", firstName: 'Aminata' }],
    ['Jean-Pierre DA SILVA', { firstName: 'Jean-Pierre', lastName: 'DA SILVA' }],
    ['Ben Salah Yasmine', { lastName: 'Ben Salah', firstName: 'Yasmine' }],
    ['Meziane Rayane', { lastName: 'Meziane', firstName: 'Rayane' }],
  ])('splits %s', (input, expected) => {
    expect(splitFullName(input)).toEqual(expected);
  });
  it('splits «Prénom Nom» when asked', () => {
    expect(splitFullName('Rayane Meziane', 'prenom-nom')).toEqual({
      firstName: 'Rayane',
      lastName: 'Meziane',
    });
    expect(splitFullName('Jean de La Fontaine', 'prenom-nom')).toEqual({
      firstName: 'Jean',
      lastName: 'de La Fontaine',
    });
  });
  it('makes initials', () => {
    expect(initialsOf('Rayane', 'MEZIANE')).toBe('R. M.');
    expect(initialsOf('Jean-Pierre', 'DA SILVA')).toBe('J.P. D.S.');
  });
  it('folds accents, case and punctuation', () => {
    expect(foldText('N’Diaye')).toBe(foldText('n diaye'));
    expect(foldText('Éloïse  ŒUVRAY')).toBe('eloise oeuvray');
  });
  it('folds plain ASCII (its fast path) as the full Unicode path does', () => {
    expect(foldText(' Jean-Pierre  (O.K.) ;  DA_SILVA\t/ x ')).toBe('jean pierre o k da silva x');
    expect(foldText('Nom Prenom')).toBe(foldText('Nom Prénom'));
    expect(foldText('')).toBe('');
  });
});
