/**
 * The caseload: search (accents and case ignored), filters by status,
 * référent and school, a paged list that stays quick with 1 000+ children,
 * and the record editor for the child opened. Props and callbacks only.
 */
import {
  Badge,
  Button,
  Field,
  SearchBox,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { labelOf, statuses, type ParcoursRecord, type Status } from '../parcours';
import {
  EMPTY_FILTER,
  filterCaseload,
  filterChoices,
  pageOf,
  sortCaseload,
  type CaseloadFilter,
} from './caseload-query';
import type { HistoryLine } from './history';
import { RecordEditor } from './record-editor';

export interface CaseloadViewProps {
  records: readonly ParcoursRecord[];
  onSave(record: ParcoursRecord): Promise<void>;
  onErase(code: string): Promise<void>;
  onExport(code: string): Promise<void>;
  loadHistory(code: string): Promise<HistoryLine[]>;
  /** Shown above the list (e.g. «données d'exemple»). */
  notice?: ReactNode;
  /** Buttons of the shell beside the count (e.g. «Verrouiller»). */
  toolbar?: ReactNode;
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  filters: { display: 'grid', gridTemplateColumns: '1fr', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  line: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  lineHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  detail: { color: tokens.colorNeutralForeground2 },
  pager: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

const statusColour: Record<Status, 'brand' | 'warning' | 'success' | 'informative' | 'subtle'> = {
  repere: 'informative',
  attente_eps: 'warning',
  en_cours: 'brand',
  suspendu: 'subtle',
  sorti: 'success',
  refus: 'subtle',
  non_retenu: 'subtle',
};

function countLabel(shown: number, total: number): string {
  const children = (n: number) => `${n}\u00a0enfant${n > 1 ? 's' : ''}`;
  return shown === total ? children(total) : `${children(shown)} sur ${total}`;
}

export function CaseloadView({
  records,
  onSave,
  onErase,
  onExport,
  loadHistory,
  notice,
  toolbar,
}: CaseloadViewProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<CaseloadFilter>(EMPTY_FILTER);
  const [pageIndex, setPageIndex] = useState(0);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const sorted = useMemo(() => sortCaseload(records), [records]);
  const choices = useMemo(() => filterChoices(records), [records]);
  const shown = useMemo(() => filterCaseload(sorted, filter), [sorted, filter]);
  const page = pageOf(shown, pageIndex);
  const opened = openCode ? records.find((r) => r.code === openCode) : undefined;

  const change = (part: Partial<CaseloadFilter>) => {
    setFilter((f) => ({ ...f, ...part }));
    setPageIndex(0);
  };

  if (opened) {
    return (
      <RecordEditor
        key={opened.code}
        record={opened}
        onSave={onSave}
        onErase={async (code) => {
          await onErase(code);
          setOpenCode(null);
        }}
        onExport={onExport}
        loadHistory={loadHistory}
        onClose={() => setOpenCode(null)}
      />
    );
  }

  return (
    <section className={styles.view} aria-label="File active">
      {notice}
      <div className={styles.bar}>
        <Text as="h2" size={400} weight="semibold" aria-live="polite">
          File active — {countLabel(shown.length, records.length)}
        </Text>
        {toolbar}
      </div>
      <div className={styles.filters} role="search">
        <Field label="Rechercher (nom, prénom, code, établissement)">
          <SearchBox value={filter.text} onChange={(_, data) => change({ text: data.value })} />
        </Field>
        <Field label="Statut">
          <Select
            value={filter.status}
            onChange={(_, data) => change({ status: data.value as Status | '' })}
          >
            <option value="">Tous les statuts</option>
            {statuses.values.map((s) => (
              <option key={s} value={s}>
                {labelOf(statuses, s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Référent(e)">
          <Select value={filter.referent} onChange={(_, data) => change({ referent: data.value })}>
            <option value="">Tous les référents</option>
            {choices.referents.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Établissement">
          <Select value={filter.school} onChange={(_, data) => change({ school: data.value })}>
            <option value="">Tous les établissements</option>
            {choices.schools.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {shown.length === 0 ? (
        <Text as="p">
          {records.length === 0
            ? 'La file active est vide.'
            : 'Aucun enfant ne correspond à cette recherche.'}
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Enfants suivis">
          {page.items.map((record) => (
            <li key={record.code}>
              <Button
                appearance="subtle"
                className={styles.line}
                onClick={() => setOpenCode(record.code)}
              >
                <span className={styles.lineHead}>
                  <Text weight="semibold">
                    {record.child.lastName} {record.child.firstName}
                  </Text>
                  <Text size={200}>{record.code}</Text>
                </span>
                <span className={styles.lineHead}>
                  {record.status && (
                    <Badge
                      appearance="tint"
                      className={styles.badge}
                      color={statusColour[record.status]}
                    >
                      {labelOf(statuses, record.status)}
                    </Badge>
                  )}
                  <Text size={200} className={styles.detail}>
                    {[record.referent, record.child.school].filter(Boolean).join(' · ')}
                  </Text>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {page.count > 1 && (
        <nav className={styles.pager} aria-label="Pages de la liste">
          <Button disabled={page.index === 0} onClick={() => setPageIndex(page.index - 1)}>
            Précédents
          </Button>
          <Text>
            Page {page.index + 1} sur {page.count}
          </Text>
          <Button
            disabled={page.index >= page.count - 1}
            onClick={() => setPageIndex(page.index + 1)}
          >
            Suivants
          </Button>
        </nav>
      )}
    </section>
  );
}
