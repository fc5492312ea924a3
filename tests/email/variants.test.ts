/**
 * Messages the dev corpus does not show, built here: other clients' forward
 * and reply markers, other senders and roles, a parent writing, names in
 * «NOM Prénom» or ordinary case, siblings, non-referrals with children named.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { extractReferrals, readMailFile, splitSections } from '../../shared/email';
import { buildEml, type EmlParts } from './build-eml';

const extract = async (parts: EmlParts) => extractReferrals(await readMailFile(buildEml(parts)));

const referral = [
  'Bonjour,',
  '',
  'Je vous oriente MEZIANE Rayane, né le 03/04/2016, élève de CM1 à l’école Paul Bert.',
  'Rayane a des difficultés en lecture et se bat souvent dans la cour.',
  'Sa mère, Mme Karima Meziane, est joignable au 06 11 22 33 44.',
  '',
  'Cordialement,',
  '',
  'Claire Roux',
  'Directrice',
  'École Paul Bert – Salon-de-Provence',
  'Tél. 04 90 00 00 00',
].join('\n');

describe('forward and reply markers', () => {
  it.each([
    [
      'Outlook in English',
      'From: Claire Roux <claire.roux@ac-aix-marseille.fr>\nSent: Monday, February 9, 2026 8:47 AM\nTo: Mairie <education@ville.fr>\nSubject: Orientation PRE',
    ],
    [
      'Outlook «Message d’origine»',
      "-----Message d'origine-----\nDe : Claire Roux <claire.roux@ac-aix-marseille.fr>\nEnvoyé : lundi 9 février 2026 08:47\nÀ : Mairie <education@ville.fr>\nObjet : Orientation PRE",
    ],
    [
      'Thunderbird',
      '-------- Message transféré --------\nSujet : Orientation PRE\nDate : Mon, 9 Feb 2026 08:47:00 +0100\nDe : Claire Roux <claire.roux@ac-aix-marseille.fr>\nPour : Mairie <education@ville.fr>',
    ],
    [
      'Apple Mail',
      'Début du message réexpédié :\n\nDe: Claire Roux <claire.roux@ac-aix-marseille.fr>\nObjet: Orientation PRE\nDate: 9 février 2026 à 08:47:00 UTC+1\nÀ: Mairie <education@ville.fr>',
    ],
    [
      'Gmail',
      '---------- Forwarded message ---------\nFrom: Claire Roux <claire.roux@ac-aix-marseille.fr>\nDate: Mon, Feb 9, 2026 at 8:47 AM\nSubject: Orientation PRE\nTo: <education@ville.fr>',
    ],
  ])('reads the forwarded referral and its sender (%s)', async (_client, header) => {
    const result = await extract({
      from: 'Service Education <education@ville.fr>',
      subject: 'TR: Orientation PRE',
      date: 'Tue, 10 Feb 2026 09:00:00 +0100',
      text: `Bonjour,\n\nJe vous transfère cette demande pour suite à donner.\n\nMarc Petit\nService Éducation – Ville de Salon\n\n${header}\n\n${referral}`,
    });
    expect(result.drafts).toHaveLength(1);
    const { draft } = result.drafts[0]!;
    expect(draft.child).toMatchObject({
      lastName: 'MEZIANE',
      firstName: 'Rayane',
      birthDate: '2016-04-03',
      grade: 'CM1',
      school: 'École Paul Bert',
    });
    expect(draft.referral).toMatchObject({
      source: 'education_nationale',
      referrer: 'Claire Roux, directrice',
      date: '2026-02-09',
    });
    expect(draft.guardians).toEqual([
      { firstName: 'Karima', lastName: 'Meziane', relation: 'mere', phone: '+33611223344' },
    ]);
  });

  it('separates an English reply and its «>» lines', () => {
    const { sections } = splitSections(
      `Thanks, noted.\n\nOn Mon, Feb 9, 2026 at 8:47 AM, Claire Roux <c@x.fr> wrote:\n> Bonjour\n> Lyna GHALEM, née le 08/02/2017`,
    );
    expect(sections.map((s) => s.kind)).toEqual(['message', 'quoted']);
    expect(sections[1]!.header?.from?.address).toBe('c@x.fr');
  });

  it('proposes nothing for a short reply quoting an earlier referral', async () => {
    const result = await extract({
      subject: 'RE: Orientation PRE',
      from: 'PRE <pre@ville.fr>',
      text: `Bien reçu, merci.\n\nLe 9 févr. 2026 à 08:47, Claire Roux <claire.roux@ac-aix-marseille.fr> a écrit :\n${referral
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}`,
    });
    expect(result.drafts).toEqual([]);
  });
});

describe('senders and roles', () => {
  const signed = (signature: string, from = 'Anne Martin <a.martin@exemple.fr>') =>
    extract({
      from,
      text: `Bonjour,\n\nJe vous oriente Lucas DUPONT, 9 ans, en CE2 à l’école Jean Moulin. Il est très fatigué et anxieux.\n\nBien à vous,\n\n${signature}`,
    });

  it.each([
    [
      'Anne Martin\nPsychologue\nCMP enfants – Centre hospitalier de Montfavet',
      'sante',
      'Anne Martin, psychologue',
    ],
    ['Anne Martin\nPuéricultrice\nPMI de Pissevin', 'sante', 'Anne Martin, puéricultrice'],
    [
      'Anne Martin\nAssistante sociale\nCCAS de Salon-de-Provence',
      'service_social',
      'Anne Martin, assistante sociale',
    ],
    [
      'Anne Martin\nConseillère en économie sociale et familiale\nMaison des solidarités de Miramas',
      'service_social',
      'Anne Martin, conseillère en économie sociale et familiale',
    ],
    ['Anne Martin\nÉducatrice\nAssociation Rénovation', 'association', 'Anne Martin, éducatrice'],
    ['Anne Martin\nMédiatrice\nVille de Salon-de-Provence', 'mairie', 'Anne Martin, médiatrice'],
    [
      'Dr Anne Martin\nMédecin scolaire\nCentre médico-scolaire',
      'education_nationale',
      'Anne Martin, médecin scolaire',
    ],
    [
      'MARTIN Anne – Directrice de l’école Jean Moulin',
      'education_nationale',
      'Anne MARTIN, directrice',
    ],
  ])('reads «%s»', async (signature, source, referrer) => {
    const { drafts } = await signed(signature);
    expect(drafts[0]!.draft.referral).toMatchObject({ source, referrer });
  });

  it('takes any académie address as Éducation nationale, the Caf’s as caf', async () => {
    const ac = await signed(
      'Anne Martin\nAssistante sociale scolaire',
      'Anne Martin <anne.martin@ac-lyon.fr>',
    );
    expect(ac.drafts[0]!.draft.referral?.source).toBe('education_nationale');
    const caf = await signed(
      'Anne Martin\nTravailleuse sociale',
      'Anne Martin <anne.martin@caf13.caf.fr>',
    );
    expect(caf.drafts[0]!.draft.referral?.source).toBe('caf');
  });

  it('reads a parent who signs «Papa de Lucas»', async () => {
    const { drafts } = await extract({
      from: 'Karim Benali <k.benali@free.fr>',
      text: 'Bonjour,\n\nMon fils Lucas BENALI, 8 ans, en CE2, a besoin d’aide pour ses devoirs.\n\nCordialement,\nKarim Benali\nPapa de Lucas\n06 98 76 54 32',
    });
    expect(drafts[0]!.draft.referral?.source).toBe('famille');
    expect(drafts[0]!.draft.guardians).toEqual([
      {
        firstName: 'Karim',
        lastName: 'Benali',
        relation: 'pere',
        email: 'k.benali@free.fr',
        phone: '+33698765432',
      },
    ]);
  });

  it('reads a parent writing for their child: famille, no referrer, the parent as guardian', async () => {
    const result = await extract({
      from: 'Sophie Dupont <sophie.dupont@gmail.com>',
      subject: 'Demande d’aide pour mon fils',
      text: 'Bonjour,\n\nJe suis la maman de Lucas DUPONT, 8 ans, en CE2 à l’école Jean Moulin. Mon fils a du mal à lire et je ne sais plus comment l’aider. Vous pouvez me joindre au 06 98 76 54 32.\n\nMerci,\nSophie Dupont',
    });
    const { draft } = result.drafts[0]!;
    expect(draft.referral?.source).toBe('famille');
    expect(draft.referral?.referrer).toBeUndefined();
    expect(draft.guardians).toEqual([
      {
        firstName: 'Sophie',
        lastName: 'Dupont',
        relation: 'mere',
        email: 'sophie.dupont@gmail.com',
        phone: '+33698765432',
      },
    ]);
  });
});

describe('children', () => {
  it('reads a name in ordinary case when a birth date follows it', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous signale Lucas Martin, né le 3 avril 2016, en CE2 : il ne sait pas encore lire.\n\nCordialement,\nClaire Roux\nDirectrice',
    });
    expect(drafts[0]!.draft.child).toMatchObject({
      firstName: 'Lucas',
      lastName: 'Martin',
      birthDate: '2016-04-03',
      grade: 'CE2',
    });
  });

  it('does not refer a sibling named beside the child', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous oriente Inès BENALI, née le 02/02/2015, en CM2. Son frère Adam BENALI, 14 ans, est déjà suivi au collège. Inès a de grosses difficultés en maths.\n\nCordialement,\nClaire Roux\nDirectrice',
    });
    expect(drafts.map((d) => d.draft.child.firstName)).toEqual(['Inès']);
  });

  it('refers a sister oriented in the same sentence', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous oriente Ayman OUAZZANI, né le 12/05/2016, en CM1, et sa sœur Hafsa OUAZZANI, née le 30/09/2020, en GS : ils manquent souvent l’école.\n\nCordialement,\nPascale Reboul\nAssistante sociale',
    });
    expect(
      drafts.map((d) => [d.draft.child.firstName, d.draft.child.birthDate, d.draft.child.grade]),
    ).toEqual([
      ['Ayman', '2016-05-12', 'CM1'],
      ['Hafsa', '2020-09-30', 'GS'],
    ]);
  });

  it('takes the child’s name from the subject when the body uses the first name only', async () => {
    const { drafts } = await extract({
      subject: 'Saisine PRE – Lucas DUPONT',
      text: 'Bonjour,\n\nLucas, élève de CP, n’entre pas dans la lecture ; je vous le signale pour l’EPS.\n\nCordialement,\nClaire Roux\nDirectrice',
    });
    expect(drafts[0]!.draft.child).toMatchObject({
      firstName: 'Lucas',
      lastName: 'DUPONT',
      grade: 'CP',
    });
  });

  it('reads a «Date de repérage» in the body over the Date header', async () => {
    const { drafts } = await extract({
      text: `${referral}\n`.replace('Bonjour,', 'Bonjour,\nDate de repérage : 05/01/2026'),
    });
    expect(drafts[0]!.draft.referral?.date).toBe('2026-01-05');
  });

  it('keeps the school phone and a teacher’s phone away from the family', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous oriente Inès BENALI, née le 02/02/2015, en CM2 : elle est très isolée.\nSa maîtresse, Mme Durand, est joignable au 04 90 11 11 11.\nMme Benali est d’accord pour être contactée au 07 12 34 56 78.\n\nCordialement,\nClaire Roux\nDirectrice\n04 90 22 22 22',
    });
    expect(drafts[0]!.draft.guardians).toEqual([
      { lastName: 'Benali', relation: 'mere', phone: '+33712345678' },
    ]);
  });
});

describe('not a referral', () => {
  it('gives no draft for a newsletter (List-Unsubscribe) telling a child’s story', async () => {
    const result = await extract({
      headers: { 'List-Unsubscribe': '<mailto:unsubscribe@pre.fr>' },
      subject: 'La lettre du PRE – février',
      text: 'Témoignage : Lucas DUPONT, 9 ans, a découvert le judo grâce au PRE. Inscriptions ouvertes aux ateliers parents.',
    });
    expect(result.drafts).toEqual([]);
    expect(result.noDraftReason).toMatch(/liste de diffusion/);
  });

  it('gives no draft when no child is described', async () => {
    const result = await extract({
      subject: 'Réunion des partenaires',
      text: 'Bonjour,\n\nLa réunion des partenaires aura lieu mardi. Merci de confirmer votre présence.\n\nOlivier Brunel\nCoordonnateur du PRE',
    });
    expect(result.drafts).toEqual([]);
  });

  it('gives no draft for thanks about a child already followed', async () => {
    const result = await extract({
      subject: 'Merci',
      text: 'Bonjour,\n\nMerci pour l’accompagnement de Lucas DUPONT, 9 ans, en CE2 : il a beaucoup progressé et aide ses camarades.\n\nClaire Roux\nDirectrice',
    });
    expect(result.drafts).toEqual([]);
  });

  it('gives no draft when a child is named but nothing is asked', async () => {
    const result = await extract({
      subject: 'Photos de la sortie',
      text: 'Bonjour,\n\nVoici les photos de la sortie : Lucas DUPONT, 9 ans, était ravi.\n\nBonne journée',
    });
    expect(result.drafts).toEqual([]);
  });
});

describe('referral date in Paris time', () => {
  it.each([
    ['Wed, 21 Jan 2026 00:07:13 +0100', '2026-01-21'],
    ['Tue, 20 Jan 2026 23:30:00 +0000', '2026-01-21'],
    ['Tue, 30 Jun 2026 22:30:00 +0000', '2026-07-01'],
    ['Tue, 30 Jun 2026 21:30:00 +0000', '2026-06-30'],
    ['Sun, 29 Mar 2026 00:30:00 +0000', '2026-03-29'],
    ['Sat, 24 Oct 2026 22:30:00 +0000', '2026-10-25'],
    ['Sat, 31 Oct 2026 23:30:00 +0000', '2026-11-01'],
  ])('%s → %s', async (date, day) => {
    const { drafts } = await extract({ date, text: referral });
    expect(drafts[0]!.draft.referral?.date).toBe(day);
  });
});

describe('other shapes of referral', () => {
  it('reads a referral form laid out as an HTML table', async () => {
    const html =
      '<p>Bonjour, veuillez trouver la fiche de saisine :</p><table>' +
      '<tr><td>Nom</td><td>DIALLO</td></tr><tr><td>Prénom</td><td>Awa</td></tr>' +
      '<tr><td>Date de naissance</td><td>05/09/2018</td></tr><tr><td>Classe</td><td>CP</td></tr>' +
      '<tr><td>Établissement</td><td>École Paul Bert – Salon</td></tr>' +
      '<tr><td>Motif</td><td>Difficultés de langage, grande timidité.</td></tr></table>' +
      '<p>Les parents, M. et Mme Diallo, sont d’accord pour rencontrer le PRE.</p><p>Cordialement,</p><p>Claire Roux<br>Directrice</p>';
    const { drafts } = await extract({ html });
    expect(drafts[0]!.draft.child).toMatchObject({
      lastName: 'DIALLO',
      firstName: 'Awa',
      birthDate: '2018-09-05',
      grade: 'CP',
      school: 'École Paul Bert',
    });
    expect(drafts[0]!.draft.guardians).toEqual([
      { lastName: 'Diallo', relation: 'pere' },
      { lastName: 'Diallo', relation: 'mere' },
    ]);
    expect(drafts[0]!.draft.domains).toContain('sante');
  });

  it('reads a role stated in the body, the From name in «Nom Prénom» order, and the subject’s grade', async () => {
    const { drafts } = await extract({
      from: 'Dupont Marie <marie.dupont@ac-nice.fr>',
      subject: 'Élève de Grande Section – école Les Lilas',
      text: 'Bonjour,\n\nEn tant qu’enseignante, je vous oriente Noah PETIT, 5 ans : il ne parle presque pas en classe.\n\nMarie Dupont',
    });
    expect(drafts[0]!.draft.child).toMatchObject({
      firstName: 'Noah',
      age: 5,
      grade: 'GS',
      school: 'École Les Lilas',
    });
    expect(drafts[0]!.draft.referral).toMatchObject({
      referrer: 'Marie Dupont, enseignante',
      source: 'education_nationale',
    });
    expect(drafts[0]!.provenance['child.grade']).toMatchObject({ origin: 'en-tête' });
  });

  it('finds the signature above a confidentiality notice', async () => {
    const notice = Array.from(
      { length: 14 },
      (_, i) => `Ce message et ses pièces jointes sont confidentiels (${i}).`,
    ).join('\n');
    const { drafts } = await extract({
      text: `Bonjour,\n\nJe vous oriente Noah PETIT, 5 ans, en GS : il ne parle presque pas.\n\nCordialement,\n\nClaire Roux\nDirectrice\nÉcole Les Lilas\n04 90 00 00 00\n\n${notice}`,
    });
    expect(drafts[0]!.draft.referral?.referrer).toBe('Claire Roux, directrice');
    expect(drafts[0]!.draft.guardians).toBeUndefined();
  });
});

describe('more traps', () => {
  it('reads a child named by first name and initial, or by first name alone after an orientation', async () => {
    const initial = await extract({
      text: 'Bonjour,\n\nJe vous oriente Lucas D., 8 ans, en CE2 : il ne lit pas.\n\nClaire Roux\nDirectrice',
    });
    expect(initial.drafts.map((d) => d.draft.child)).toEqual([
      expect.objectContaining({ firstName: 'Lucas', age: 8, grade: 'CE2' }),
    ]);
    const alone = await extract({
      text: 'Bonjour,\n\nJe vous oriente Lucas, 8 ans, en CE2 : il ne lit pas.\n\nClaire Roux\nDirectrice',
    });
    expect(alone.drafts.map((d) => d.draft.child.firstName)).toEqual(['Lucas']);
    const town = await extract({
      text: 'Bonjour,\n\nPour Marseille, 2 ans de travaux sont prévus.\n\nClaire Roux',
    });
    expect(town.drafts).toEqual([]);
  });

  it('gives each parent the number written after them', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous oriente Awa DIOP, née le 05/09/2016, en CE2 : elle est très absente.\nLe père, M. Ousmane Diop, au 06 11 11 11 11, la mère au 07 22 22 22 22.\n\nClaire Roux\nDirectrice',
    });
    expect(drafts[0]!.draft.guardians).toEqual([
      { firstName: 'Ousmane', lastName: 'Diop', relation: 'pere', phone: '+33611111111' },
      { relation: 'mere', phone: '+33722222222' },
    ]);
  });

  it('gives no draft for an EPS agenda naming children, nor for a newsletter without list headers', async () => {
    const agenda = await extract({
      subject: 'Ordre du jour de l’EPS du 12 mars',
      text: 'Bonjour,\n\nSituations examinées : Lucas DUPONT, 9 ans, en CE2 ; Inès BENALI, née le 02/02/2015, en CM2. Merci de votre présence.\n\nOlivier Brunel\nCoordonnateur du PRE',
    });
    expect(agenda.drafts).toEqual([]);
    const letter = await extract({
      text: 'Témoignage : je vous présente Lucas DUPONT, 9 ans, en CE2, qui demande à participer au club.\n\nPour vous désinscrire, cliquez ici.',
    });
    expect(letter.drafts).toEqual([]);
  });

  it('does not take a teacher introduced as «sa maîtresse» for a guardian', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous oriente Awa DIOP, née le 05/09/2016, en CE2. Mme Durand, sa maîtresse, la trouve très fatiguée.\n\nClaire Roux\nDirectrice',
    });
    expect(drafts[0]!.draft.guardians).toBeUndefined();
  });
});

describe('forms and territories', () => {
  it('reads the referral from an attached .docx form when the body only points to it', async () => {
    const zip = new PizZip();
    const lines = [
      'Fiche de saisine PRE',
      'Nom : HOARAU',
      'Prénom : Kylian',
      'Date de naissance : 11/11/2015',
      'Classe : CM2',
      'Motif : difficultés en lecture, fatigue',
    ];
    zip.file(
      'word/document.xml',
      `<w:document><w:body>${lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
    );
    const result = await extract({
      from: 'Claire Payet <claire.payet@ac-reunion.fr>',
      date: 'Mon, 12 Jan 2026 23:30:00 +0400',
      text: 'Bonjour,\n\nVeuillez trouver ci-joint la fiche de saisine.\n\nCordialement,\n\nClaire Payet\nDirectrice\nÉcole Les Filaos – Saint-Denis',
      attachments: [
        {
          name: 'fiche-saisine.docx',
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          content: zip.generate({ type: 'uint8array' }),
        },
      ],
    });
    expect(result.sections[result.referralSection!]!.kind).toBe('attachment');
    const { draft } = result.drafts[0]!;
    expect(draft.child).toMatchObject({
      lastName: 'HOARAU',
      firstName: 'Kylian',
      birthDate: '2015-11-11',
      grade: 'CM2',
      school: 'École Les Filaos',
    });
    expect(draft.referral).toMatchObject({
      source: 'education_nationale',
      referrer: 'Claire Payet, directrice',
      date: '2026-01-12',
    });
  });

  it('reads children listed with Word’s bullets', async () => {
    const html =
      '<p class=MsoNormal>Je vous oriente les deux enfants de Mme Hoarau&nbsp;:</p>' +
      '<p class=MsoListParagraph><![if !supportLists]><span style="font-family:Symbol">·<span>&nbsp;&nbsp;</span></span><![endif]>Kylian HOARAU, en CM2&nbsp;;</p>' +
      '<p class=MsoListParagraph><![if !supportLists]><span style="font-family:Symbol">·<span>&nbsp;&nbsp;</span></span><![endif]>Lola HOARAU, en CE1.</p>' +
      '<p class=MsoNormal>Ils manquent souvent l’école.</p><p class=MsoNormal>Claire Payet</p><p class=MsoNormal>Directrice</p>';
    const { drafts } = await extract({ html });
    expect(drafts.map((d) => [d.draft.child.firstName, d.draft.child.grade])).toEqual([
      ['Kylian', 'CM2'],
      ['Lola', 'CE1'],
    ]);
  });
});

describe('signature shapes', () => {
  it.each([
    ['Claire ROUX (directrice)\nÉcole Paul Bert', 'Claire ROUX, directrice'],
    ['La directrice\nÉcole Paul Bert', 'Claire Roux, directrice'],
    ['Claire Roux, CPE', 'Claire Roux, CPE'],
  ])('reads «%s»', async (signature, referrer) => {
    const { drafts } = await extract({
      text: `Bonjour,\n\nJe vous oriente Noah PETIT, 11 ans, en 6e : il est souvent absent.\n\nCordialement,\n\n${signature}`,
    });
    expect(drafts[0]!.draft.referral?.referrer).toBe(referrer);
  });
});

describe('hard-wrapped plain text', () => {
  it('reads a name and a guardian cut across lines', async () => {
    const { drafts } = await extract({
      text: [
        'Bonjour,',
        '',
        'Suite à notre conversation téléphonique, je vous oriente comme convenu Lyna',
        'GHALEM, née le 08/02/2017, élève de CE2 à l’école Jean Zay, qui a de grandes',
        'difficultés en lecture. Mme Siham Ghalem, mère de Lyna, est joignable au',
        '06 58 31 27 40.',
        '',
        'Cordialement,',
        'Gilles Roumieux',
        'Directeur',
      ].join('\n'),
    });
    expect(drafts[0]!.draft.child).toMatchObject({
      firstName: 'Lyna',
      lastName: 'GHALEM',
      birthDate: '2017-02-08',
      grade: 'CE2',
      school: 'École Jean Zay',
    });
    expect(drafts[0]!.draft.guardians).toEqual([
      { firstName: 'Siham', lastName: 'Ghalem', relation: 'mere', phone: '+33658312740' },
    ]);
  });
});

describe('form lines and professionals', () => {
  it('reads guardians from form lines without a civility', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nFiche de repérage\nNom : DIOP\nPrénom : Awa\nClasse : CE2\nÉcole : école primaire du Centre\nMère : DIOP Fatou – 06 11 22 33 44\nNom du père : Ousmane DIOP\nMotif : absences répétées\n\nCordialement,\nClaire Roux\nDirectrice',
    });
    expect(drafts[0]!.draft.child).toMatchObject({
      firstName: 'Awa',
      lastName: 'DIOP',
      grade: 'CE2',
      school: 'École primaire du Centre',
    });
    expect(drafts[0]!.draft.guardians).toEqual([
      { lastName: 'DIOP', firstName: 'Fatou', relation: 'mere', phone: '+33611223344' },
      { firstName: 'Ousmane', lastName: 'DIOP', relation: 'pere' },
    ]);
  });

  it('does not take «l’enseignante de Lyna, Mme Durand» for a guardian', async () => {
    const { drafts } = await extract({
      text: 'Bonjour,\n\nJe vous oriente Lyna GHALEM, 8 ans, en CE2 à l’école primaire du Centre : elle ne lit pas. L’enseignante de Lyna, Mme Durand, s’inquiète.\n\nClaire Roux\nDirectrice',
    });
    expect(drafts[0]!.draft.guardians).toBeUndefined();
    expect(drafts[0]!.draft.child.school).toBe('École primaire du Centre');
  });
});

describe('a message forwarded as an attachment', () => {
  it('reads the referral of an attached .eml (message/rfc822) with its sender', async () => {
    const inner = buildEml({
      from: 'Claire Roux <claire.roux@ac-aix-marseille.fr>',
      date: 'Mon, 9 Feb 2026 08:47:00 +0100',
      text: referral,
    });
    const result = await extract({
      from: 'Service Education <education@ville.fr>',
      subject: 'TR: Orientation PRE',
      text: 'Bonjour,\n\nPour suite à donner.\n\nMarc Petit\nService Éducation',
      attachments: [{ name: 'Orientation PRE.eml', type: 'message/rfc822', content: inner }],
    });
    expect(result.attachments.map((a) => a.name)).toEqual(['Orientation PRE.eml']);
    expect(result.drafts[0]!.draft.child).toMatchObject({
      firstName: 'Rayane',
      lastName: 'MEZIANE',
    });
    expect(result.drafts[0]!.draft.referral).toMatchObject({
      referrer: 'Claire Roux, directrice',
      date: '2026-02-09',
      source: 'education_nationale',
    });
  });
});

describe('the signature’s school', () => {
  it('is the child’s only when it teaches the child’s grade', async () => {
    const text = (grade: string) =>
      `Bonjour,\n\nJe vous oriente Noah PETIT, 10 ans, en ${grade} : il est souvent absent.\n\nCordialement,\n\nClaire Roux\nCPE\nCollège Diderot – Nîmes`;
    expect((await extract({ text: text('6e') })).drafts[0]!.draft.child.school).toBe(
      'Collège Diderot',
    );
    expect((await extract({ text: text('CM2') })).drafts[0]!.draft.child.school).toBeUndefined();
  });
});

describe('a school mailbox without a signed name', () => {
  it('gives no person as referrer, and keeps the source', async () => {
    const { drafts } = await extract({
      from: 'Ecole Jean Zay <ce.0301245h@ac-montpellier.fr>',
      text: 'Bonjour,\n\nJe vous oriente Lyna GHALEM, née le 08/02/2017, en CE2 : elle ne lit pas encore.',
    });
    expect(drafts[0]!.draft.referral?.referrer).toBeUndefined();
    expect(drafts[0]!.draft.referral?.source).toBe('education_nationale');
  });
});
