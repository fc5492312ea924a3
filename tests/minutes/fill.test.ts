/** fillTemplate: French values, the two versions, and what blocks the shared one. */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  defaultTemplates,
  fillTemplate,
  findDefaultTemplate,
  MISSING,
} from '../../shared/minutes';
import { PasserelleError, type EpsSession } from '../../shared/parcours';
import { caseload, makeDocx, paragraph, session, visibleText, wholePackageText } from './helpers';

const tableau = session('modele-eps-tableau');
const records = caseload('modele-eps-tableau');

const oneLiner = (text: string, extra = {}) => makeDocx({ body: paragraph(text), ...extra });

async function fillText(template: string, s: EpsSession, options = {}) {
  return visibleText(await fillTemplate(oneLiner(template), s, options));
}

describe('values', () => {
  it('prints long French dates, labels and the version, never keys', async () => {
    const text = await fillText(
      '{date} | {prochaine_seance} | {version} | {#situations}{decision}/{type}/{classe}/{#actions}{domaine}{/actions}; {/situations}',
      tableau,
    );
    expect(text).toContain('mardi 27 janvier 2026');
    expect(text).toContain('mardi 24 février 2026');
    expect(text).toContain('Version partagée — données pseudonymisées');
    expect(text).toContain('Entrée validée/Entrée/CE2/ScolaireCulture, sport et loisirs;');
    expect(text).toContain('Ajournée (complément d’information)/Entrée/6e/;');
    expect(text).toContain('Sortie validée/Sortie/6e/;');
    expect(text).not.toMatch(/entree_validee|sortie_validee|culture_sport_loisirs|ajournee/);
  });

  it('prints a dash for a missing value and lets {^…} sections see it as absent', async () => {
    const s: EpsSession = {
      date: '2026-03-02',
      members: [{ name: 'Claire Roux' }],
      apologies: [],
      situations: [{ code: 'PRE-2025-010', nextReview: null }],
    };
    const text = await fillText(
      '{lieu}|{#presents}{nom} ({fonction}){/presents}|{#situations}{age} ans, {decision}, {prochaine_revue}{^prochaine_revue} (pas de revue){/prochaine_revue}{/situations}|{prochaine_seance}',
      s,
    );
    expect(text).toBe(
      `${MISSING}Claire Roux (${MISSING})${MISSING} ans, ${MISSING}, ${MISSING} (pas de revue)${MISSING}`,
    );
  });

  it('writes «1er» for the first of the month and keeps line breaks of the summary', async () => {
    const s: EpsSession = {
      date: '2026-04-01',
      members: [],
      apologies: [],
      situations: [{ code: 'PRE-2025-011', summary: 'Première ligne\nSeconde ligne' }],
    };
    const out = await fillTemplate(oneLiner('{date} {#situations}{synthese}{/situations}'), s);
    expect(visibleText(out)).toContain('mercredi 1er avril 2026 Première ligneSeconde ligne');
    expect(new PizZip(out).file('word/document.xml')!.asText()).toContain('<w:br/>');
  });

  it('refuses an invalid session with the field named in French', async () => {
    const bad = { ...tableau, date: '27/01/2026' } as unknown as EpsSession;
    const error = await fillTemplate(oneLiner('{date}'), bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasserelleError);
    expect((error as PasserelleError).describe()).toContain('Date de la séance');
  });
});

describe('versions', () => {
  const template = '{version} {#situations}{code} {initiales}; {/situations}';

  it('internal version prints the initials from the caseload', async () => {
    const text = await fillText(template, tableau, { version: 'interne', caseload: records });
    expect(text).toContain('Version interne');
    expect(text).toContain('PRE-2025-201 L. G.;');
    expect(text).toContain('PRE-2024-140 M. T.;');
  });

  it('shared version never prints initials, even when the session carries them', async () => {
    const withInitials: EpsSession = {
      ...tableau,
      situations: tableau.situations.map((s) => ({ ...s, initials: 'X. Y.' })),
    };
    const text = await fillText(template, withInitials, { caseload: records });
    expect(text).not.toContain('X. Y.');
    expect(text).not.toContain('L. G.');
    expect(text).toContain(`PRE-2025-201 ${MISSING};`);
  });

  it('blocks the shared version when a summary names a child, listing code and part but not the name', async () => {
    const leaky: EpsSession = {
      ...tableau,
      situations: [
        { ...tableau.situations[0]!, summary: 'Lyna progresse ; la famille GHALEM est d’accord.' },
      ],
    };
    const error = await fillTemplate(oneLiner('{#situations}{synthese}{/situations}'), leaky, {
      caseload: records,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasserelleError);
    const described = (error as PasserelleError).describe();
    expect((error as PasserelleError).code).toBe('minutes/identifying-data');
    expect(described).toContain('prénom de l’enfant PRE-2025-201 apparaît dans corps du document');
    expect(described).toContain('nom de l’enfant PRE-2025-201');
    expect(described).not.toMatch(/Lyna|GHALEM/);
  });

  it('matches names whatever their accents and case, as whole words only', async () => {
    const s = (summary: string): EpsSession => ({
      ...tableau,
      situations: [{ ...tableau.situations[0]!, summary }],
    });
    const template = oneLiner('{#situations}{synthese}{/situations}');
    const options = {
      caseload: [{ code: 'PRE-2025-195', child: { firstName: 'Chloé', lastName: 'NGUYEN' } }],
    };
    await expect(fillTemplate(template, s('chloe a progressé'), options)).rejects.toThrow(
      /identifiant/,
    );
    await expect(
      fillTemplate(template, s('Chloéane a progressé'), options),
    ).resolves.toBeInstanceOf(Uint8Array);
  });

  it('blocks a name hidden in the template’s properties or in a comment-free part', async () => {
    const docx = oneLiner('{date}', { creator: 'Mory BARRY' });
    // The creator is stripped, so that one passes…
    const out = await fillTemplate(docx, tableau, { caseload: records });
    expect(wholePackageText(out)).not.toContain('BARRY');
    // …but a title naming a child blocks the write.
    const zip = new PizZip(docx);
    zip.file(
      'docProps/core.xml',
      zip.file('docProps/core.xml')!.asText().replace('Compte rendu', 'Situation de Mory'),
    );
    const error = await fillTemplate(zip.generate({ type: 'uint8array' }), tableau, {
      caseload: records,
    }).catch((e: unknown) => e);
    expect((error as PasserelleError).details).toEqual([
      'prénom de l’enfant PRE-2025-202 apparaît dans propriétés du document',
    ]);
  });

  it('drops review comments from the shared version only', async () => {
    const docx = makeDocx({ body: paragraph('{date}'), comment: 'Vérifier avec la famille BARRY' });
    const shared = await fillTemplate(docx, tableau, { caseload: records });
    const sharedZip = new PizZip(shared);
    expect(sharedZip.file('word/comments.xml')).toBeNull();
    const body = sharedZip.file('word/document.xml')!.asText();
    expect(body).not.toMatch(/commentReference|commentRange|CommentReference/);
    expect(sharedZip.file('[Content_Types].xml')!.asText()).not.toContain('comments');
    expect(sharedZip.file('word/_rels/document.xml.rels')!.asText()).not.toContain('comments');
    expect(visibleText(shared)).toContain('Relu');
    const internal = await fillTemplate(docx, tableau, { version: 'interne', caseload: records });
    expect(new PizZip(internal).file('word/comments.xml')).not.toBeNull();
  });

  it('has the anonymisation core scan the shared text: a family phone blocks the write', async () => {
    const withPhone = { ...tableau, place: 'chez la famille, 06 12 34 56 78' };
    const error = await fillTemplate(oneLiner('{lieu}'), withPhone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasserelleError);
    expect((error as PasserelleError).code).toBe('minutes/identifying-data');
    expect((error as PasserelleError).details.join(' ')).toMatch(/téléphone/);
    expect((error as PasserelleError).details.join(' ')).not.toContain('06 12 34 56 78');
    // The internal version is not blocked, and a clean shared one is written.
    await expect(
      fillTemplate(oneLiner('{lieu}'), withPhone, { version: 'interne' }),
    ).resolves.toBeInstanceOf(Uint8Array);
    await expect(fillTemplate(oneLiner('{lieu}'), tableau)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('blanks the author properties of every version', async () => {
    const docx = oneLiner('{date}', { creator: 'Samir Khaldi' });
    for (const version of ['interne', 'partagee'] as const) {
      const core = new PizZip(await fillTemplate(docx, tableau, { version }))
        .file('docProps/core.xml')!
        .asText();
      expect(core).toContain('<dc:creator></dc:creator>');
      expect(core).toContain('<cp:lastModifiedBy></cp:lastModifiedBy>');
    }
  });
});

describe('shipped templates', () => {
  it.each(defaultTemplates.map((t) => t.name))('%s passes its own check', async (name) => {
    const { problems, tags } = await checkTemplate(findDefaultTemplate(name)!.docx());
    expect(problems).toEqual([]);
    expect(tags.some((t) => t.part.startsWith('word/header') && t.name === 'version')).toBe(true);
  });

  it('are found by their aliases', () => {
    expect(findDefaultTemplate('defaut')?.name).toBe('compte-rendu-eps');
    expect(findDefaultTemplate('Tableau')?.name).toBe('compte-rendu-eps');
    expect(findDefaultTemplate('fiche')?.name).toBe('fiche-synthese');
    expect(findDefaultTemplate('inconnu')).toBeUndefined();
  });

  it('fill into a real minutes document: title, table, confidential footer with page numbers', async () => {
    const out = await fillTemplate(findDefaultTemplate('defaut')!.docx(), tableau, {
      caseload: records,
    });
    const text = visibleText(out);
    expect(text).toContain('Compte rendu de l’équipe pluridisciplinaire de soutien');
    expect(text).toContain('Nîmes – Pissevin — séance du mardi 27 janvier 2026');
    expect(text).toContain('Confidentiel — diffusion limitée aux membres de l’EPS — page');
    expect(text).toContain('Aucune action nouvelle');
    expect(text).not.toContain('Initiales');
    const zip = new PizZip(out);
    const footer = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    expect(zip.file(footer)!.asText()).toMatch(/PAGE/);
    expect(zip.file('word/document.xml')!.asText()).toContain('<w:tcBorders>');
  });

  it('the fiche de synthèse gives one fiche per situation', async () => {
    const text = visibleText(
      await fillTemplate(findDefaultTemplate('fiche')!.docx(), tableau, {
        version: 'interne',
        caseload: records,
      }),
    );
    expect(text.match(/^Fiche de synthèse — PRE-/gm)).toHaveLength(4);
    expect(text).toContain('PRE-2025-201 (L. G.)');
    expect(text).toContain('Prochaine revue de la situation : mardi 24 mars 2026');
  });
});
