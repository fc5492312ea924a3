/**
 * «Bilan»: the year's indicators computed from the caseload, shown in the
 * pane (key figures, warnings, records to complete first), then written as a
 * «Bilan» sheet with its tables and native charts — the internal version, or
 * the one for outside the team with small counts masked. Logged (codes only).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  computeBilan,
  entryDate,
  qualitySummary,
  schoolYearPeriod,
  viewBilan,
  type Bilan,
} from '../../../shared/indicators';
import {
  schoolYearLabel,
  schoolYearStart,
  todayIso,
  type ParcoursRecord,
} from '../../../shared/parcours';
import type { CaseloadStore } from '../../../shared/store';
import { errorMessage } from '../../../shared/ui';
import type { ExcelHost, WrittenReport } from '../../hosts/excel';
import { bilanReport } from '../bilan-sheet';
import { ExcelGate } from './excel-gate';
import { SessionGate } from './session-gate';
import type { ViewProps } from '../views';

/** School years from the earliest record to this one, newest first. */
function schoolYears(records: readonly ParcoursRecord[], today: string): string[] {
  const current = schoolYearStart(today);
  const starts = records.map(entryDate).filter((d): d is string => !!d);
  const earliest = Math.min(current, ...starts.map(schoolYearStart));
  return Array.from({ length: current - earliest + 1 }, (_, i) => schoolYearLabel(current - i));
}

const childrenIn = (bilan: Bilan) => bilan.keyFigures.find((f) => f.id === 'enfants')?.numerator;

type Outcome = { kind: 'written'; report: WrittenReport } | { kind: 'error'; message: string };

function BilanForm({ excel, store }: { excel: ExcelHost; store: CaseloadStore }) {
  const today = todayIso();
  const [records, setRecords] = useState<ParcoursRecord[] | null>(null);
  const [year, setYear] = useState('');
  const [external, setExternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    void store.allRecords().then((all) => {
      setRecords(all);
      // The most recent year with children in parcours: in September the new one is still empty.
      const years = schoolYears(all, today);
      const filled = years.find((y) => childrenIn(computeBilan(all, schoolYearPeriod(y))));
      setYear(filled ?? years[0] ?? '');
    });
  }, [store, today]);

  const bilan = useMemo(
    () => (records && year ? computeBilan(records, schoolYearPeriod(year)) : null),
    [records, year],
  );
  if (!records || !bilan) return <Spinner size="small" label="Calcul du bilan…" />;
  const view = viewBilan(bilan, { external });

  const write = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const report = await excel.writeReport(bilanReport(view, bilan, today));
      await store.logEvent(
        'export',
        external ? [] : (bilan.keyFigures.find((f) => f.id === 'enfants')?.codes ?? []),
        external ? 'bilan diffusable écrit dans Excel' : 'bilan interne écrit dans Excel',
      );
      setOutcome({ kind: 'written', report });
    } catch (caught) {
      setOutcome({
        kind: 'error',
        message: errorMessage(caught, 'Excel n’a pas pu écrire la feuille : réessayez.'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="bilan-titre">
      <Text as="h2" id="bilan-titre" size={400} weight="semibold" block>
        Bilan
      </Text>
      <Text as="p" block>
        Les indicateurs de l’année calculés depuis la file active, écrits dans une feuille avec
        leurs tableaux et leurs graphiques, prêts pour le comité de pilotage et l’enquête nationale.
      </Text>
      <Field label="Année scolaire">
        <Select value={year} onChange={(_, d) => setYear(d.value)}>
          {schoolYears(records, today).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Version">
        <RadioGroup
          value={external ? 'externe' : 'interne'}
          onChange={(_, d) => setExternal(d.value === 'externe')}
        >
          <Radio value="interne" label="Usage interne (effectifs complets)" />
          <Radio value="externe" label="Diffusable hors de l’équipe (effectifs < 5 masqués)" />
        </RadioGroup>
      </Field>
      <dl aria-label="Chiffres clés" style={{ margin: '8px 0' }}>
        {view.keyFigures.map((figure) => (
          <div key={figure.id} style={{ display: 'flex', gap: 8 }}>
            <dt style={{ flex: 1 }}>{figure.label}</dt>
            <dd style={{ margin: 0, fontWeight: 600 }}>{figure.value}</dd>
          </div>
        ))}
      </dl>
      {view.warnings.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Attention avant de diffuser</MessageBarTitle>
            <ul>
              {view.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {bilan.quality.length > 0 && (
        <details style={{ margin: '8px 0' }}>
          <summary>{qualitySummary(bilan)}</summary>
          <ul aria-label="Fiches à compléter">
            {bilan.quality.map((issue) => (
              <li key={`${issue.code}-${issue.field}`}>
                {issue.code} ({issue.field})&nbsp;: {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => void write()}>
        Écrire la feuille Bilan
      </Button>
      {busy && <Spinner size="small" label="Écriture dans Excel…" />}
      {outcome?.kind === 'written' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Bilan écrit</MessageBarTitle>
            Feuille «&nbsp;{outcome.report.sheetName}&nbsp;»&nbsp;: {outcome.report.tables.length}{' '}
            tableaux et {outcome.report.charts.length} graphiques.
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

export default function BilanPaneView({ environment, hosts }: ViewProps) {
  return (
    <ExcelGate hosts={hosts}>
      {(excel) => (
        <SessionGate preview={environment.kind === 'preview'}>
          {(store) => <BilanForm excel={excel} store={store} />}
        </SessionGate>
      )}
    </ExcelGate>
  );
}
