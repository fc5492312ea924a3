import { describe, expect, it } from 'vitest';
import { namesIndexFromPeople, scan, type ScanOptions } from '../../shared/anonymisation';
import type { KnownPerson } from '../../shared/parcours';

const people: KnownPerson[] = [
  { code: 'PRE-2025-001', kind: 'enfant', firstName: 'Rayane', lastName: 'MEZIANE' },
  { code: 'PRE-2025-001', kind: 'responsable', firstName: 'Karima', lastName: 'MEZIANE' },
  { code: 'PRE-2025-002', kind: 'enfant', firstName: 'Aïssatou', lastName: "N'DIAYE" },
  { code: 'PRE-2025-003', kind: 'enfant', firstName: 'Yasmine', lastName: 'BEN SALAH' },
  { code: 'PRE-2025-004', kind: 'enfant', firstName: 'Hugo', lastName: 'de La Fontaine' },
  { code: 'PRE-2025-005', kind: 'enfant', firstName: 'Rose', lastName: 'KANAGARATNAM' },
];
const withCaseload: ScanOptions = {
  names: namesIndexFromPeople(people, { professionals: ['Laurène Lacan'] }),
};

const persons = (text: string, options: ScanOptions = {}) =>
  scan(text, options)
    .findings.filter((f) => f.type === 'PERSONNE')
    .map((f) => text.slice(f.start, f.end));

describe('names with the caseload', () => {
  it('matches case- and accent-insensitively, in both orders, with variants and typos', () => {
    expect(persons('rdv avec rayane meziane puis MEZIANE Rayane', withCaseload)).toEqual([
      'rayane meziane',
      'MEZIANE Rayane',
    ]);
    expect(persons('Aissatou Ndiaye et la famille Bensalah', withCaseload)).toEqual([
      'Aissatou Ndiaye',
      'Bensalah',
    ]);
    expect(persons('Hugo de La Fontaine est venu', withCaseload)).toEqual(['Hugo de La Fontaine']);
    expect(persons('Kanagaratman (faute de frappe) est absent', withCaseload)).toEqual([
      'Kanagaratman',
    ]);
  });
  it('gives codes and kinds: the child, a guardian, the family', () => {
    const f = scan(
      'Mme Karima Meziane et Rayane, la famille Meziane',
      withCaseload,
    ).findings.filter((x) => x.type === 'PERSONNE');
    expect(f.map((x) => [x.code, x.personKind ?? 'famille', x.label])).toEqual([
      ['PRE-2025-001', 'responsable', 'nom d’un parent d’enfant suivi'],
      ['PRE-2025-001', 'enfant', 'nom d’un enfant suivi'],
      ['PRE-2025-001', 'famille', 'nom d’une famille suivie'],
    ]);
  });
  it('needs a capital for names that are words', () => {
    expect(persons('une rose rouge pour Rose KANAGARATNAM', withCaseload)).toEqual([
      'Rose KANAGARATNAM',
    ]);
  });
  it('knows the référents as professionals', () => {
    const f = scan('Laurène Lacan suit Rayane.', withCaseload).findings;
    expect(f.map((x) => x.role)).toEqual(['professionnel', 'beneficiaire']);
  });
});

describe('names without the caseload', () => {
  it('finds names after civilities, kinship words and in capitals', () => {
    expect(
      persons('La maman, Mme Fatou Diallo, et son fils Moussa. Le papa d’Oumar aussi.'),
    ).toEqual(['Fatou Diallo', 'Moussa', 'Oumar']);
    expect(persons('Dossier de TRAORÉ Awa, vue avec M. Le Gall.')).toEqual([
      'TRAORÉ Awa',
      'Le Gall',
    ]);
    expect(persons('bonjour madame lacan c fatma la maman de zeynep')).toEqual([
      'lacan',
      'fatma',
      'zeynep',
    ]);
  });
  it('propagates a name found once to its other mentions', () => {
    expect(persons('Le petit Ousseni a 8 mois. Ousseni dort mal. OUSSENI pleure.')).toEqual([
      'Ousseni',
      'Ousseni',
      'OUSSENI',
    ]);
  });
  it('reads «NOM Prénom» columns of spreadsheet text', () => {
    const text = 'NOM;PRENOM;CLASSE\nZOUGGARI;Ilyes;CM1\nTAVARES;Noa;CE2';
    expect(persons(text)).toEqual(['ZOUGGARI', 'Ilyes', 'TAVARES', 'Noa']);
  });
  it('finds initials', () => {
    expect(persons('Z. M. est arrivée en septembre ; Kenzo D.S. aussi.')).toEqual([
      'Z. M.',
      'Kenzo D.S.',
    ]);
  });
});

describe('what is not a person', () => {
  it('leaves common words, institutions, towns and organisations alone', () => {
    const text =
      'Il offre une rose et la pierre du jardin après le petit déjeuner. La CAF, la MDS, le CMP et l’Éducation nationale à Nîmes. Rendez-vous à la médiathèque Marc Bernard puis au code PRE-2025-014.';
    expect(persons(text)).toEqual([]);
  });
  it('reports a school named after a person as ETABLISSEMENT', () => {
    const f = scan('Yanis BENALI est en CM1 à l’école Jean Jaurès.').findings;
    expect(f.map((x) => x.type)).toEqual(['PERSONNE', 'CLASSE', 'ETABLISSEMENT']);
  });
});

describe('roles', () => {
  it('tells professionals from headers, signatures and titles', () => {
    const text = [
      'De : Laurène Lacan <l.lacan@pre-nimes.fr>',
      'À : pre@ville-nimes.fr',
      '',
      'Bonjour,',
      'La psychologue, Mme Roux, a vu Yanis BENALI. Sa maman est joignable au 06 12 34 56 78.',
      '',
      'Cordialement,',
      'Laurène Lacan',
      'PRE de Nîmes – 06 41 27 83 55',
    ].join('\n');
    const f = scan(text).findings.filter((x) => x.direct);
    const roleOf = (s: string) => f.find((x) => text.slice(x.start, x.end) === s)?.role;
    expect(roleOf('Laurène Lacan')).toBe('professionnel');
    expect(roleOf('pre@ville-nimes.fr')).toBe('institution');
    expect(roleOf('Roux')).toBe('professionnel');
    expect(roleOf('Yanis BENALI')).toBe('beneficiaire');
    expect(roleOf('06 12 34 56 78')).toBe('beneficiaire');
    expect(roleOf('06 41 27 83 55')).toBe('professionnel');
  });
});
