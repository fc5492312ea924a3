/**
 * «Créer un parcours depuis ce message» (Outlook, read mode): the open
 * referral read by the email core into one proposed record per child, each
 * value with the sentence it came from (the value marked), corrected by the
 * user, then saved — a new record, or the existing child's record updated
 * field by field with the changes the user keeps. A message that is not a
 * referral says why and proposes nothing.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  extractReferrals,
  matchCaseload,
  type CaseloadMatch,
  type DraftWithProvenance,
  type Extraction,
} from '../../../shared/email';
import { domains, fieldLabel } from '../../../shared/parcours';
import type { CaseloadStore } from '../../../shared/store';
import { errorMessage } from '../../../shared/ui';
import { messageFromHost } from '../../hosts/mailbox';
import type { OutlookAdapters } from '../../hosts/mailbox/outlook-adapters';
import {
  correctedDraft,
  draftFields,
  markValue,
  newRecordInput,
  withChanges,
  type DraftField,
} from '../outlook/draft-fields';
import { refreshOnSendNames } from '../outlook/on-send-names';
import type { ViewProps } from '../views';
import { OutlookGate } from './outlook-gate';
import { SessionGate } from './session-gate';

function shown(value: unknown): string {
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        typeof v === 'string'
          ? ((domains.labels as Record<string, string>)[v] ?? v)
          : JSON.stringify(v),
      )
      .join(', ');
  }
  return value === undefined ? '—' : String(value);
}

function Provenance({ field, value }: { field: DraftField; value: string }) {
  if (!field.provenance) return null;
  const { excerpt, origin } = field.provenance;
  const marked = markValue(excerpt, value) ?? markValue(excerpt, shown(field.value));
  return (
    <Text as="p" size={200} block style={{ margin: '2px 0 0' }}>
      <span>
        {origin === 'en-tête'
          ? 'En-tête : '
          : origin === 'signature'
            ? 'Signature : '
            : 'Phrase : '}
      </span>
      <q>
        {marked ? (
          <>
            {marked.before}
            <mark>{marked.match}</mark>
            {marked.after}
          </>
        ) : (
          excerpt
        )}
      </q>
    </Text>
  );
}

function DraftCard({
  proposal,
  index,
  total,
  store,
  onSaved,
}: {
  proposal: DraftWithProvenance;
  index: number;
  total: number;
  store: CaseloadStore;
  onSaved: () => void;
}) {
  const fields = useMemo(() => draftFields(proposal.draft, proposal.provenance), [proposal]);
  const [corrections, setCorrections] = useState<Record<string, string>>({});
  const draft = useMemo(() => correctedDraft(proposal.draft, corrections), [proposal, corrections]);
  const [match, setMatch] = useState<CaseloadMatch | null>(null);
  const [refused, setRefused] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    matchCaseload(draft, store).then(
      (m) => current && setMatch(m),
      () => current && setMatch({ kind: 'nouveau' }),
    );
    return () => {
      current = false;
    };
  }, [draft, store]);

  const save = async () => {
    if (!match) return;
    setBusy(true);
    setError(null);
    try {
      if (match.kind === 'mise_a_jour') {
        const record = await store.getRecord(match.code);
        if (!record) throw new Error('fiche introuvable');
        await store.replaceRecord(
          withChanges(
            record,
            match.changes.filter((c) => !refused.has(c.field)),
          ),
        );
        setSaved(match.code);
        onSaved();
      } else {
        const result = await store.putRecords([newRecordInput(draft)]);
        const code = result.added[0] ?? result.merged[0] ?? '';
        setSaved(code);
        onSaved();
      }
    } catch (caught) {
      setError(
        errorMessage(
          caught,
          'La fiche n’a pas pu être enregistrée : vérifiez les champs et réessayez.',
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const title = `Enfant ${index + 1}${total > 1 ? ` sur ${total}` : ''}`;
  return (
    <section aria-label={title} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h3" size={300} weight="semibold" block>
        {title}
      </Text>
      {fields.map((field) => {
        const value = corrections[field.path] ?? shown(field.value);
        return field.editable ? (
          <Field key={field.path} label={field.label}>
            <Input
              value={value}
              onChange={(_, d) => setCorrections((c) => ({ ...c, [field.path]: d.value }))}
            />
            <Provenance field={field} value={value} />
          </Field>
        ) : (
          <div key={field.path}>
            <Text weight="semibold" size={200} block>
              {field.label}
            </Text>
            <Text block>{value}</Text>
            <Provenance field={field} value={value} />
          </div>
        );
      })}
      {!match && <Spinner size="tiny" label="Recherche dans la file active…" />}
      {match?.kind === 'ambigu' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Plusieurs enfants de la file active portent ce nom ({match.codes.join(', ')}) : ouvrez
            leur fiche dans «&nbsp;File active&nbsp;» pour choisir, puis complétez-la à la main.
          </MessageBarBody>
        </MessageBar>
      )}
      {match?.kind === 'mise_a_jour' && (
        <div>
          <Text block>
            Cet enfant est déjà suivi ({match.code}). Modifications proposées, à garder ou
            non&nbsp;:
          </Text>
          {match.changes.length === 0 && <Text block>aucune, la fiche est à jour.</Text>}
          <ul
            aria-label={`Modifications de la fiche ${match.code}`}
            style={{ listStyle: 'none', padding: 0 }}
          >
            {match.changes.map((change) => (
              <li key={change.field}>
                <Checkbox
                  checked={!refused.has(change.field)}
                  onChange={(_, d) =>
                    setRefused((r) => {
                      const next = new Set(r);
                      if (d.checked) next.delete(change.field);
                      else next.add(change.field);
                      return next;
                    })
                  }
                  label={`${fieldLabel(change.field)} : ${shown(change.current)} → ${shown(change.proposed)}`}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Fiche {saved} enregistrée</MessageBarTitle>
            Elle est dans la file active.
          </MessageBarBody>
        </MessageBar>
      ) : (
        match &&
        match.kind !== 'ambigu' && (
          <Button appearance="primary" disabled={busy} onClick={() => void save()}>
            {match.kind === 'mise_a_jour'
              ? `Mettre à jour la fiche ${match.code}`
              : 'Créer la fiche'}
          </Button>
        )
      )}
    </section>
  );
}

function ReferralFromMessage({
  outlook,
  store,
}: {
  outlook: OutlookAdapters;
  store: CaseloadStore;
}) {
  const [chosen, setChosen] = useState(0);
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const item = outlook.received[chosen];

  useEffect(() => {
    if (!item) return;
    let current = true;
    setExtraction(null);
    setError(null);
    messageFromHost(item.host)
      .then((message) => current && setExtraction(extractReferrals(message)))
      .catch(
        (caught: unknown) =>
          current && setError(errorMessage(caught, 'Le message n’a pas pu être lu : réessayez.')),
      );
    return () => {
      current = false;
    };
  }, [item]);

  if (!item) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          Ouvrez un message reçu (une saisine) pour en créer un parcours.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {outlook.received.length > 1 && (
        <Field label="Message (exemples de l’aperçu)">
          <Select value={String(chosen)} onChange={(_, d) => setChosen(Number(d.value))}>
            {outlook.received.map((m, i) => (
              <option key={m.label} value={i}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!extraction && !error && <Spinner size="small" label="Lecture du message…" />}
      {extraction && extraction.drafts.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Ce message n’est pas une saisine</MessageBarTitle>
            {extraction.noDraftReason ?? 'aucun enfant orienté vers le PRE n’y est décrit.'} Aucune
            fiche n’est proposée.
          </MessageBarBody>
        </MessageBar>
      )}
      {extraction && extraction.drafts.length > 0 && (
        <>
          <Text block>
            {extraction.drafts.length > 1
              ? `${extraction.drafts.length} enfants orientés. Vérifiez chaque fiche proposée, corrigez-la puis enregistrez-la.`
              : 'Vérifiez la fiche proposée, corrigez-la puis enregistrez-la.'}{' '}
            Chaque valeur est suivie de la phrase d’où elle vient.
          </Text>
          {extraction.drafts.map((proposal, i) => (
            <DraftCard
              key={`${chosen}-${i}`}
              proposal={proposal}
              index={i}
              total={extraction.drafts.length}
              store={store}
              onSaved={() => void refreshOnSendNames(store, outlook.onSend).catch(() => undefined)}
            />
          ))}
        </>
      )}
    </>
  );
}

export default function ReferralView({ environment, hosts }: ViewProps) {
  const preview = environment.kind === 'preview';
  return (
    <section
      aria-labelledby="courriel-titre"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Text as="h2" id="courriel-titre" size={400} weight="semibold" block>
        Créer un parcours depuis ce message
      </Text>
      <OutlookGate hosts={hosts} preview={preview}>
        {(outlook) => (
          <SessionGate preview={preview}>
            {(store) => <ReferralFromMessage outlook={outlook} store={store} />}
          </SessionGate>
        )}
      </OutlookGate>
    </section>
  );
}
