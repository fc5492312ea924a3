/**
 * «Compte rendu EPS» (Word): the session built in the pane — date (today by
 * default), place, territory, chair, members present and excused (kept from
 * the last session), the situations proposed from the caseload with their
 * summary, decision, actions and next review — saved in the store and
 * re-opened from it; then a template (a shipped one, or the user's own .docx
 * checked first, its problems listed in French), filled through the core in
 * the internal or the shared version, inserted at the cursor or opened as a
 * new document. The shared version is checked by the anonymisation core
 * before it leaves the core: a leftover identifier blocks it and is listed.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  checkTemplate,
  defaultTemplates,
  fillTemplate,
  versionLabels,
  type MinutesVersion,
  type TemplateProblem,
} from '../../../shared/minutes';
import {
  formatShortFrenchDate,
  isPasserelleError,
  PasserelleError,
  sessionFieldLabels,
  type ParcoursRecord,
} from '../../../shared/parcours';
import type { CaseloadStore, StoredSession } from '../../../shared/store';
import { errorMessage, frenchSpacing } from '../../../shared/ui';
import type { WordHost } from '../../hosts/word';
import {
  cleanSession,
  formatMembers,
  latestSession,
  mergeAgenda,
  newSession,
  parseMembers,
  type SessionDraft,
} from '../eps-session';
import { SituationEditor } from './eps-situation-editor';
import { SessionGate } from './session-gate';
import { WordGate } from './word-gate';
import type { ViewProps } from '../views';

const OWN_TEMPLATE = 'mon-modele';
type Destination = 'curseur' | 'nouveau';

interface OwnTemplate {
  fileName: string;
  docx: Uint8Array;
  problems: TemplateProblem[];
  tags: number;
}

type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'saved'; text: string }
  | { kind: 'blocked'; message: string; details: readonly string[] }
  | { kind: 'error'; message: string; details: readonly string[] };

const sentence = (text: string) =>
  frenchSpacing(text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1));

function failure(kind: 'blocked' | 'error', caught: unknown): Outcome {
  if (isPasserelleError(caught)) {
    return { kind, message: sentence(caught.message), details: caught.details.map(sentence) };
  }
  return { kind, message: errorMessage(caught, 'Word n’a pas répondu : réessayez.'), details: [] };
}

const fieldStack = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
} as const;

function EpsMinutes({ word, store }: { word: WordHost; store: CaseloadStore }) {
  const [records, setRecords] = useState<ParcoursRecord[] | null>(null);
  const [sessions, setSessions] = useState<StoredSession[]>([]);
  const [session, setSession] = useState<SessionDraft | null>(null);
  const [members, setMembers] = useState('');
  const [apologies, setApologies] = useState('');
  const [template, setTemplate] = useState(defaultTemplates[0]!.name);
  const [own, setOwn] = useState<OwnTemplate | null>(null);
  const [version, setVersion] = useState<MinutesVersion>('interne');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const open = (next: SessionDraft) => {
    setSession(next);
    setMembers(formatMembers(next.members));
    setApologies(formatMembers(next.apologies));
    setOutcome(null);
  };

  useEffect(() => {
    void Promise.all([store.allRecords(), store.sessions()]).then(([all, stored]) => {
      setRecords(all);
      setSessions(stored);
      open(newSession(latestSession(stored)));
    });
  }, [store]);

  if (!records || !session) return <Spinner size="small" label="Lecture de la file active…" />;

  const set = (change: Partial<SessionDraft>) => setSession({ ...session, ...change });
  const current = () =>
    cleanSession({
      ...session,
      members: parseMembers(members),
      apologies: parseMembers(apologies),
    });

  const run = async (work: () => Promise<Outcome>, onError: 'blocked' | 'error' = 'error') => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (caught) {
      const blocked = isPasserelleError(caught) && caught.code === 'minutes/identifying-data';
      setOutcome(failure(blocked ? 'blocked' : onError, caught));
    } finally {
      setBusy(false);
    }
  };

  /** Saves the session as typed; returns it with its id. */
  const save = async (): Promise<SessionDraft> => {
    const cleaned = current();
    const id = await store.putSession(cleaned);
    const saved = { ...cleaned, id };
    setSession(saved);
    setSessions(await store.sessions());
    return saved;
  };

  const chooseOwn = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => {
      const docx = new Uint8Array(await file.arrayBuffer());
      const check = await checkTemplate(docx);
      setOwn({ fileName: file.name, docx, problems: check.problems, tags: check.tags.length });
      setTemplate(OWN_TEMPLATE);
      return check.problems.length
        ? {
            kind: 'error',
            message: `Le modèle «\u00a0${file.name}\u00a0» a ${check.problems.length} problème(s) : corrigez-le dans Word puis choisissez-le de nouveau.`,
            details: check.problems.map((p) => sentence(p.message)),
          }
        : {
            kind: 'saved',
            text: `Modèle «\u00a0${file.name}\u00a0» vérifié : ${check.tags.length} balise(s) reconnue(s).`,
          };
    });
  };

  const templateBytes = (): Uint8Array => {
    if (template === OWN_TEMPLATE) {
      if (!own || own.problems.length) {
        throw new PasserelleError(
          'minutes/template-invalid',
          'Choisissez un modèle .docx sans problème, ou un modèle de Passerelle : aucun document n’a été produit.',
        );
      }
      return own.docx;
    }
    return defaultTemplates.find((t) => t.name === template)!.docx();
  };

  const fill = (destination: Destination) =>
    run(async () => {
      const chosen = templateBytes();
      const saved = await save();
      const docx = await fillTemplate(chosen, saved, { version, caseload: records });
      if (destination === 'curseur') await word.insertFile(docx);
      else await word.createDocument(docx);
      await store.logEvent(
        version === 'partagee' ? 'share' : 'export',
        saved.situations.map((s) => s.code),
        `compte rendu d’EPS (${versionLabels[version].toLowerCase()}) ${destination === 'curseur' ? 'inséré dans le document' : 'ouvert dans un nouveau document'}`,
      );
      return {
        kind: 'done',
        text: `${versionLabels[version]} du compte rendu ${destination === 'curseur' ? 'insérée au curseur' : 'ouverte dans un nouveau document'}. La séance est enregistrée.`,
      };
    });

  return (
    <section aria-labelledby="eps-titre" style={fieldStack}>
      <Text as="h2" id="eps-titre" size={400} weight="semibold" block>
        Compte rendu EPS
      </Text>
      <Field label="Séance">
        <Select
          value={session.id ?? ''}
          onChange={(_, d) => {
            const stored = sessions.find((s) => s.id === d.value);
            open(stored ? structuredClone(stored) : newSession(latestSession(sessions)));
          }}
        >
          <option value="">Nouvelle séance</option>
          {[...sessions].reverse().map((s) => (
            <option key={s.id} value={s.id}>
              Séance du {formatShortFrenchDate(s.date)} ({s.situations.length} situation(s))
            </option>
          ))}
        </Select>
      </Field>
      <Field label={sessionFieldLabels.date} required>
        <Input type="date" value={session.date} onChange={(_, d) => set({ date: d.value })} />
      </Field>
      <Field label={sessionFieldLabels.place}>
        <Input value={session.place ?? ''} onChange={(_, d) => set({ place: d.value })} />
      </Field>
      <Field label={sessionFieldLabels.territory}>
        <Input value={session.territory ?? ''} onChange={(_, d) => set({ territory: d.value })} />
      </Field>
      <Field label={sessionFieldLabels.chair}>
        <Input value={session.chair ?? ''} onChange={(_, d) => set({ chair: d.value })} />
      </Field>
      <Field
        label={sessionFieldLabels.members}
        hint="Une personne par ligne : nom, fonction, institution."
      >
        <Textarea value={members} onChange={(_, d) => setMembers(d.value)} resize="vertical" />
      </Field>
      <Field
        label={sessionFieldLabels.apologies}
        hint="Une personne par ligne : nom, fonction, institution."
      >
        <Textarea value={apologies} onChange={(_, d) => setApologies(d.value)} resize="vertical" />
      </Field>
      <Field label={sessionFieldLabels.nextSessionDate}>
        <Input
          type="date"
          value={session.nextSessionDate ?? ''}
          onChange={(_, d) => set({ nextSessionDate: d.value || null })}
        />
      </Field>

      <Text as="h3" size={300} weight="semibold" block>
        {sessionFieldLabels.situations} ({session.situations.length})
      </Text>
      <Text size={200} block>
        L’ordre du jour reprend les enfants en attente d’EPS, les parcours dont la revue est due et
        les sorties à valider. Seuls les codes parcours figurent dans la séance.
      </Text>
      <div>
        <Button onClick={() => set({ situations: mergeAgenda(session, records) })}>
          Proposer l’ordre du jour
        </Button>
      </div>
      {session.situations.map((situation, index) => (
        <SituationEditor
          key={situation.code}
          situation={situation}
          onChange={(next) =>
            set({ situations: session.situations.map((s, i) => (i === index ? next : s)) })
          }
          onRemove={() => set({ situations: session.situations.filter((_, i) => i !== index) })}
        />
      ))}
      <div>
        <Button
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const saved = await save();
              return {
                kind: 'saved',
                text: `Séance du ${formatShortFrenchDate(saved.date)} enregistrée dans la file active.`,
              };
            })
          }
        >
          Enregistrer la séance
        </Button>
      </div>

      <Text as="h3" size={300} weight="semibold" block>
        Remplir le compte rendu
      </Text>
      <RadioGroup aria-label="Modèle" value={template} onChange={(_, d) => setTemplate(d.value)}>
        {defaultTemplates.map((t) => (
          <Radio key={t.name} value={t.name} label={`${t.title} — ${t.description}`} />
        ))}
        <Radio value={OWN_TEMPLATE} label="Mon modèle Word (.docx)" />
      </RadioGroup>
      {template === OWN_TEMPLATE && (
        <Field label="Fichier du modèle" hint={own ? `Choisi : ${own.fileName}` : undefined}>
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(event) => void chooseOwn(event.target.files?.[0])}
            />
          )}
        </Field>
      )}
      <RadioGroup
        aria-label="Version"
        value={version}
        onChange={(_, d) => setVersion(d.value as MinutesVersion)}
      >
        <Radio value="interne" label={`${versionLabels.interne} (initiales des enfants)`} />
        <Radio value="partagee" label={`${versionLabels.partagee} (codes seulement, vérifiée)`} />
      </RadioGroup>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" disabled={busy} onClick={() => void fill('curseur')}>
          Insérer au curseur
        </Button>
        <Button disabled={busy} onClick={() => void fill('nouveau')}>
          Nouveau document
        </Button>
      </div>
      {busy && <Spinner size="small" label="Préparation du compte rendu…" />}
      {outcome && (outcome.kind === 'done' || outcome.kind === 'saved') && (
        <MessageBar intent="success">
          <MessageBarBody>{frenchSpacing(outcome.text)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (outcome.kind === 'blocked' || outcome.kind === 'error') && (
        <MessageBar intent="error">
          <MessageBarBody>
            {outcome.kind === 'blocked' && (
              <MessageBarTitle>Version partagée bloquée</MessageBarTitle>
            )}
            {outcome.message}
            {outcome.details.length > 0 && (
              <ul
                aria-label={
                  outcome.kind === 'blocked' ? 'Éléments identifiants trouvés' : 'Problèmes'
                }
              >
                {outcome.details.map((detail, i) => (
                  <li key={i}>{detail}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

export default function EpsMinutesView({ environment, hosts }: ViewProps) {
  return (
    <WordGate hosts={hosts}>
      {(word) => (
        <SessionGate preview={environment.kind === 'preview'}>
          {(store) => <EpsMinutes word={word} store={store} />}
        </SessionGate>
      )}
    </WordGate>
  );
}
