/**
 * A 10 000-row × 20-column caseload workbook → validated records, against
 * the raw SheetJS parse of the same file in the same run.
 */
import * as XLSX from '@e965/xlsx';
import { importGrid, readSpreadsheet } from '../../shared/import';
import { time, type Bench } from './harness';

const SCHOOLS = ['École Jean Zay', 'Collège Diderot', 'École Les Olivades', 'Collège Anne Frank'];
const GRADES = ['CP', 'CE1', 'ce 2', 'CM1 ULIS', '6ème SEGPA', '5e', 'grande section'];
const STATUSES = ['en cours', 'attente EPS', 'sorti(e)', 'repéré', 'refus famille'];
const SOURCES = ['Infirmière scolaire', 'CAF', 'MDS', 'la maman', 'CMP', 'centre social'];

/** The workbook, built once: real dates, phones as text and numbers, free text. */
export function caseloadWorkbook(rows: number): Uint8Array {
  const header = [
    'Nom',
    'Prénom',
    'Date de naissance',
    'Sexe',
    'École',
    'Classe',
    'Quartier',
    'Commune',
    'Référente',
    'Date de saisine',
    'Orienté par',
    'Motif',
    'Statut',
    'Nom de la mère',
    'Téléphone',
    'Courriel',
    'Adresse',
    'Date EPS',
    'Observations',
    'Transport',
  ];
  const data: unknown[][] = [['Suivi PRE 2025-2026'], [], header];
  for (let i = 0; i < rows; i++) {
    data.push([
      `NOM${i}`,
      `Prénom${i % 97}`,
      40_000 + (i % 3_000),
      i % 2 ? 'F' : 'G',
      SCHOOLS[i % 4],
      GRADES[i % 7],
      'Pissevin',
      'Nîmes',
      `Référente ${i % 5}`,
      45_500 + (i % 300),
      SOURCES[i % 6],
      'Difficultés en lecture, fatigue',
      STATUSES[i % 5],
      `NOM${i}`,
      i % 2 ? `06 12 34 ${String(i % 100).padStart(2, '0')} 78` : 612_345_678,
      `parent${i}@example.fr`,
      `${i} rue de la Paix, 30900 Nîmes`,
      45_600 + (i % 100),
      'Famille difficile à joindre',
      'bus',
    ]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(data);
  for (let r = 3; r < data.length; r++)
    for (const c of [2, 9, 17]) sheet[XLSX.utils.encode_cell({ r, c })]!.z = 'dd/mm/yyyy';
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Suivi');
  return new Uint8Array(
    XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}

export const importBench: Bench = {
  name: 'Import d’un classeur de 10 000 lignes',
  async run() {
    const bytes = caseloadWorkbook(10_000);
    let records = 0;
    const raw = await time(() => XLSX.read(bytes, { type: 'array' }), 5, 1);
    const full = await time(
      async () => {
        const result = await importGrid(await readSpreadsheet(bytes, { fileName: 'suivi.xlsx' }), {
          today: '2026-01-15',
        });
        records = result.records.length;
      },
      5,
      1,
    );
    const ok = records === 10_000;
    return [
      {
        name: `10 000 lignes × 20 colonnes → ${records} fiches validées (médiane)`,
        value: full.median,
        unit: 'ms',
        baseline: { name: 'lecture SheetJS seule', value: raw.median },
        target: '< 1 000 ms et ≤ 1,5 × la lecture',
        pass: ok && full.median < 1_000 && full.median <= 1.5 * raw.median,
      },
    ];
  },
};
