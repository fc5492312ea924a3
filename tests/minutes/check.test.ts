/** checkTemplate on templates built to break one rule each. */
import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../shared/minutes';
import { makeDocx, paragraph, tableRow } from './helpers';

async function problemsOf(body: string, extra: { header?: string; footer?: string } = {}) {
  return (await checkTemplate(makeDocx({ body, ...extra }))).problems;
}

describe('checkTemplate', () => {
  it('accepts a template using every dictionary tag in its scope', async () => {
    const body = [
      paragraph('{date} {lieu} {territoire} {animateur} {prochaine_seance} {version}'),
      paragraph('{#presents}{nom}, {fonction}, {institution}{/presents}'),
      paragraph('{^excuses}Aucun excusé{/excuses}{#excuses}{nom}{/excuses}'),
      paragraph('{#situations}{code} {initiales} {age} {classe} {referent} {type} {synthese}'),
      paragraph('{decision} {prochaine_revue} {date}{#actions}{libelle} ({domaine}){/actions}'),
      paragraph('{^prochaine_revue}Pas de revue{/prochaine_revue}{/situations}'),
    ].join('');
    const { tags, problems } = await checkTemplate(makeDocx({ body }));
    expect(problems).toEqual([]);
    expect(tags.filter((t) => t.kind === 'boucle').map((t) => t.name)).toEqual([
      'presents',
      'excuses',
      'situations',
      'actions',
    ]);
  });

  it('reassembles a tag cut into runs and quotes its paragraph', async () => {
    const { tags, problems } = await checkTemplate(
      makeDocx({ body: paragraph('Animation : {anim|ateur|} le {da|te}') }),
    );
    expect(problems).toEqual([]);
    expect(tags.map((t) => t.raw)).toEqual(['{animateur}', '{date}']);
    expect(tags[0]!.context).toBe('Animation : {animateur} le {date}');
  });

  it('names an unknown tag, suggests the closest one, and says where it is', async () => {
    const [problem, ...rest] = await problemsOf(paragraph('Séance du {dat}'));
    expect(rest).toEqual([]);
    expect(problem!.code).toBe('unknown-tag');
    expect(problem!.message).toContain('Balise inconnue {dat}');
    expect(problem!.message).toContain('vouliez-vous écrire {date} ?');
    expect(problem!.message).toContain('corps du document, paragraphe « Séance du {dat} »');
  });

  it('flags a tag used outside its loop', async () => {
    const [problem] = await problemsOf(paragraph('Référent : {referent}'));
    expect(problem!.code).toBe('misplaced-tag');
    expect(problem!.message).toContain('{referent} hors de sa boucle');
    expect(problem!.message).toContain('{#situations}');
  });

  it('flags a loop closed in the wrong order and a closing tag without opening', async () => {
    const problems = await problemsOf(
      paragraph('{#situations}{#actions}{libelle}{/situations}{/actions}') +
        paragraph('{/presents}'),
    );
    const codes = problems.map((p) => p.code);
    expect(codes).toContain('mismatched-loop');
    expect(codes).toContain('unopened-loop');
    const unopened = problems.filter((p) => p.code === 'unopened-loop').map((p) => p.message);
    expect(unopened.some((m) => m.startsWith('Fin de boucle {/presents} sans ouverture'))).toBe(
      true,
    );
  });

  it('asks to remove spaces inside a tag, which the engine would not read', async () => {
    const problems = await problemsOf(paragraph('{ date } {# situations }{code}{/situations}'));
    expect(problems.map((p) => [p.code, p.tag])).toEqual([
      ['spaced-tag', 'date'],
      ['spaced-tag', 'situations'],
    ]);
    expect(problems[0]!.message).toContain('Balise { date } : retirez les espaces');
  });

  it('flags stray braces', async () => {
    const problems = await problemsOf(paragraph('Lieu : {lieu') + paragraph('fin }'));
    expect(problems.map((p) => p.code).sort()).toEqual(['unclosed-tag', 'unopened-tag']);
  });

  it('finds problems in headers and footers and names the part', async () => {
    const problems = await problemsOf(paragraph('{date}'), {
      header: paragraph('{territoir}'),
      footer: paragraph('{#presents}'),
    });
    expect(problems.find((p) => p.tag === 'territoir')!.message).toContain('en-tête 1');
    expect(problems.find((p) => p.tag === 'presents')!.message).toContain('pied de page 1');
  });

  it('refuses raw XML and expressions: only plain dictionary tags', async () => {
    const problems = await problemsOf(paragraph('{@date} {situations.length} {date | upper}'));
    expect(problems.map((p) => p.code)).toEqual([
      'unsupported-tag',
      'unsupported-tag',
      'unsupported-tag',
    ]);
  });

  it('reports a loop opened in a table row and closed outside the table', async () => {
    const body = `<w:tbl>${tableRow(['{#situations}{code}', '{decision}'])}</w:tbl>${paragraph('{/situations}')}`;
    const problems = await problemsOf(body);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.tag).toBe('situations');
    expect(problems[0]!.message).toMatch(/^Boucle \{#situations\} mal placée/);
    expect(problems[0]!.message).toContain('paragraphe « {#situations}{code} »');
  });
});
