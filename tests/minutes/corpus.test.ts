/** The dev corpus's LibreOffice templates, filled and checked as the scorer reads them. */
import { describe, expect, it } from 'vitest';
import { checkTemplate, fillTemplate } from '../../shared/minutes';
import { PasserelleError } from '../../shared/parcours';
import {
  caseload,
  fixture,
  fixtureJson,
  fixtureLines,
  hasWord,
  normaliseSpaces,
  session,
  visibleText,
  wholePackageText,
} from './helpers';

const good = ['modele-eps-tableau', 'modele-eps-paragraphes'];

describe.each(good)('%s (shared version)', (name) => {
  it('holds every expected line and no forbidden one, with nothing left unfilled', async () => {
    const out = await fillTemplate(fixture(`${name}.docx`), session(name), {
      version: 'partagee',
      caseload: caseload(name),
    });
    const text = visibleText(out);
    for (const line of fixtureLines(`${name}.expected.txt`)) {
      expect(normaliseSpaces(text), line).toContain(normaliseSpaces(line));
    }
    for (const word of fixtureLines(`${name}.forbidden.txt`)) {
      if (word === '{' || word === '}') continue;
      expect(hasWord(text, word), word).toBe(false);
    }
    expect(text).not.toMatch(/[{}]|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
  });

  it('names no child anywhere in the package', async () => {
    const out = await fillTemplate(fixture(`${name}.docx`), session(name), {
      caseload: caseload(name),
    });
    const everything = wholePackageText(out);
    for (const record of caseload(name)) {
      expect(hasWord(everything, record.child.firstName!)).toBe(false);
      expect(hasWord(everything, record.child.lastName!)).toBe(false);
    }
  });

  it('has no problem for --check-template, and finds the tags in the header and footer', async () => {
    const { tags, problems } = await checkTemplate(fixture(`${name}.docx`));
    expect(problems).toEqual([]);
    const version = tags.find((t) => t.name === 'version')!;
    expect(version.part).toMatch(/^word\/(header|footer)\d\.xml$/);
    expect(version.where).toMatch(/^(en-tête|pied de page) 1$/);
  });
});

describe('modele-eps-tableau specifics', () => {
  it('reads the tags LibreOffice cut across runs', async () => {
    const { tags } = await checkTemplate(fixture('modele-eps-tableau.docx'));
    const names = tags.map((t) => t.raw);
    expect(names).toContain('{animateur}');
    expect(names).toContain('{prochaine_revue}');
    const revue = tags.find((t) => t.name === 'prochaine_revue')!;
    expect(revue.context).toBe('{prochaine_revue}{/situations}');
  });

  it('prints «Aucun excusé» without apologies and the names with them', async () => {
    const base = session('modele-eps-tableau');
    const none = visibleText(await fillTemplate(fixture('modele-eps-tableau.docx'), base));
    expect(none).toContain('Excusés : Aucun excusé');
    const some = visibleText(
      await fillTemplate(fixture('modele-eps-tableau.docx'), {
        ...base,
        apologies: [{ name: 'Estelle Marin', role: 'CESF', institution: 'Caf du Gard' }],
      }),
    );
    expect(some).toContain('Excusés : Estelle Marin (Caf du Gard)');
    expect(some).not.toContain('Aucun excusé');
  });

  it('repeats the table row per situation and the action paragraphs per action', async () => {
    const text = visibleText(
      await fillTemplate(fixture('modele-eps-tableau.docx'), session('modele-eps-tableau')),
    );
    expect(text).toContain('Club Coup de pouce CLÉ (Scolaire)');
    expect(text).toContain('Activité théâtre au centre social (Culture, sport et loisirs)');
    expect(text.match(/PRE-20\d\d-\d{3}/g)).toHaveLength(4);
  });
});

describe('modele-eps-casse (broken)', () => {
  const expected = fixtureJson<{ mustMention: string[] }>('modele-eps-casse.expected-error.json');

  it('check names every broken tag with its paragraph', async () => {
    const { problems } = await checkTemplate(fixture('modele-eps-casse.docx'));
    const all = problems.map((p) => p.message).join('\n');
    for (const tag of expected.mustMention) expect(all).toContain(tag);
    const unclosed = problems.find((p) => p.code === 'unclosed-loop')!;
    expect(unclosed.tag).toBe('presents');
    expect(unclosed.message).toContain('« {#presents} »');
    const unknown = problems.find((p) => p.code === 'unknown-tag')!;
    expect(unknown.message).toContain('« {code} (né le {date_naissance}) — {decision} »');
  });

  it('filling fails with a French error listing the problems, and produces nothing', async () => {
    const error = await fillTemplate(
      fixture('modele-eps-casse.docx'),
      session('modele-eps-casse'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasserelleError);
    const described = (error as PasserelleError).describe();
    for (const tag of expected.mustMention) expect(described).toContain(tag);
    expect(described).toContain('Aucun document n’a été produit');
  });
});

describe('a house layout made with LibreOffice (two table rows per situation, tags split by bold)', () => {
  it('fills each situation over its two rows, actions as a list, with no tag left', async () => {
    const out = await fillTemplate(
      fixture('maison-deux-lignes.docx'),
      session('modele-eps-paragraphes'),
      { caseload: caseload('modele-eps-paragraphes') },
    );
    const text = visibleText(out);
    expect(text).toContain('EPS Avignon – Monclar');
    expect(text).toContain('Aurélie Fabre (Référente de parcours)');
    expect(text).toContain('Entrée — Entrée validée — revue le jeudi 9 avril 2026');
    expect(text).toContain('Entrée — Réorientation — revue le —');
    expect(text).toContain('Atelier parents du jeudi [Parentalité]');
    expect(text.match(/^PRE-2025-\d{3}$/gm)).toEqual([
      'PRE-2025-311',
      'PRE-2025-312',
      'PRE-2025-288',
    ]);
    expect(text).not.toMatch(/[{}]/);
  });
});
