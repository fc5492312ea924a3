/**
 * «Classeur»: the workbook as Passerelle sees it through ExcelHost — its
 * sheets with their used range and the current selection — with a button
 * to go to a sheet. The Excel views (import, check) start from here.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { isPasserelleError } from '../../../shared/parcours';
import type { ExcelHost } from '../../hosts/excel';
import type { ViewProps } from '../views';

interface WorkbookState {
  sheets: { name: string; usedRange: string | null }[];
  selection: { sheetName: string; address: string; cells: number };
}

async function readWorkbook(excel: ExcelHost): Promise<WorkbookState> {
  const names = await excel.listSheets();
  const sheets = [];
  for (const name of names) sheets.push({ name, usedRange: await excel.usedRange(name) });
  const selection = await excel.readSelection();
  const cells = selection.values.reduce((n, row) => n + row.length, 0);
  return {
    sheets,
    selection: { sheetName: selection.sheetName, address: selection.address, cells },
  };
}

const describeError = (error: unknown) =>
  isPasserelleError(error)
    ? error.describe()
    : 'Excel n’a pas répondu : fermez puis rouvrez le volet Passerelle.';

export default function WorkbookView({ hosts }: ViewProps) {
  const [excel, setExcel] = useState<ExcelHost | null | undefined>(undefined);
  const [state, setState] = useState<WorkbookState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async (host: ExcelHost) => {
    try {
      setState(await readWorkbook(host));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, []);

  useEffect(() => {
    void hosts.excel().then((host) => {
      setExcel(host);
      if (host) void refresh(host);
    });
  }, [hosts, refresh]);

  if (excel === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Cette vue s’ouvre dans Excel.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!excel || (!state && !error)) return <Spinner size="small" label="Lecture du classeur…" />;

  const goTo = async (sheetName: string, usedRange: string | null) => {
    try {
      await excel.selectCell(sheetName, usedRange?.split(':')[0] ?? 'A1');
      await refresh(excel);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <section aria-labelledby="classeur-titre">
      <Text as="h2" id="classeur-titre" size={400} weight="semibold" block>
        Classeur ouvert
      </Text>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {state && (
        <>
          <Text as="p" block>
            Sélection&nbsp;: feuille «&nbsp;{state.selection.sheetName}&nbsp;», plage{' '}
            {state.selection.address} ({state.selection.cells}{' '}
            {state.selection.cells > 1 ? 'cellules' : 'cellule'}).
          </Text>
          <Table size="small" aria-label="Feuilles du classeur">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Feuille</TableHeaderCell>
                <TableHeaderCell>Plage utilisée</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.sheets.map((sheet) => (
                <TableRow key={sheet.name}>
                  <TableCell>{sheet.name}</TableCell>
                  <TableCell>{sheet.usedRange ?? 'feuille vide'}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => void goTo(sheet.name, sheet.usedRange)}
                      aria-label={`Aller à la feuille ${sheet.name}`}
                    >
                      Aller à la feuille
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button appearance="subtle" onClick={() => void refresh(excel)}>
            Actualiser
          </Button>
        </>
      )}
    </section>
  );
}
