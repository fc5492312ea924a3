/**
 * «Importer»: a range of the workbook (the selection, the current table or a
 * whole sheet) through the core importer into the caseload. The user checks
 * and corrects the column mapping (remembered per header signature by the
 * store), sees the faulty cells and can select them in the sheet, then saves
 * everything in one write. When the sheet had no «Code parcours» column, the
 * pane asks whether to write the codes into it so the whole team shares them.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { importGrid, type ImportResult } from '../../../shared/import';
import { PasserelleError, isPasserelleError, type Progress } from '../../../shared/parcours';
import type { CaseloadStore } from '../../../shared/store';
import {
  ImportDone,
  ImportMapping,
  ImportProgress,
  Screen,
  lacksCodeColumn,
  withOverride,
} from '../../../shared/ui';
import type { ExcelHost } from '../../hosts/excel';
import { codeColumnWrite, gridOfRange, sheetAddress, type RangeOrigin } from '../import-range';
import type { ViewProps } from '../views';
import { ExcelGate } from './excel-gate';
import { SessionGate } from './session-gate';

type Source = 'selection' | 'table' | 'sheet';

/** Rows read between two yields: keeps every main-thread block well under 200 ms. */
const IMPORT_CHUNK_ROWS = 500;

type Step =
  | { kind: 'choose' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'mapping'; result: ImportResult; saving: boolean }
  | { kind: 'done'; result: ImportResult; codes: 'ask' | 'writing' | 'written' | 'declined' };

const describeError = (error: unknown, fallback: string) =>
  isPasserelleError(error) ? error.describe() : fallback;

async function readSource(excel: ExcelHost, source: Source, sheet: string) {
  if (source === 'selection') return excel.readSelection();
  if (source === 'sheet') return excel.readSheet(sheet);
  const table = await excel.readCurrentTable();
  if (!table)
    throw new PasserelleError(
      'excel/no-table',
      'aucun tableau Excel ne contient la cellule active : cliquez dans le tableau puis recommencez.',
    );
  return table;
}

function ImportFlow({ excel, store }: { excel: ExcelHost; store: CaseloadStore }) {
  const [sheets, setSheets] = useState<string[]>([]);
  const [source, setSource] = useState<Source>('sheet');
  const [sheet, setSheet] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const origin = useRef<RangeOrigin | null>(null);
  const overrides = useRef<Record<string, string | null>>({});
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    void excel.listSheets().then(
      (names) => {
        setSheets(names);
        setSheet((current) => current || names[0] || '');
      },
      (caught: unknown) => setError(describeError(caught, 'Excel n’a pas donné ses feuilles.')),
    );
  }, [excel]);

  const run = async () => {
    const range = origin.current;
    if (!range) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStep({ kind: 'running', progress: null });
    try {
      const result = await importGrid(range.grid, {
        caseload: store,
        mappingMemory: store.mappingMemory,
        ...(Object.keys(overrides.current).length ? { mappingOverrides: overrides.current } : {}),
        onProgress: (progress) => setStep({ kind: 'running', progress }),
        signal: controller.signal,
        // 500 rows take ~50 ms here (2 000: ~110 ms); Office webviews are slower.
        chunkSize: IMPORT_CHUNK_ROWS,
      });
      if (!controller.signal.aborted) setStep({ kind: 'mapping', result, saving: false });
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(describeError(caught, 'L’import a échoué : vérifiez la feuille puis recommencez.'));
      setStep({ kind: 'choose' });
    }
  };

  const start = async () => {
    setError(null);
    setNotice(null);
    overrides.current = {};
    try {
      const range = await readSource(excel, source, sheet);
      origin.current = gridOfRange(range);
      await run();
    } catch (caught) {
      setError(describeError(caught, 'Excel n’a pas donné la plage : recommencez.'));
      setStep({ kind: 'choose' });
    }
  };

  const cancel = () => {
    running.current?.abort();
    setStep({ kind: 'choose' });
  };

  const save = async (result: ImportResult) => {
    setStep({ kind: 'mapping', result, saving: true });
    try {
      await store.putRecords(result.records.map((r) => r.record));
      setStep({ kind: 'done', result, codes: lacksCodeColumn(result) ? 'ask' : 'declined' });
    } catch (caught) {
      setError(
        describeError(caught, 'Rien n’a été enregistré : vérifiez les lignes puis recommencez.'),
      );
      setStep({ kind: 'mapping', result, saving: false });
    }
  };

  const writeCodes = async (result: ImportResult) => {
    const range = origin.current;
    if (!range) return;
    setStep({ kind: 'done', result, codes: 'writing' });
    try {
      const write = codeColumnWrite(result, range, await excel.usedRange(range.sheetName));
      await excel.writeColumn(range.sheetName, write.startCell, write.values);
      setNotice(
        `Codes écrits dans la colonne ${write.startCell.replace(/\d+$/, '')} de la feuille «\u00a0${range.sheetName}\u00a0».`,
      );
      setStep({ kind: 'done', result, codes: 'written' });
    } catch (caught) {
      setError(describeError(caught, 'Excel n’a pas écrit les codes : recommencez.'));
      setStep({ kind: 'done', result, codes: 'ask' });
    }
  };

  const selectCell = (sheetName: string | null, address: string) => {
    const range = origin.current;
    if (!range) return;
    setError(null);
    void excel
      .selectCell(sheetName ?? range.sheetName, sheetAddress(address, range))
      .catch((caught: unknown) =>
        setError(describeError(caught, 'Excel n’a pas sélectionné la cellule.')),
      );
  };

  const messages = (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  switch (step.kind) {
    case 'running':
      return <ImportProgress progress={step.progress} onCancel={cancel} />;
    case 'mapping':
      return (
        <>
          {messages}
          <ImportMapping
            result={step.result}
            busy={step.saving}
            onChangeMapping={(header, key) => {
              overrides.current = withOverride(overrides.current, header, key);
              void run();
            }}
            onSelectCell={selectCell}
            onConfirm={() => void save(step.result)}
            onCancel={cancel}
          />
        </>
      );
    case 'done':
      return (
        <>
          {messages}
          <ImportDone result={step.result} onRestart={() => setStep({ kind: 'choose' })}>
            {(step.codes === 'ask' || step.codes === 'writing') && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  La feuille n’a pas de colonne «&nbsp;Code parcours&nbsp;». Écrire les codes dans
                  une nouvelle colonne, pour que toute l’équipe utilise les mêmes&nbsp;?
                  <span style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                    <Button
                      appearance="primary"
                      disabled={step.codes === 'writing'}
                      onClick={() => void writeCodes(step.result)}
                    >
                      Écrire les codes
                    </Button>
                    <Button
                      disabled={step.codes === 'writing'}
                      onClick={() => setStep({ ...step, codes: 'declined' })}
                    >
                      Non merci
                    </Button>
                  </span>
                </MessageBarBody>
              </MessageBar>
            )}
          </ImportDone>
        </>
      );
    case 'choose':
      return (
        <Screen title="Importer dans la file active">
          {messages}
          <RadioGroup
            aria-label="Que faut-il importer ?"
            value={source}
            onChange={(_, data) => setSource(data.value as Source)}
          >
            <Radio value="sheet" label="Une feuille entière" />
            <Radio value="table" label="Le tableau Excel où se trouve la cellule active" />
            <Radio value="selection" label="La sélection" />
          </RadioGroup>
          {source === 'sheet' && (
            <Field label="Feuille">
              <Select value={sheet} onChange={(_, data) => setSheet(data.value)}>
                {sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Text size={200}>
            Passerelle lit la plage, reconnaît les colonnes et vous montre le résultat avant
            d’enregistrer quoi que ce soit.
          </Text>
          <Button
            appearance="primary"
            disabled={source === 'sheet' && !sheet}
            onClick={() => void start()}
          >
            Lire et vérifier
          </Button>
        </Screen>
      );
  }
}

export default function ImportPaneView({ environment, hosts }: ViewProps) {
  return (
    <ExcelGate hosts={hosts}>
      {(excel) => (
        <SessionGate preview={environment.kind === 'preview'}>
          {(store) => <ImportFlow excel={excel} store={store} />}
        </SessionGate>
      )}
    </ExcelGate>
  );
}
