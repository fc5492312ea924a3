/** Clean tables: internal and shared versions, real dates, formula neutralisation, round trip. */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import {
  exportRecords,
  exportTable,
  importGrid,
  neutraliseFormula,
  readSpreadsheet,
} from '../../shared/import';
import type { ParcoursRecord } from '../../shared/parcours';

const record: ParcoursRecord = {
  id: '0b7f2a52-3f7e-4a55-9a4f-2f2a7c1d9e01',
  code: 'PRE-2025-014',
  child: {
    lastName: 'MEZIANE',
    firstName: 'Rayane',
    birthDate: '2015-06-14',
    sex: 'M',
    school: 'École Jean Jaurès',
    grade: 'CM2',
    neighbourhood: 'Pissevin',
  },
  guardians: [
    {
      lastName: 'MEZIANE',
      firstName: 'Karima',
      relation: 'mere',
      phone: '+33612345678',
      email: 'k.meziane@example.fr',
      address: '3 rue des Lilas, 30900 Nîmes',
    },
  ],
  referent: 'Laurène Lacan',
  referral: {
    date: '2025-09-22',
    source: 'education_nationale',
    reasons: 'Rayane MEZIANE lit mal',
  },
  status: 'en_cours',
  epsDates: ['2025-10-09'],
  notes: '=HYPERLINK("http://example.invalid")',
};

describe('export', () => {
  it('neutralises every text that a spreadsheet would run', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('École')).toBe('École');
    const table = exportTable([record], { version: 'internal' });
    expect(table.rows[0]![table.headers.indexOf('Observations')]).toBe(`'${record.notes}`);
  });

  it('writes the internal version with French headers, labels and real dates', async () => {
    const bytes = exportRecords([record], { version: 'internal', format: 'xlsx' });
    const sheet = XLSX.read(bytes, { type: 'array', cellNF: true }).Sheets['Suivi']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    const headers = rows[0] as string[];
    expect(headers.slice(0, 4)).toEqual(['Code parcours', 'Nom', 'Prénom', 'Date de naissance']);
    const birth = sheet[XLSX.utils.encode_cell({ r: 1, c: 3 })]!;
    expect(birth.t).toBe('n');
    expect(birth.z).toBe('dd/mm/yyyy');
    expect((rows[1] as unknown[])[headers.indexOf('Statut')]).toBe('En cours');
    expect((rows[1] as unknown[])[headers.indexOf('Téléphone')]).toBe('06 12 34 56 78');
  });

  it('reads back its own table into the same record', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const bytes = exportRecords([record], { version: 'internal', format });
      const result = await importGrid(await readSpreadsheet(bytes, { fileName: `t.${format}` }));
      const back = result.records[0]!.record;
      expect(back.code).toBe(record.code);
      expect(back.child).toEqual(record.child);
      expect(back.guardians).toEqual(record.guardians);
      expect(back.referral).toEqual(record.referral);
      expect(back.epsDates).toEqual(record.epsDates);
    }
  });

  it('keeps names, contacts, birth dates and notes out of the shared version', () => {
    const shared = exportTable([record], { version: 'shared' });
    const text = JSON.stringify(shared);
    for (const secret of [
      'MEZIANE',
      'Rayane',
      'Karima',
      '2015',
      '06 12',
      'Lilas',
      'example.fr',
      'HYPERLINK',
    ])
      expect(text).not.toContain(secret);
    expect(shared.headers).toContain('Code parcours');
    // Free text goes through the anonymisation core: the child becomes its code.
    const reasons = shared.rows[0]![shared.headers.indexOf('Motif de l’orientation')];
    expect(reasons).toBe(`${record.code} lit mal`);
  });
});
