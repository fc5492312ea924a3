/**
 * The «Bilan» sheet: the bilan's view laid out as a report — key figures,
 * one captioned table per indicator, native charts for the four the comité
 * de pilotage asks about (age bands, referral sources, action domains,
 * exits), and, for the internal version, the records to complete.
 */
import { qualitySummary, type Bilan, type BilanView } from '../../shared/indicators';
import type { NewReport, ReportBlock, ReportChart, WritableCell } from '../hosts/excel';

/** The charted tables, by indicator id; bars when labels are long. */
const charts: Record<string, Omit<ReportChart, 'skipLastRows'>> = {
  age: { type: 'ColumnClustered', title: 'Enfants par tranche d’âge' },
  orientation: { type: 'BarClustered', title: 'Parcours par source d’orientation' },
  'actions-domaine': { type: 'BarClustered', title: 'Actions par domaine' },
  'sorties-motif': { type: 'BarClustered', title: 'Sorties par motif' },
};

export const chartedTables = Object.keys(charts);

/** Counts and shares become numbers Excel can sum and chart; masked «< 5» and the rest stay text. */
export function reportCell(text: string): WritableCell {
  if (/^\d+$/.test(text)) return Number(text);
  const share = /^(\d+(?:,\d+)?) %$/.exec(text);
  if (share) return { share: Number(share[1]!.replace(',', '.')) / 100 };
  return text;
}

export function bilanReport(view: BilanView, bilan: Bilan, today: string): NewReport {
  const keyFigures: ReportBlock = {
    caption: 'Chiffres clés',
    headers: ['Indicateur', 'Valeur', 'Détail', 'Repère national'],
    rows: view.keyFigures.map((f) => [f.label, reportCell(f.value), f.detail, f.national ?? '']),
    notes: [bilan.nationalSource],
  };
  const tables = view.tables.map((table): ReportBlock => ({
    caption: table.title,
    headers: table.headers,
    rows: table.rows.map((row) => row.map(reportCell)),
    notes: table.notes,
    // The last row is the total: a chart of it would dwarf the categories.
    ...(charts[table.id] ? { chart: { ...charts[table.id]!, skipLastRows: 1 } } : {}),
  }));
  const quality: ReportBlock[] =
    view.external || bilan.quality.length === 0
      ? []
      : [
          {
            caption: 'Qualité des données — fiches à compléter avant le bilan',
            headers: ['Code parcours', 'Champ', 'Gravité', 'Problème'],
            rows: bilan.quality.map((issue) => [
              issue.code,
              issue.field,
              issue.severity === 'bloquant' ? 'Bloquant' : 'Incomplet',
              issue.message,
            ]),
            notes: [qualitySummary(bilan)],
          },
        ];
  return {
    sheetName: view.external ? 'Bilan diffusable' : 'Bilan',
    title: view.title,
    subtitle: [
      `Calculé par Passerelle le ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)} à partir de la file active.`,
      ...(view.external
        ? [`Effectifs inférieurs à ${view.threshold} masqués (« < ${view.threshold} »).`]
        : []),
      ...view.warnings.map((w) => `Avertissement : ${w}`),
    ],
    blocks: [keyFigures, ...tables, ...quality],
  };
}
