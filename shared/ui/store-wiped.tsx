/**
 * The host emptied the browser storage: the caseload this device had is gone.
 * Offers to rebuild it from a backup file (with that backup's passphrase), or
 * to start an empty one.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { Screen, useScreenStyles } from './screen';
import { errorMessage } from './typography';

export interface StoreWipedProps {
  /** Rebuilds the store from the backup's bytes; a rejection's message is shown. */
  onRestore(backup: Uint8Array, passphrase: string): Promise<void>;
  /** Starts again with an empty caseload (the passphrase setup). */
  onStartOver(): void;
}

export function StoreWiped({ onRestore, onStartOver }: StoreWipedProps) {
  const styles = useScreenStyles();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onRestore(new Uint8Array(await file.arrayBuffer()), passphrase);
    } catch (caught) {
      setError(errorMessage(caught, 'La sauvegarde n’a pas pu être restaurée : réessayez.'));
      setBusy(false);
    }
  };

  return (
    <Screen title="File active introuvable">
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Les données de cet appareil ont été effacées</MessageBarTitle>
          Office ou le navigateur a vidé son stockage. Restaurez votre dernière sauvegarde
          Passerelle pour retrouver les fiches.
        </MessageBarBody>
      </MessageBar>
      <form className={styles.form} onSubmit={submit}>
        <Field label="Fichier de sauvegarde" required>
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field
          label="Phrase de passe de la sauvegarde"
          required
          validationState={error ? 'error' : 'none'}
          validationMessage={error ?? undefined}
        >
          <Input
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(_, data) => setPassphrase(data.value)}
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={!file || !passphrase || busy}>
          {busy ? 'Restauration…' : 'Restaurer la sauvegarde'}
        </Button>
      </form>
      <Button appearance="subtle" onClick={onStartOver}>
        Commencer une nouvelle file active (vide)
      </Button>
    </Screen>
  );
}
