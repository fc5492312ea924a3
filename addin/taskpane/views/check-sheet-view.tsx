/**
 * «Vérifier la feuille»: the used range of a chosen sheet scanned cell by
 * cell by the anonymisation core (the header row gives each column's
 * meaning; the caseload's names when the file active is unlocked), findings
 * grouped by person and type, one click selecting the cell in Excel;
 * «Pseudonymiser la copie» writes a pseudonymised copy into a new sheet,
 * lists what can still point at someone, and logs it (codes only).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { excelSerialToIso } from '../../../shared/parcours';
import type { CaseloadStore } from '../../../shared/store';
import { FindingsList, useBusyAction } from '../../../shared/ui';
import {
  headerRowIndex,
  pseudonymiseSheet,
  scanSheet,
  type CellFinding,
  type SheetCell,
} from '../../../shared/sheets';
import { columnLetters, parseRange, type ExcelHost, type SheetRange } from '../../hosts/excel';
import { caseloadNames } from './caseload-names';
import { ExcelGate } from './excel-gate';
import { useOpenStore } from './session-gate';
import type { ViewProps } from '../views';

/** A number shown as a date (`dd/mm/yyyy`, `d mmm yy`…) is a date; `General` or text is not. */
const isDateFormat = (format: string | undefined) =>
  !!format && format !== 'General' && !format.includes('@') && /[dy]/i.test(format);

/** The sheet's cells as the check reads them: dates as dates, from the header row down. */
function gridOf(range: SheetRange) {
  const all = range.values.map((row, r) =>
    row.map((value, c): SheetCell => {
      if (typeof value === 'number' && isDateFormat(range.numberFormats[r]?.[c])) {
        const iso = excelSerialToIso(value);
        return iso.ok ? { date: iso.value } : value;
      }
      return value === '' ? null : value;
    }),
  );
  const header = headerRowIndex(all);
  const origin = parseRange(range.address) ?? { row: 0, column: 0 };
  return {
    grid: all.slice(header),
    cellName: (row: number, column: number) =>
      `${columnLetters(origin.column + column)}${origin.row + header + row + 1}`,
  };
}

interface Checked {
  sheetName: string;
  range: SheetRange;
  findings: CellFinding[];
}

interface Copy {
  sheetName: string;
  residualRisks: string[];
}

function CheckSheet({ excel, store }: { excel: ExcelHost; store: CaseloadStore | null }) {
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [sheetName, setSheetName] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [copy, setCopy] = useState<Copy | null>(null);
  const { busy, error, run } = useBusyAction('Excel n’a pas répondu : réessayez.');

  useEffect(() => {
    void excel.listSheets().then((names) => {
      setSheets(names);
      setSheetName((current) => current || (names[0] ?? ''));
    });
  }, [excel]);

  const check = () =>
    run(async () => {
      const range = await excel.readSheet(sheetName);
      const { grid, cellName } = gridOf(range);
      const findings = scanSheet(grid, {
        names: await caseloadNames(store),
        headerRow: true,
        cellName,
      });
      setCopy(null);
      setChecked({ sheetName, range, findings });
    });

  const pseudonymiseCopy = (target: Checked) =>
    run(async () => {
      const { grid } = gridOf(target.range);
      const result = pseudonymiseSheet(grid, {
        names: await caseloadNames(store),
        headerRow: true,
      });
      const [headers = [], ...rows] = result.values;
      const written = await excel.writeTable({
        sheetName: `${target.sheetName} pseudonymisé`,
        headers: headers.map((h, i) =>
          h === null || typeof h === 'object' ? `Colonne ${i + 1}` : String(h),
        ),
        rows,
      });
      await store?.logEvent(
        'pseudonymisation',
        result.codes,
        'copie pseudonymisée d’une feuille Excel',
      );
      setCopy({ sheetName: written.sheetName, residualRisks: result.residualRisks });
      setSheets(await excel.listSheets());
    });

  if (!sheets) return <Spinner size="small" label="Lecture du classeur…" />;
  const direct = checked?.findings.filter((f) => f.direct).length ?? 0;

  return (
    <section aria-labelledby="verifier-titre">
      <Text as="h2" id="verifier-titre" size={400} weight="semibold" block>
        Vérifier la feuille
      </Text>
      {!store && (
        <MessageBar intent="info">
          <MessageBarBody>
            File active verrouillée&nbsp;: les noms sont cherchés d’après les en-têtes et le
            contexte seulement. Déverrouillez-la dans «&nbsp;File active&nbsp;» pour reconnaître les
            enfants suivis et écrire leurs codes.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Feuille à vérifier">
        <Select value={sheetName} onChange={(_, d) => setSheetName(d.value)}>
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '8px 0' }}>
        <Button appearance="primary" disabled={busy || !sheetName} onClick={() => void check()}>
          Vérifier la feuille
        </Button>
        {checked && checked.findings.length > 0 && (
          <Button disabled={busy} onClick={() => void pseudonymiseCopy(checked)}>
            Pseudonymiser la copie
          </Button>
        )}
      </div>
      {busy && <Spinner size="small" label="Vérification…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {copy && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Copie pseudonymisée écrite</MessageBarTitle>
            Feuille «&nbsp;{copy.sheetName}&nbsp;». Ce qui peut encore permettre de reconnaître
            quelqu’un&nbsp;:
            <ul aria-label="Risques restants">
              {copy.residualRisks.map((risk) => (
                <li key={risk}>{risk}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {checked && (
        <>
          <Text as="p" block>
            Feuille «&nbsp;{checked.sheetName}&nbsp;»&nbsp;:{' '}
            {checked.findings.length
              ? `${checked.findings.length} donnée(s) personnelle(s) trouvée(s), dont ${direct} directement identifiante(s). Cliquez sur une ligne pour sélectionner la cellule.`
              : 'aucune donnée personnelle trouvée.'}
          </Text>
          <FindingsList
            findings={checked.findings}
            label="Données personnelles trouvées"
            onSelect={(f) => void run(() => excel.selectCell(checked.sheetName, f.cell))}
          />
        </>
      )}
    </section>
  );
}

export default function CheckSheetView({ environment, hosts }: ViewProps) {
  // The check also runs with the caseload locked (context only), so no SessionGate here.
  const store = useOpenStore(environment.kind === 'preview');
  return (
    <ExcelGate hosts={hosts}>{(excel) => <CheckSheet excel={excel} store={store} />}</ExcelGate>
  );
}
