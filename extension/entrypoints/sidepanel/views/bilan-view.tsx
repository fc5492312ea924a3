/**
 * «Bilan»: the indicators of the data dictionary §5 for a school year, from
 * the caseload — key figures, one bar chart per table, warnings about
 * children who could be singled out, the records to complete — and «Copier
 * les tableaux» (TSV and HTML) for the comité de pilotage's documents. The
 * protected version masks small counts, as for anything leaving the team.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
  Text,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { computeBilan, schoolYearPeriod, viewBilan } from '../../../../shared/indicators';
import {
  schoolYearLabel,
  schoolYearStart,
  todayIso,
  type ParcoursRecord,
} from '../../../../shared/parcours';
import type { CaseloadStore } from '../../../../shared/store';
import {
  BarChart,
  Screen,
  barsOf,
  errorMessage,
  tablesAsHtml,
  tablesAsTsv,
} from '../../../../shared/ui';
import { PageGate } from '../../../pages/session';

const YEARS_SHOWN = 4;

async function copyTables(tsv: string, html: string): Promise<void> {
  if (typeof ClipboardItem === 'function' && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([tsv], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
  } else {
    await navigator.clipboard.writeText(tsv);
  }
}

function BilanFlow({ store }: { store: CaseloadStore }) {
  const current = schoolYearStart(todayIso());
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => schoolYearLabel(current - i));
  const [year, setYear] = useState(years[0]!);
  const [external, setExternal] = useState(false);
  const [records, setRecords] = useState<ParcoursRecord[] | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(
    null,
  );

  useEffect(() => {
    void store.allRecords().then(setRecords, (caught: unknown) =>
      setMessage({
        intent: 'error',
        text: errorMessage(caught, 'La file active n’a pas pu être lue : rouvrez le panneau.'),
      }),
    );
  }, [store]);

  const computed = useMemo(() => {
    if (!records) return null;
    const bilan = computeBilan(records, schoolYearPeriod(year));
    return { bilan, view: viewBilan(bilan, { external }) };
  }, [records, year, external]);

  const copy = async () => {
    if (!computed) return;
    try {
      await copyTables(tablesAsTsv(computed.view), tablesAsHtml(computed.view));
      setMessage({
        intent: 'success',
        text: `${computed.view.tables.length} tableaux copiés : collez-les dans un tableur ou un document.`,
      });
    } catch {
      setMessage({
        intent: 'error',
        text: 'Le presse-papiers est inaccessible : autorisez-le pour l’extension puis recommencez.',
      });
    }
  };

  if (!computed) {
    return message ? (
      <MessageBar intent="error">
        <MessageBarBody>{message.text}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="small" label="Calcul du bilan…" />
    );
  }
  const { bilan, view } = computed;
  return (
    <Screen title="Bilan annuel">
      <Field label="Année scolaire">
        <Select value={year} onChange={(_, data) => setYear(data.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Switch
        checked={external}
        onChange={(_, data) => setExternal(data.checked)}
        label="Version diffusable (petits effectifs masqués)"
      />
      <Text weight="semibold">{view.title}</Text>
      {view.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <ul aria-label="Chiffres clés" style={{ paddingLeft: 16, margin: 0 }}>
        {view.keyFigures.map((f) => (
          <li key={f.id}>
            <Text>
              {f.label}&nbsp;: <strong>{f.value}</strong>
              {f.national ? ` (national : ${f.national})` : ''}
            </Text>
          </li>
        ))}
      </ul>
      <Button appearance="primary" onClick={() => void copy()}>
        Copier les tableaux
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {view.tables.map((t) => (
        <BarChart key={t.id} title={t.title} bars={barsOf(t)} />
      ))}
      {!external && bilan.quality.length > 0 && (
        <>
          <Text as="h3" weight="semibold">
            Fiches à compléter avant le bilan ({bilan.quality.length})
          </Text>
          <ul aria-label="Fiches à compléter" style={{ paddingLeft: 16, margin: 0 }}>
            {bilan.quality.slice(0, 50).map((q) => (
              <li key={`${q.code}-${q.field}`}>
                <Text size={200}>
                  {q.code}&nbsp;: {q.message}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}

export default function BilanPanelView() {
  return <PageGate>{(store) => <BilanFlow store={store} />}</PageGate>;
}
