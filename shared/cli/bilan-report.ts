/** The bilan as French text for the terminal, and as a SheetJS workbook. */
import * as XLSX from '@e965/xlsx';
import { qualitySummary, type Bilan, type BilanView } from '../indicators';
import { renderTable } from './table';

export function bilanText(view: BilanView, bilan: Bilan): string {
  const lines: string[] = [
    view.title,
    '═'.repeat(Math.min(view.title.length, 80)),
    '',
    'Chiffres clés',
  ];
  for (const figure of view.keyFigures) {
    lines.push(`  ${figure.label} : ${figure.value}${figure.detail ? ` (${figure.detail})` : ''}`);
    if (figure.national) lines.push(`      ${figure.national}`);
  }
  for (const table of view.tables) {
    lines.push('', table.title, renderTable(table.headers, table.rows, 40));
    for (const note of table.notes) lines.push(`  ${note}`);
  }
  lines.push('', bilan.nationalSource);
  if (view.warnings.length) {
    lines.push('', 'Avertissements');
    for (const warning of view.warnings) lines.push(`  ! ${warning}`);
    if (!view.external) lines.push('  Version protégée : ajoutez --diffusion externe.');
  }
  if (!view.external) {
    lines.push('', qualitySummary(bilan));
    for (const issue of bilan.quality)
      lines.push(`  – ${issue.code} (${issue.field}) : ${issue.message}`);
  }
  lines.push('', 'Règles de calcul : passerelle bilan --regles');
  return lines.join('\n');
}

export function rulesText(bilan: Bilan): string {
  return [
    'Règles de calcul du bilan',
    '',
    ...bilan.rules.flatMap((r) => [r.title, `  ${r.explanation}`, '']),
  ].join('\n');
}

/** Integers become numbers so Excel can sum and chart them; everything else stays text. */
const cell = (text: string): string | number => (/^\d+$/.test(text) ? Number(text) : text);

/**
 * One sheet of key figures, one per indicator table (French title, period,
 * headers, notes), then «Qualité des données» (internal version only: it lists
 * codes) and «Règles de calcul».
 */
export function bilanWorkbook(view: BilanView, bilan: Bilan): XLSX.WorkBook {
  const workbook = XLSX.utils.book_new();
  const add = (name: string, rows: Array<Array<string | number>>, widths: number[]) => {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!cols'] = widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(workbook, sheet, name);
  };
  add(
    'Chiffres clés',
    [
      [view.title],
      [],
      ['Indicateur', 'Valeur', 'Détail', 'Repère national'],
      ...view.keyFigures.map((f) => [f.label, cell(f.value), f.detail, f.national ?? '']),
      [],
      [bilan.nationalSource],
      ...view.warnings.map((w) => [`Avertissement : ${w}`]),
    ],
    [45, 22, 50, 50],
  );
  for (const table of view.tables) {
    add(
      table.shortTitle,
      [
        [table.title],
        [view.title],
        [],
        table.headers,
        ...table.rows.map((r) => r.map(cell)),
        [],
        ...table.notes.map((n) => [n]),
      ],
      table.headers.map((_, i) => (i === 0 ? 40 : i === 4 ? 60 : 16)),
    );
  }
  if (!view.external) {
    add(
      'Qualité des données',
      [
        ['Qualité des données — fiches à compléter avant le bilan'],
        [qualitySummary(bilan)],
        [],
        ['Code parcours', 'Champ', 'Gravité', 'Problème'],
        ...bilan.quality.map((i) => [
          i.code,
          i.field,
          i.severity === 'bloquant' ? 'Bloquant' : 'Incomplet',
          i.message,
        ]),
      ],
      [16, 22, 12, 100],
    );
  }
  add(
    'Règles de calcul',
    [
      ['Règles de calcul'],
      [],
      ['Règle', 'Explication'],
      ...bilan.rules.map((r) => [r.title, r.explanation]),
    ],
    [40, 120],
  );
  return workbook;
}

export function workbookBytes(workbook: XLSX.WorkBook): Uint8Array {
  return new Uint8Array(
    XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}
