/**
 * Edges the speed rewrite of table reading and of scan's glue made delicate
 * (#5): cells split by hand rather than by regex, two-cell lines asked lazily,
 * findings ordered by a typed-array sort.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/anonymisation';

const cellsOf = (text: string) =>
  scan(text)
    .findings.filter((f) => f.label.endsWith('(colonne du tableau)'))
    .map((f) => [f.type, text.slice(f.start, f.end)]);

describe('table columns', () => {
  it('trims every kind of space around cells and keeps CRLF out of the last cell', () => {
    const text =
      'Nom\u00a0 ;\u3000Prénom ; Né le\r\nMEZIANE ; Rayane ;\u00a014/06/2015\u00a0\r\nDEMIR;Zeynep;11/04/2017\r\n';
    expect(cellsOf(text)).toEqual([
      ['PERSONNE', 'MEZIANE'],
      ['PERSONNE', 'Rayane'],
      ['DATE_NAISSANCE', '14/06/2015'],
      ['PERSONNE', 'DEMIR'],
      ['PERSONNE', 'Zeynep'],
      ['DATE_NAISSANCE', '11/04/2017'],
    ]);
  });

  it('reads a run of spaces as one separator', () => {
    const text = 'Nom    Prénom   Date de naissance\nCAMARA   Lansana      22/09/2012\n';
    expect(cellsOf(text)).toEqual([
      ['PERSONNE', 'CAMARA'],
      ['PERSONNE', 'Lansana'],
      ['DATE_NAISSANCE', '22/09/2012'],
    ]);
  });

  it('takes a two-column header whichever cell is the shorter', () => {
    for (const header of ['Date de naissance de l’élève;Nom', 'Nom;Date de naissance de l’élève']) {
      const [first, second] = header.startsWith('Nom')
        ? ['DEMIR', '11/04/2017']
        : ['11/04/2017', 'DEMIR'];
      const types = cellsOf(`${header}\n${first};${second}\n`).map(([type]) => type);
      expect(types.sort()).toEqual(['DATE_NAISSANCE', 'PERSONNE']);
    }
  });

  it('does not read a sentence with one «;» as a header, even when it names a column', () => {
    const text =
      'Le dossier est complet ; la date de naissance figure sur le formulaire rempli par la famille.\nRayane;14/06/2015\n';
    expect(cellsOf(text)).toEqual([]);
  });
});

describe('findings order', () => {
  it('lists findings of every detector in text order, offsets slicing to their text', () => {
    const text =
      'Nom;Prénom;Classe\nMEZIANE;Rayane;CM2\n\nMme Karima MEZIANE, 06 24 81 57 30, née le 03/02/1985, suivie au CMP ; 12 rue Paul Poncet, 84000 Avignon.';
    const { findings } = scan(text);
    expect(findings.length).toBeGreaterThan(5);
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1]!, findings[i]!];
      expect(a.start < b.start || (a.start === b.start && a.end >= b.end)).toBe(true);
    }
    expect(new Set(findings.map((f) => f.type))).toEqual(
      new Set(['PERSONNE', 'CLASSE', 'TELEPHONE', 'DATE_NAISSANCE', 'SANTE', 'ADRESSE']),
    );
  });
});
