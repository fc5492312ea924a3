/**
 * Word documents before sharing: a 300-paragraph working note (children of
 * the sample caseload, their families' phones, a table, header and footer)
 * checked paragraph by paragraph («Vérifier avant partage») and turned into
 * its pseudonymised copy («Créer la version partagée»), each beside the
 * anonymisation core on the same text as one plain string, in the same run.
 */
import { namesIndexFromPeople, pseudonymise, scan } from '../../shared/anonymisation';
import { docxParagraphs, pseudonymiseDocx, scanParagraphs } from '../../shared/documents';
import { peopleFromRecords, type ParcoursRecord } from '../../shared/parcours';
import { sampleCaseload } from '../../shared/samples';
import { makeDocx, paragraph, tableRow } from '../minutes/helpers';
import { time, type Bench } from './harness';

const records = sampleCaseload.records as unknown as ParcoursRecord[];

function workingNote(): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < 290; i++) {
    const record = records[i % records.length]!;
    const guardian = record.guardians?.[0];
    lines.push(
      paragraph(
        `Point ${i + 1} : ${record.child.firstName} ${record.child.lastName}, ${record.child.grade ?? ''} à ${record.child.school ?? 'l’école'}. ${guardian ? `Sa mère, Mme ${guardian.firstName} ${guardian.lastName}, est joignable au 06 12 34 ${String(10 + (i % 90))} 78.` : ''} Suivi par Sonia Martel ; bilan orthophonique en cours.`,
      ),
    );
  }
  const table = records.map((r) => tableRow([`${r.child.firstName} ${r.child.lastName}`, r.code]));
  return makeDocx({
    header: paragraph('Notes de préparation — EPS'),
    body: `${lines.join('')}<w:tbl>${table.join('')}</w:tbl>`,
    footer: paragraph('Document de travail — Moussa TRAORÉ'),
  });
}

export const documentsBench: Bench = {
  name: 'Document Word avant partage',
  async run() {
    const docx = workingNote();
    const names = namesIndexFromPeople(peopleFromRecords(records), {
      professionals: ['Sonia Martel', 'Karim Haddad'],
    });
    const paragraphs = await docxParagraphs(docx);
    const plain = paragraphs.map((p) => p.text).join('\n');
    const scanPlain = await time(() => scan(plain, { names }), 10);
    const check = await time(() => scanParagraphs(paragraphs, { names }), 10);
    const pseudonymisePlain = await time(() => pseudonymise(plain, { names }), 10);
    const copy = await time(() => pseudonymiseDocx(docx, { names }), 10);
    return [
      {
        name: 'Vérifier un document de 300 paragraphes (médiane)',
        value: check.median,
        unit: 'ms',
        baseline: { name: 'scan du même texte en un bloc', value: scanPlain.median },
        target: '< 500 ms',
        pass: check.median < 500,
      },
      {
        name: 'Copie pseudonymisée du même .docx (médiane)',
        value: copy.median,
        unit: 'ms',
        baseline: { name: 'pseudonymise du même texte', value: pseudonymisePlain.median },
        target: '< 1000 ms',
        pass: copy.median < 1000,
      },
    ];
  },
};
