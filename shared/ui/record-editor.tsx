/**
 * One child's record: every field of the data dictionary with its French
 * label, validation messages under the fields they name, save; export of the
 * child's data, erasure behind a confirmation, and the history of shares.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { ParcoursRecord } from '../parcours';
import type { HistoryLine } from './history';
import {
  checkDraft,
  formGroups,
  formLabels,
  formSections,
  messagesByLabel,
  readPath,
  writePath,
  type Draft,
  type FormField,
} from './record-form';
import { errorMessage, frenchSpacing } from './typography';

export interface RecordEditorProps {
  record: ParcoursRecord;
  onSave(record: ParcoursRecord): Promise<void>;
  onErase(code: string): Promise<void>;
  /** Hands the child's data to the user as a JSON file (right of access). */
  onExport(code: string): Promise<void>;
  loadHistory(code: string): Promise<HistoryLine[]>;
  onClose(): void;
}

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    // A fieldset is min-content wide by default: long option labels would widen the pane.
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  block: { display: 'block' },
  // Grid and flex items keep their content's width: long option labels would widen the pane.
  shrinkable: { minWidth: 0 },
});

type Messages = Map<string, string[]>;

function FieldInput({
  field,
  value,
  onChange,
  messages,
  idPrefix,
  styles,
}: {
  styles: ReturnType<typeof useStyles>;
  field: FormField;
  value: unknown;
  onChange(value: unknown): void;
  messages: Messages;
  idPrefix: string;
}) {
  const problems = messages.get(field.label);
  const validation = problems
    ? { validationState: 'error' as const, validationMessage: frenchSpacing(problems.join(' ; ')) }
    : {};
  const id = `${idPrefix}-${field.key}`;
  switch (field.kind) {
    case 'text':
    case 'date':
      return (
        <Field label={field.label} {...validation}>
          <Input
            id={id}
            type={field.kind === 'date' ? 'date' : 'text'}
            value={typeof value === 'string' ? value : ''}
            onChange={(_, data) => onChange(data.value)}
          />
        </Field>
      );
    case 'longText':
      return (
        <Field label={field.label} {...validation}>
          <Textarea
            id={id}
            resize="vertical"
            value={typeof value === 'string' ? value : ''}
            onChange={(_, data) => onChange(data.value)}
          />
        </Field>
      );
    case 'lines':
    case 'dateLines':
      return (
        <Field
          label={field.label}
          hint={field.kind === 'dateLines' ? 'Une date par ligne (AAAA-MM-JJ).' : 'Un par ligne.'}
          {...validation}
        >
          <Textarea
            id={id}
            resize="vertical"
            value={Array.isArray(value) ? value.join('\n') : ''}
            onChange={(_, data) => onChange(data.value.split('\n'))}
          />
        </Field>
      );
    case 'choice':
      return (
        <Field label={field.label} className={styles.shrinkable} {...validation}>
          <Select
            id={id}
            className={styles.shrinkable}
            value={value === undefined || value === null ? '' : String(value)}
            onChange={(_, data) => onChange(data.value)}
          >
            <option value="">—</option>
            {field.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'choices': {
      const selected = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Field label={field.label} {...validation}>
          <div role="group" aria-label={field.label}>
            {field.choices.map((c) => (
              <Checkbox
                key={c.value}
                label={c.label}
                checked={selected.includes(c.value)}
                onChange={(_, data) =>
                  onChange(
                    data.checked ? [...selected, c.value] : selected.filter((v) => v !== c.value),
                  )
                }
              />
            ))}
          </div>
        </Field>
      );
    }
  }
}

function EraseDialog({ record, onErase }: { record: ParcoursRecord; onErase(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `${record.child.firstName} ${record.child.lastName}`;
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">Effacer l’enfant…</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Effacer {name}&nbsp;?</DialogTitle>
          <DialogContent>
            <Text as="p">
              La fiche {record.code}, ses pseudonymes et ses mentions dans les comptes rendus d’EPS
              enregistrés seront effacés définitivement de cet appareil. Le code {record.code} ne
              sera jamais réattribué. Les sauvegardes déjà faites et les documents déjà partagés ne
              sont pas modifiés.
            </Text>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Annuler</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await onErase();
                } catch (caught) {
                  setError(errorMessage(caught, 'L’effacement a échoué : réessayez.'));
                  setBusy(false);
                }
              }}
            >
              Effacer définitivement
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function RecordEditor({
  record,
  onSave,
  onErase,
  onExport,
  loadHistory,
  onClose,
}: RecordEditorProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => structuredClone(record) as unknown as Draft);
  const [messages, setMessages] = useState<Messages>(new Map());
  const [status, setStatus] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [history, setHistory] = useState<HistoryLine[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void loadHistory(record.code).then(
      (lines) => live && setHistory(lines),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [loadHistory, record.code]);

  const set = (path: string, value: unknown) => {
    setDraft((d) => writePath(d, path, value));
    setStatus(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      const { byLabel, general } = messagesByLabel(checked.error.details, formLabels);
      setMessages(byLabel);
      setStatus({
        intent: 'error',
        text: frenchSpacing([checked.error.message, ...general].join(' ')),
      });
      return;
    }
    setMessages(new Map());
    setBusy(true);
    try {
      await onSave(checked.value);
      setStatus({ intent: 'success', text: 'Fiche enregistrée.' });
    } catch (caught) {
      setStatus({ intent: 'error', text: errorMessage(caught, 'Enregistrement impossible.') });
    } finally {
      setBusy(false);
    }
  };

  const exportData = async () => {
    try {
      await onExport(record.code);
      setStatus({ intent: 'success', text: 'Données de l’enfant exportées (fichier JSON).' });
    } catch (caught) {
      setStatus({ intent: 'error', text: errorMessage(caught, 'Export impossible.') });
    }
  };

  const title = `${record.child.firstName} ${record.child.lastName}`;
  return (
    <section className={styles.editor} aria-label={`Fiche de ${title}`}>
      <div className={styles.head}>
        <Button appearance="subtle" onClick={onClose}>
          ← Retour à la liste
        </Button>
      </div>
      <Text as="h2" size={400} weight="semibold">
        {title} <Text weight="regular">({record.code})</Text>
      </Text>
      <form className={styles.editor} onSubmit={save} noValidate>
        {formSections.map((section) => (
          <fieldset key={section.title} className={styles.fieldset}>
            <legend className={styles.legend}>{section.title}</legend>
            {section.fields.map((field) => (
              <FieldInput
                key={field.key}
                field={field}
                styles={styles}
                idPrefix="fiche"
                value={readPath(draft, field.key)}
                onChange={(value) => set(field.key, value)}
                messages={messages}
              />
            ))}
          </fieldset>
        ))}
        {formGroups.map((group) => {
          const items = (readPath(draft, group.key) as Draft[] | undefined) ?? [];
          return (
            <fieldset key={group.key} className={styles.fieldset}>
              <legend className={styles.legend}>{group.title}</legend>
              {items.map((_, index) => (
                <fieldset key={index} className={styles.fieldset}>
                  <legend className={styles.legend}>
                    {group.itemTitle} {index + 1}
                  </legend>
                  {group.fields.map((field) => (
                    <FieldInput
                      key={field.key}
                      field={field}
                      styles={styles}
                      idPrefix={`${group.key}-${index}`}
                      value={readPath(draft, `${group.key}.${index}.${field.key}`)}
                      onChange={(value) => set(`${group.key}.${index}.${field.key}`, value)}
                      messages={messages}
                    />
                  ))}
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      set(
                        group.key,
                        items.filter((__, i) => i !== index),
                      )
                    }
                  >
                    Retirer {group.itemTitle.toLowerCase()} {index + 1}
                  </Button>
                </fieldset>
              ))}
              <Button appearance="subtle" onClick={() => set(group.key, [...items, {}])}>
                {group.addLabel}
              </Button>
            </fieldset>
          );
        })}
        {status && (
          <MessageBar intent={status.intent} role={status.intent === 'error' ? 'alert' : 'status'}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Enregistrer
          </Button>
          <Button appearance="secondary" onClick={exportData}>
            Exporter ses données (JSON)
          </Button>
          <EraseDialog record={record} onErase={() => onErase(record.code)} />
        </div>
      </form>
      <section aria-label="Historique des partages">
        <Text as="h3" size={300} weight="semibold" className={styles.block}>
          Historique des partages
        </Text>
        {history === null ? (
          <Text as="p">Chargement…</Text>
        ) : history.length === 0 ? (
          <Text as="p">Aucun export ni partage enregistré pour cet enfant.</Text>
        ) : (
          <ul className={styles.history}>
            {history.map((line) => (
              <li key={line.seq}>
                {line.when} — {line.what} — par {line.actor}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
