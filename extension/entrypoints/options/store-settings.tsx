/**
 * Settings of the encrypted store, once unlocked: passphrase change (every
 * record re-encrypted in one transaction; the side panel and the background
 * are locked since their keys are stale), lock delay, retention with the
 * purge proposal, and the backup file (download, restore merged without
 * duplicating children).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { CaseloadStore, StoreSettings } from '../../../shared/store';
import {
  EMPTY_PASSPHRASE,
  NewPassphraseFields,
  Screen,
  downloadBytes,
  errorMessage,
  newPassphraseReady,
} from '../../../shared/ui';
import { background } from '../../pages/background-link';
import { count } from '../../pages/count';

type Notice = { intent: 'success' | 'error' | 'warning'; text: string } | null;

function NoticeBar({ notice }: { notice: Notice }) {
  return notice ? (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

const LOCK_CHOICES = [5, 15, 30, 60, 0];
const RETENTION_CHOICES = [12, 24, 36, 60];

export function PassphraseSection({ store }: { store: CaseloadStore }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState(EMPTY_PASSPHRASE);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const ready = current && newPassphraseReady(next) && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setNotice(null);
    try {
      await store.changePassphrase(current, next.value);
      void background.lock();
      setCurrent('');
      setNext(EMPTY_PASSPHRASE);
      setNotice({
        intent: 'success',
        text: 'Phrase de passe changée. Le panneau latéral est verrouillé : ouvrez-le avec la nouvelle phrase.',
      });
    } catch (caught) {
      setNotice({
        intent: 'error',
        text: errorMessage(
          caught,
          'La phrase de passe n’a pas été changée : rien n’a été modifié.',
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="Phrase de passe">
      <form onSubmit={(event) => void submit(event)} style={{ display: 'grid', gap: 8 }}>
        <Field label="Phrase de passe actuelle" required>
          <Input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(_, data) => setCurrent(data.value)}
          />
        </Field>
        <NewPassphraseFields
          passphrase={next}
          onChange={setNext}
          label="Nouvelle phrase de passe"
          confirmationLabel="Confirmation de la nouvelle phrase"
        />
        <NoticeBar notice={notice} />
        <Button type="submit" appearance="primary" disabled={!ready}>
          {busy ? 'Chiffrement en cours…' : 'Changer la phrase de passe'}
        </Button>
      </form>
    </Screen>
  );
}

function useSettings(store: CaseloadStore) {
  const [settings, setSettings] = useState<StoreSettings | null>(null);
  useEffect(() => {
    void store.settings().then(setSettings);
  }, [store]);
  const update = async (changes: Partial<StoreSettings>) => {
    await store.updateSettings(changes);
    setSettings(await store.settings());
  };
  return { settings, update };
}

export function RetentionSection({ store }: { store: CaseloadStore }) {
  const { settings, update } = useSettings(store);
  const [candidates, setCandidates] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const propose = async () => {
    setNotice(null);
    setConfirming(false);
    setCandidates(await store.purgeCandidates());
  };

  const purge = async () => {
    try {
      const erased = await store.purge();
      void background.notify({ kind: 'caseload-changed' });
      setCandidates(null);
      setConfirming(false);
      setNotice({
        intent: 'success',
        text: `${count(erased.length, 'fiche effacée', 'fiches effacées')}.`,
      });
    } catch (caught) {
      setNotice({
        intent: 'error',
        text: errorMessage(caught, 'La purge a échoué : rien n’a été effacé.'),
      });
    }
  };

  if (!settings) return null;
  return (
    <Screen title="Verrouillage et conservation">
      <Field
        label="Verrouiller après"
        hint="Sans activité dans le panneau ; appliqué à la prochaine ouverture de la file active."
      >
        <Select
          value={String(settings.lockAfterMinutes)}
          onChange={(_, data) => void update({ lockAfterMinutes: Number(data.value) })}
        >
          {LOCK_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m ? `${m} minutes` : 'Jamais (déconseillé)'}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Durée de conservation après la sortie"
        hint="Au-delà, la fiche d’un parcours terminé doit être effacée."
      >
        <Select
          value={String(settings.retentionMonths)}
          onChange={(_, data) => {
            setCandidates(null);
            void update({ retentionMonths: Number(data.value) });
          }}
        >
          {RETENTION_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m} mois
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => void propose()}>Voir les fiches à effacer</Button>
      {candidates && candidates.length === 0 && (
        <Text>Aucune fiche n’a dépassé la durée de conservation.</Text>
      )}
      {candidates && candidates.length > 0 && (
        <>
          <Text>
            {count(candidates.length, 'fiche dépasse', 'fiches dépassent')} la durée de
            conservation&nbsp;: {candidates.join(', ')}.
          </Text>
          {confirming ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                Effacer définitivement {count(candidates.length, 'fiche', 'fiches')}&nbsp;? Leurs
                codes ne seront pas réattribués.
                <span style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                  <Button appearance="primary" onClick={() => void purge()}>
                    Effacer définitivement
                  </Button>
                  <Button onClick={() => setConfirming(false)}>Annuler</Button>
                </span>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Button onClick={() => setConfirming(true)}>Effacer ces fiches</Button>
          )}
        </>
      )}
      <NoticeBar notice={notice} />
    </Screen>
  );
}

export function BackupSection({ store }: { store: CaseloadStore }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const download = async () => {
    setNotice(null);
    try {
      const bytes = await store.backup();
      downloadBytes(
        `passerelle-sauvegarde-${new Date().toISOString().slice(0, 10)}.passerelle`,
        bytes,
        'application/octet-stream',
      );
      setNotice({
        intent: 'success',
        text: 'Sauvegarde téléchargée, chiffrée avec votre phrase de passe : rangez-la en lieu sûr.',
      });
    } catch (caught) {
      setNotice({ intent: 'error', text: errorMessage(caught, 'La sauvegarde a échoué.') });
    }
  };

  const restore = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !passphrase) return;
    setBusy(true);
    setNotice(null);
    try {
      const result = await store.restore(new Uint8Array(await file.arrayBuffer()), passphrase);
      void background.notify({ kind: 'caseload-changed' });
      setPassphrase('');
      setNotice({
        intent: 'success',
        text: `Sauvegarde restaurée : ${count(result.added.length, 'fiche ajoutée', 'fiches ajoutées')}, ${count(result.merged.length, 'fiche déjà présente complétée', 'fiches déjà présentes complétées')}.${result.notes.length ? ` ${result.notes.join(' ')}` : ''}`,
      });
    } catch (caught) {
      setNotice({
        intent: 'error',
        text: errorMessage(
          caught,
          'La sauvegarde n’a pas pu être restaurée : rien n’a été modifié.',
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="Sauvegarde">
      <Text size={200}>
        Le complément Office et l’extension ont chacun leur file active&nbsp;: une sauvegarde passe
        les données de l’un à l’autre. Restaurer fusionne, sans dupliquer les enfants déjà présents.
      </Text>
      <Button onClick={() => void download()}>Télécharger une sauvegarde chiffrée</Button>
      <form onSubmit={(event) => void restore(event)} style={{ display: 'grid', gap: 8 }}>
        <Field label="Fichier de sauvegarde">
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label="Phrase de passe de la sauvegarde">
          <Input
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(_, data) => setPassphrase(data.value)}
          />
        </Field>
        <Button type="submit" disabled={!file || !passphrase || busy}>
          {busy ? 'Restauration…' : 'Restaurer la sauvegarde'}
        </Button>
      </form>
      <NoticeBar notice={notice} />
    </Screen>
  );
}
