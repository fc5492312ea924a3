/**
 * «Compte rendu EPS»: a session built from the caseload (entries waiting for
 * the EPS, reviews due, exits to validate — codes only), a decision per
 * situation, then the minutes filled from a shipped Word template, in the
 * internal version (initials) or the shared one (codes only, checked for the
 * caseload's names before it is offered).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  defaultTemplates,
  fillTemplate,
  proposeAgenda,
  versionLabels,
  type MinutesVersion,
} from '../../../../shared/minutes';
import {
  decisions,
  labelOf,
  situationKinds,
  type Decision,
  type EpsSession,
  type Member,
  type ParcoursRecord,
  type Situation,
} from '../../../../shared/parcours';
import type { CaseloadStore } from '../../../../shared/store';
import { Screen, downloadBytes, errorMessage } from '../../../../shared/ui';
import { PageGate } from '../../../pages/session';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const today = () => new Date().toISOString().slice(0, 10);

/** «Nom – rôle – institution», one member per line. */
function membersOf(text: string): Member[] {
  return text
    .split('\n')
    .map((line) => line.split(/\s+[–-]\s+/).map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name, role, institution]) => ({
      name: name!,
      ...(role ? { role } : {}),
      ...(institution ? { institution } : {}),
    }));
}

function MinutesFlow({ store }: { store: CaseloadStore }) {
  const [records, setRecords] = useState<ParcoursRecord[] | null>(null);
  const [date, setDate] = useState(today);
  const [place, setPlace] = useState('');
  const [members, setMembers] = useState('');
  const [situations, setSituations] = useState<Situation[]>([]);
  const [template, setTemplate] = useState(defaultTemplates[0]?.name ?? '');
  const [version, setVersion] = useState<MinutesVersion>('partagee');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void store.allRecords().then(setRecords, (caught: unknown) =>
      setMessage({
        intent: 'error',
        text: errorMessage(caught, 'La file active n’a pas pu être lue : rouvrez le panneau.'),
      }),
    );
  }, [store]);

  useEffect(() => {
    if (records && /^\d{4}-\d{2}-\d{2}$/.test(date)) setSituations(proposeAgenda(records, date));
  }, [records, date]);

  const decide = (index: number, decision: string) =>
    setSituations((all) =>
      all.map((s, i) =>
        i === index ? { ...s, decision: decision ? (decision as Decision) : null } : s,
      ),
    );

  const download = async () => {
    const shipped = defaultTemplates.find((t) => t.name === template);
    if (!shipped || !records) return;
    setBusy(true);
    setMessage(null);
    try {
      const session: EpsSession = {
        date,
        place: place.trim() || null,
        members: membersOf(members),
        apologies: [],
        situations,
      };
      const docx = await fillTemplate(shipped.docx(), session, { version, caseload: records });
      downloadBytes(`compte-rendu-eps-${date}-${version}.docx`, docx, DOCX);
      await store.logEvent(
        'export',
        situations.map((s) => s.code),
        `compte rendu d’EPS, ${versionLabels[version]}`,
      );
      setMessage({ intent: 'success', text: 'Compte rendu téléchargé.' });
    } catch (caught) {
      setMessage({
        intent: 'error',
        text: errorMessage(caught, 'Le compte rendu n’a pas pu être rempli : recommencez.'),
      });
    } finally {
      setBusy(false);
    }
  };

  if (!records) return <Spinner size="small" label="Lecture de la file active…" />;
  return (
    <Screen title="Compte rendu d’EPS">
      <Field label="Date de la séance">
        <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
      </Field>
      <Field label="Lieu">
        <Input value={place} onChange={(_, data) => setPlace(data.value)} />
      </Field>
      <Field label="Membres présents" hint="Un par ligne : Nom – fonction – institution">
        <Textarea
          value={members}
          resize="vertical"
          onChange={(_, data) => setMembers(data.value)}
        />
      </Field>
      <Text as="h3" weight="semibold">
        {situations.length
          ? `${situations.length} situation${situations.length > 1 ? 's' : ''} à l’ordre du jour`
          : 'Aucune situation à l’ordre du jour à cette date'}
      </Text>
      <ul aria-label="Ordre du jour" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {situations.map((s, index) => (
          <li key={s.code} style={{ marginBottom: 8 }}>
            <Field
              label={`${s.code} — ${s.kind ? labelOf(situationKinds, s.kind) : ''}${s.age !== null && s.age !== undefined ? `, ${s.age} ans` : ''}`}
            >
              <Select value={s.decision ?? ''} onChange={(_, data) => decide(index, data.value)}>
                <option value="">Décision à prendre en séance</option>
                {decisions.values.map((d) => (
                  <option key={d} value={d}>
                    {labelOf(decisions, d)}
                  </option>
                ))}
              </Select>
            </Field>
          </li>
        ))}
      </ul>
      <Field label="Modèle">
        <Select value={template} onChange={(_, data) => setTemplate(data.value)}>
          {defaultTemplates.map((t) => (
            <option key={t.name} value={t.name}>
              {t.title}
            </option>
          ))}
        </Select>
      </Field>
      <RadioGroup
        aria-label="Version du compte rendu"
        value={version}
        onChange={(_, data) => setVersion(data.value as MinutesVersion)}
      >
        <Radio value="partagee" label="Version partagée (codes seulement, vérifiée)" />
        <Radio value="interne" label="Version interne (initiales des enfants)" />
      </RadioGroup>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => void download()}>
        Télécharger le compte rendu (.docx)
      </Button>
    </Screen>
  );
}

export default function MinutesPanelView() {
  return <PageGate>{(store) => <MinutesFlow store={store} />}</PageGate>;
}
