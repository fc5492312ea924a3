/**
 * «Écrire le suivi»: the caseload (all, or filtered by status and référent)
 * written into a new sheet as a formatted Excel table — the internal version
 * with the dictionary's French headers, real dates and labels, or the
 * «Version partagée» for partners (codes, no names nor contacts), scanned
 * cell by cell by the anonymisation core before it is written: a direct
 * identifier of a child or family blocks it and is listed (kind and cell).
 * Each write is logged in the audit trail with codes only.
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
import { namesIndexFromPeople } from '../../../shared/anonymisation';
import { exportTable } from '../../../shared/import';
import { statuses, type ParcoursRecord, type Status } from '../../../shared/parcours';
import type { CaseloadStore } from '../../../shared/store';
import {
  EMPTY_FILTER,
  FindingsList,
  errorMessage,
  filterCaseload,
  filterChoices,
  sortCaseload,
} from '../../../shared/ui';
import { sharedTableProblems, type CellFinding } from '../../../shared/sheets';
import { columnLetters, type ExcelHost } from '../../hosts/excel';
import { ExcelGate } from './excel-gate';
import { SessionGate } from './session-gate';
import type { ViewProps } from '../views';

type Outcome =
  | { kind: 'written'; sheetName: string; address: string; rows: number; shared: boolean }
  | { kind: 'blocked'; problems: CellFinding[] }
  | { kind: 'error'; message: string };

const cellName = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;

async function writeFollowUp(
  excel: ExcelHost,
  store: CaseloadStore,
  records: ParcoursRecord[],
  shared: boolean,
): Promise<Outcome> {
  const table = exportTable(records, { version: shared ? 'shared' : 'internal' });
  const codes = records.map((r) => r.code);
  if (shared) {
    const referents = filterChoices(records).referents;
    const names = namesIndexFromPeople(await store.knownPeople(), { professionals: referents });
    const problems = sharedTableProblems(table.headers, table.rows, { names, cellName });
    if (problems.length) return { kind: 'blocked', problems };
  }
  const written = await excel.writeTable({
    sheetName: shared ? 'Version partagée' : 'Suivi',
    headers: table.headers,
    rows: table.rows,
  });
  await store.logEvent(
    shared ? 'share' : 'export',
    codes,
    shared ? 'version partagée écrite dans Excel' : 'suivi écrit dans Excel',
  );
  return { kind: 'written', ...written, rows: records.length, shared };
}

function FollowUpForm({ excel, store }: { excel: ExcelHost; store: CaseloadStore }) {
  const [records, setRecords] = useState<ParcoursRecord[] | null>(null);
  const [status, setStatus] = useState<Status | ''>('');
  const [referent, setReferent] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    void store.allRecords().then((all) => setRecords(sortCaseload(all)));
  }, [store]);

  if (!records) return <Spinner size="small" label="Lecture de la file active…" />;
  const chosen = filterCaseload(records, { ...EMPTY_FILTER, status, referent });
  const { referents } = filterChoices(records);

  const write = async (shared: boolean) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await writeFollowUp(excel, store, chosen, shared));
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
    <section aria-labelledby="suivi-titre">
      <Text as="h2" id="suivi-titre" size={400} weight="semibold" block>
        Écrire le suivi
      </Text>
      <Text as="p" block>
        Écrit la file active dans une nouvelle feuille, sous forme de tableau Excel.
      </Text>
      <Field label="Statut">
        <Select value={status} onChange={(_, d) => setStatus(d.value as Status | '')}>
          <option value="">Tous les statuts</option>
          {statuses.values.map((s) => (
            <option key={s} value={s}>
              {statuses.labels[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Référent(e)">
        <Select value={referent} onChange={(_, d) => setReferent(d.value)}>
          <option value="">Tous les référents</option>
          {referents.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Field>
      <Text as="p" block>
        {chosen.length} {chosen.length > 1 ? 'enfants' : 'enfant'} à écrire.
      </Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '8px 0' }}>
        <Button
          appearance="primary"
          disabled={busy || !chosen.length}
          onClick={() => void write(false)}
        >
          Écrire le suivi
        </Button>
        <Button disabled={busy || !chosen.length} onClick={() => void write(true)}>
          Version partagée
        </Button>
      </div>
      <Text as="p" size={200} block>
        La version partagée, pour les partenaires, remplace les noms par les codes parcours et
        n’écrit ni date de naissance ni coordonnées&nbsp;; elle est vérifiée avant d’être écrite.
      </Text>
      {busy && <Spinner size="small" label="Écriture dans Excel…" />}
      {outcome?.kind === 'written' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>
              {outcome.shared ? 'Version partagée écrite' : 'Suivi écrit'}
            </MessageBarTitle>
            Feuille «&nbsp;{outcome.sheetName}&nbsp;», tableau {outcome.address} ({outcome.rows}{' '}
            {outcome.rows > 1 ? 'enfants' : 'enfant'}).
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'blocked' && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Version partagée non écrite</MessageBarTitle>
              La vérification a trouvé des données qui identifient un enfant ou sa famille. Corrigez
              ces fiches dans la file active, puis recommencez.
            </MessageBarBody>
          </MessageBar>
          <FindingsList findings={outcome.problems} label="Données identifiantes trouvées" />
        </>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

export default function WriteFollowUpView({ environment, hosts }: ViewProps) {
  return (
    <ExcelGate hosts={hosts}>
      {(excel) => (
        <SessionGate preview={environment.kind === 'preview'}>
          {(store) => <FollowUpForm excel={excel} store={store} />}
        </SessionGate>
      )}
    </ExcelGate>
  );
}
