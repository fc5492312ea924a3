/** The text view: small counts masked for outside the team, codes kept inside, warnings. */
import { describe, expect, it } from 'vitest';
import { computeBilan, schoolYearPeriod, viewBilan, type TableView } from '../../shared/indicators';
import { fixtureRecords } from './helpers';

const bilan = computeBilan(fixtureRecords(), schoolYearPeriod('2025-2026'));
const rowOf = (table: TableView, label: string) => table.rows.find((r) => r[0] === label)!;
const tableOf = (tables: TableView[], id: string) => tables.find((t) => t.id === id)!;

describe('internal view', () => {
  const view = viewBilan(bilan, { withCodes: true });

  it('shows exact counts, French shares, national shares and codes', () => {
    const sex = tableOf(view.tables, 'sexe');
    expect(sex.headers).toEqual([
      'Enfants',
      'Effectif',
      'Part',
      'Part nationale (ANCT 2021)',
      'Codes parcours',
    ]);
    // 3 boys of 7 children = 42,857 % → «42,9 %»; national 58 %.
    expect(rowOf(sex, 'Garçon')).toEqual([
      'Garçon',
      '3',
      '42,9 %',
      '58 %',
      'PRE-2024-002, PRE-2025-003, PRE-2025-005, PRE-2025-009',
    ]);
    expect(rowOf(sex, 'Total (enfants)').slice(0, 3)).toEqual(['Total (enfants)', '7', '100 %']);
    expect(view.title).toContain('usage interne');
  });

  it('writes key figures with what they are made of', () => {
    const figure = (id: string) => view.keyFigures.find((f) => f.id === id)!;
    expect(figure('enfants').value).toBe('7 enfants');
    expect(figure('sorties-positives')).toMatchObject({
      value: '66,7 %',
      detail: '2 sur 3 sorties dont l’atteinte des objectifs est connue',
    });
    // 999 days / 4 / 30.4375 = 8.205… months.
    expect(figure('duree-moyenne').value).toBe('8,2 mois');
    expect(figure('duree-moyenne').national).toContain('12 à 19 mois');
    expect(figure('enfants-par-referent').value).toBe('2,3 enfants');
  });

  it('warns when a table of children holds a cell of one, and about quasi-identifiers', () => {
    // Age band 2-5 holds one child (2025-014); every neighbourhood × sex × band combination
    // of the 7 children is unique (see bilan.test.ts), hence 7 single combinations.
    expect(
      view.warnings.some((w) => w.includes('tranche d’âge') && w.includes('qu’un enfant')),
    ).toBe(true);
    expect(bilan.singledOutCombinations).toBe(7);
    expect(view.warnings.at(-1)).toMatch(/^7 combinaisons quartier × sexe × tranche d’âge/);
  });
});

describe('external view (diffusion hors de l’équipe)', () => {
  const view = viewBilan(bilan, { external: true, withCodes: true });

  it('masks counts under 5 and their shares, never shows codes', () => {
    const sex = tableOf(view.tables, 'sexe');
    expect(sex.headers).not.toContain('Codes parcours');
    expect(rowOf(sex, 'Fille')).toEqual(['Fille', '< 5', '—', '42 %']);
    expect(rowOf(sex, 'Garçon')).toEqual(['Garçon', '< 5', '—', '58 %']);
    expect(rowOf(sex, 'Total (enfants)')[1]).toBe('7');
    expect(sex.notes).toContain('Effectifs inférieurs à 5 masqués (2 cases).');
    expect(JSON.stringify(view)).not.toMatch(/PRE-20/);
    expect(rowOf(tableOf(view.tables, 'age'), '2 à 5 ans')[1]).toBe('< 5');
    // Zero stays zero: it singles nobody out.
    expect(rowOf(tableOf(view.tables, 'classe'), 'CE1')[1]).toBe('0');
  });

  it('masks a second cell when one masked cell could be found by subtraction', () => {
    // Towns: Salon-de-Provence 6, Pélissanne 1. Total 7 − 6 would give Pélissanne away.
    const towns = tableOf(view.tables, 'commune');
    expect(rowOf(towns, 'Pélissanne')[1]).toBe('< 5');
    expect(rowOf(towns, 'Salon-de-Provence')[1]).toBe('< 5');
  });

  it('does not add a secondary cell in a multi-valued table (no subtraction there)', () => {
    // Motifs with threshold 3: éducatif 2, parentalité 2, non renseigné 1 are masked; 3s stay.
    const motifs = tableOf(viewBilan(bilan, { external: true, threshold: 3 }).tables, 'motifs');
    expect(motifs.rows.map((r) => r[1])).toEqual(['3', '< 3', '3', '< 3', '0', '< 3', '8']);
  });

  it('protects key figures built on fewer than the threshold', () => {
    const figure = (id: string) => view.keyFigures.find((f) => f.id === id)!;
    expect(figure('sorties').value).toBe('< 5 sorties');
    // Positive exits are a share of 3 known outcomes: not published.
    expect(figure('sorties-positives').value).toMatch(/^non diffusé/);
    // 1 refusal of 7: 14,3 % × 7 would give the family away.
    expect(figure('taux-refus').value).toMatch(/^non diffusé/);
    // The ratio's denominator is référents, not children: 7 children is publishable.
    expect(figure('enfants-par-referent').value).toBe('2,3 enfants');
    expect(view.title).toContain('version diffusable');
  });
});
