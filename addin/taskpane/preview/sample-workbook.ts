/**
 * The preview's workbook: the bundled sample caseload laid out the way teams
 * keep it in Excel (a merged title row, French headers, dates as Excel dates).
 */
import { fieldLabel, isoToExcelSerial, statuses, type Status } from '../../../shared/parcours';
import { sampleCaseload } from '../../../shared/samples';
import { columnLetters, dateNumberFormat, type CellValue, type SheetSeed } from '../../hosts/excel';

interface SampleRecord {
  code: string;
  child: {
    lastName: string;
    firstName: string;
    birthDate?: string;
    school?: string;
    grade?: string;
  };
  referent?: string;
  status: Status;
}

const columns: { key: string; cell: (r: SampleRecord) => CellValue; date?: boolean }[] = [
  { key: 'code', cell: (r) => r.code },
  { key: 'child.lastName', cell: (r) => r.child.lastName },
  { key: 'child.firstName', cell: (r) => r.child.firstName },
  {
    key: 'child.birthDate',
    cell: (r) => (r.child.birthDate ? (isoToExcelSerial(r.child.birthDate) ?? '') : ''),
    date: true,
  },
  { key: 'child.school', cell: (r) => r.child.school ?? '' },
  { key: 'child.grade', cell: (r) => r.child.grade ?? '' },
  { key: 'referent', cell: (r) => r.referent ?? '' },
  { key: 'status', cell: (r) => statuses.labels[r.status] },
];

/**
 * A sheet as a team really types it (invented people): a title row, short
 * headers, a column Passerelle does not know, a date typed as text that does
 * not exist, and no «Code parcours» column yet.
 */
function newReferrals(): SheetSeed {
  const headers = [
    'NOM',
    'Prénom',
    'DDN',
    'Ecole',
    'Classe',
    'Suivi par',
    'Orienté par',
    'Tél. mère',
    'Remarque éduc',
  ];
  const rows: CellValue[][] = [
    [
      'MARCHETTI',
      'Enzo',
      isoToExcelSerial('2015-03-14') ?? '',
      'École Jean Jaurès',
      'CE2',
      'Sonia',
      'École',
      '06 12 34 56 78',
      'Timide en classe',
    ],
    [
      'OUEDRAOGO',
      'Awa',
      '31/02/2016',
      'École Jean Jaurès',
      'CE1',
      'Sonia',
      'PMI',
      '07 98 76 54 32',
      'Fratrie déjà suivie',
    ],
    [
      'LEFEBVRE',
      'Noah',
      isoToExcelSerial('2012-11-02') ?? '',
      'Collège Victor Hugo',
      '6e',
      'Karim',
      'Collège',
      '',
      'Absences répétées',
    ],
  ];
  const title = headers.map((_, i) => (i === 0 ? 'Nouvelles orientations — rentrée 2026' : ''));
  return {
    name: 'Orientations 2026',
    values: [title, headers, ...rows],
    numberFormats: [
      title.map(() => 'General'),
      headers.map(() => 'General'),
      ...rows.map((row) => row.map((_, i) => (i === 2 ? dateNumberFormat : 'General'))),
    ],
    mergedAreas: [`A1:${columnLetters(headers.length - 1)}1`],
  };
}

export function sampleWorkbook(): SheetSeed[] {
  const records = sampleCaseload.records as SampleRecord[];
  const width = columns.length;
  const title = Array.from({ length: width }, (_, i) => (i === 0 ? 'Suivi PRE 2025-2026' : ''));
  const dataFormats = columns.map((c) => (c.date ? dateNumberFormat : 'General'));
  return [
    {
      name: 'Suivi 2025-2026',
      values: [
        title,
        columns.map((c) => fieldLabel(c.key)),
        ...records.map((r) => columns.map((c) => c.cell(r))),
      ],
      numberFormats: [
        title.map(() => 'General'),
        columns.map(() => 'General'),
        ...records.map(() => dataFormats),
      ],
      mergedAreas: [`A1:${columnLetters(width - 1)}1`],
    },
    newReferrals(),
    contactsSheet(records),
    { name: 'Notes', values: [] },
  ];
}

/**
 * A contact list as teams keep one beside the caseload, to try «Vérifier la
 * feuille»: a followed child with the guardian's phone, and a family the
 * caseload does not know (invented: LEMAIRE Théo).
 */
function contactsSheet(records: SampleRecord[]): SheetSeed {
  const first = records[0]!;
  return {
    name: 'Contacts familles',
    values: [
      ['Nom', 'Prénom', 'Téléphone', 'Remarque', 'Référent(e)'],
      [
        first.child.lastName,
        first.child.firstName,
        '06 12 45 78 90',
        'Rappeler la mère mardi',
        first.referent ?? '',
      ],
      [
        'LEMAIRE',
        'Théo',
        '06 48 27 93 15',
        'Courriel : famille.lemaire@exemple.fr',
        'Karim Haddad',
      ],
    ],
  };
}
