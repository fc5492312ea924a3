/**
 * What a person reads: the bilan as French text cells, internal (full counts,
 * optionally the codes) or for outside the team (small counts masked, no
 * codes, warnings). The terminal, the workbook and the shells render this.
 */
import type { Bilan, IndicatorTable, KeyFigure } from './types';

export const DEFAULT_THRESHOLD = 5;

export interface ViewOptions {
  /** For outside the team: small counts masked, codes never shown. */
  external?: boolean;
  /** Counts under this are masked in an external view (default 5). */
  threshold?: number;
  /** Adds a «Codes parcours» column (internal view only). */
  withCodes?: boolean;
}

export interface TableView {
  id: string;
  title: string;
  /** ≤ 31 characters: sheet name, chart caption. */
  shortTitle: string;
  headers: string[];
  rows: string[][];
  /** French notes under the table (masking, multi-valued shares). */
  notes: string[];
}

export interface KeyFigureView {
  id: string;
  label: string;
  value: string;
  /** «12 sur 40 sorties dont…» */
  detail: string;
  national?: string;
}

export interface BilanView {
  title: string;
  external: boolean;
  threshold: number;
  keyFigures: KeyFigureView[];
  tables: TableView[];
  /** French warnings about singling out a child. */
  warnings: string[];
}

/** French decimal comma, trailing zeros dropped: 2.50 → «2,5», 2.00 → «2». */
const number = (n: number, digits = 1) => String(Number(n.toFixed(digits))).replace('.', ',');
/** «1 sortie», «3 sorties»; «parcours» and «mois» do not change. */
const counted = (n: number, unit: string) =>
  n > 1 || !unit.endsWith('s') || unit === 'parcours' || unit === 'mois' ? unit : unit.slice(0, -1);
export const percent = (share: number | null) =>
  share === null ? '—' : `${number(share * 100)} %`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function viewBilan(bilan: Bilan, options: ViewOptions = {}): BilanView {
  const external = options.external ?? false;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const masked = `< ${threshold}`;
  const hide = (count: number) => external && count > 0 && count < threshold;
  const withCodes = options.withCodes === true && !external;
  const warnings: string[] = [];

  const tables = bilan.tables.map((table) => {
    const hidden = maskedRows(table, hide);
    const hasNational = table.rows.some((r) => r.national !== undefined);
    const headers = [capitalise(table.unit), 'Effectif', 'Part'];
    if (hasNational) headers.push('Part nationale (ANCT 2021)');
    if (withCodes) headers.push('Codes parcours');
    const rows = table.rows.map((row) => {
      const cells = hidden.has(row.key)
        ? [row.label, masked, '—']
        : [row.label, String(row.count), percent(row.share)];
      if (hasNational) cells.push(row.national === undefined ? '' : percent(row.national));
      if (withCodes) cells.push(row.codes.join(', '));
      return cells;
    });
    const total = [
      `Total (${table.unit})`,
      hide(table.denominator) ? masked : String(table.denominator),
      table.denominator ? '100 %' : '—',
    ];
    if (hasNational) total.push('');
    if (withCodes) total.push('');
    rows.push(total);
    const notes: string[] = [];
    if (table.multiValued)
      notes.push(
        `Un parcours peut compter dans plusieurs lignes : la somme des parts dépasse 100 %.`,
      );
    if (hidden.size)
      notes.push(
        `Effectifs inférieurs à ${threshold} masqués (${hidden.size} case${hidden.size > 1 ? 's' : ''}).`,
      );
    const single = table.rows.filter((r) => r.count === 1);
    if (single.length && !external && table.unit === 'enfants') {
      warnings.push(
        `« ${table.title} » : ${single.length} ligne${single.length > 1 ? 's' : ''} ne compte${single.length > 1 ? 'nt' : ''} qu’un enfant : hors de l’équipe, diffusez la version protégée, où les petits effectifs sont masqués.`,
      );
    }
    return { id: table.id, title: table.title, shortTitle: table.shortTitle, headers, rows, notes };
  });

  if (bilan.singledOutCombinations > 0) {
    warnings.push(
      `${bilan.singledOutCombinations} combinaison${bilan.singledOutCombinations > 1 ? 's' : ''} quartier × sexe × tranche d’âge ne compte${bilan.singledOutCombinations > 1 ? 'nt' : ''} qu’un enfant : ne croisez pas ces tableaux entre eux dans un document diffusé, l’enfant serait reconnaissable.`,
    );
  }

  return {
    title: `Bilan du PRE — ${bilan.period.label}${external ? ' — version diffusable (petits effectifs masqués)' : ' — usage interne'}`,
    external,
    threshold,
    keyFigures: bilan.keyFigures.map((f) => viewFigure(f, external, threshold)),
    tables,
    warnings,
  };
}

/** Primary masking, then one secondary cell when a lone masked cell could be found by subtraction. */
function maskedRows(table: IndicatorTable, hide: (count: number) => boolean): Set<string> {
  const hidden = new Set(table.rows.filter((r) => hide(r.count)).map((r) => r.key));
  if (hidden.size === 1 && !table.multiValued) {
    const next = table.rows
      .filter((r) => r.count > 0 && !hidden.has(r.key))
      .sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}

function viewFigure(figure: KeyFigure, external: boolean, threshold: number): KeyFigureView {
  const masked = `< ${threshold}`;
  const small = (n: number) => external && n > 0 && n < threshold;
  const amount = (n: number, unit = figure.unit) => {
    const shown = small(n) ? masked : number(n, 2);
    return unit ? `${shown} ${counted(small(n) ? 2 : n, unit)}` : shown;
  };
  const base = {
    id: figure.id,
    label: figure.label,
    ...(figure.national ? { national: figure.national } : {}),
  };
  if (figure.kind === 'count') {
    const whole = figure.id === 'enfants' || figure.id === 'parcours';
    return {
      ...base,
      value: amount(figure.numerator),
      detail: whole ? '' : `sur ${amount(figure.denominator, figure.denominatorLabel)}`,
    };
  }
  // A share of a small count gives the count back (× the denominator): both are protected.
  // A ratio's denominator is référents, not children: only the children count is.
  const hidden =
    figure.kind === 'ratio'
      ? small(figure.numerator)
      : small(figure.denominator) || (figure.kind === 'share' && small(figure.numerator));
  if (hidden) {
    return {
      ...base,
      value: `non diffusé (effectif inférieur à ${threshold})`,
      detail: '',
    };
  }
  if (figure.value === null) {
    return { ...base, value: '—', detail: `aucun élément : 0 ${figure.denominatorLabel}` };
  }
  if (figure.kind === 'share') {
    return {
      ...base,
      value: percent(figure.value),
      detail: `${amount(figure.numerator, '')} sur ${figure.denominator} ${figure.denominatorLabel}`,
    };
  }
  if (figure.kind === 'mean') {
    return {
      ...base,
      value: `${number(figure.value)} ${figure.unit ?? ''}`.trim(),
      detail: `moyenne sur ${figure.denominator} ${figure.denominatorLabel}`,
    };
  }
  return {
    ...base,
    value: `${number(figure.value)} ${figure.unit ?? ''}`.trim(),
    detail: `${amount(figure.numerator)} ÷ ${number(figure.denominator, 2)} ${figure.denominatorLabel}`,
  };
}

/** One French line on the data-quality report, for the terminal and the shells. */
export function qualitySummary(bilan: Bilan): string {
  const blocking = bilan.quality.filter((i) => i.severity === 'bloquant').length;
  if (!bilan.quality.length) return 'Qualité des données : aucune fiche à compléter.';
  const codes = new Set(bilan.quality.map((i) => i.code)).size;
  return `Qualité des données : ${bilan.quality.length} point(s) à corriger sur ${codes} fiche(s), dont ${blocking} écartant une fiche du bilan.`;
}
