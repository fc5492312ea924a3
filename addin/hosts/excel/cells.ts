/** Converts cells to write into what Excel stores: values and their number formats. */
import { PasserelleError, isoToExcelSerial } from '../../../shared/parcours';
import {
  dateNumberFormat,
  shareNumberFormat,
  type CellValue,
  type WritableCell,
} from './excel-host';

export interface ExcelCell {
  value: CellValue;
  numberFormat: string;
}

export function toExcelCell(cell: WritableCell): ExcelCell {
  if (cell === null) return { value: '', numberFormat: 'General' };
  if (typeof cell === 'object' && 'share' in cell) {
    return { value: cell.share, numberFormat: shareNumberFormat };
  }
  if (typeof cell === 'object') {
    const serial = isoToExcelSerial(cell.date);
    if (serial === null) {
      throw new PasserelleError(
        'excel/date-invalide',
        `La date «${cell.date}» n’est pas une date AAAA-MM-JJ valide : corrigez-la avant d’écrire la feuille.`,
      );
    }
    return { value: serial, numberFormat: dateNumberFormat };
  }
  // Text stays text: «0612…» or «2014-05-12» typed as text must not become numbers or dates.
  return { value: cell, numberFormat: typeof cell === 'string' ? '@' : 'General' };
}
