/**
 * First use: the user chooses the passphrase that encrypts the caseload on
 * this device, sees its strength, types it twice. It is handed to `onCreate`
 * and never kept: lose it and the data cannot be opened, hence the backup advice.
 */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { EMPTY_PASSPHRASE, NewPassphraseFields, newPassphraseReady } from './new-passphrase-fields';
import { Screen, useScreenStyles } from './screen';
import { errorMessage } from './typography';

export interface PassphraseSetupProps {
  /** Creates the store; a rejection's French message is shown and nothing changes. */
  onCreate(passphrase: string): Promise<void>;
  /** Shown under the title, e.g. that the preview fills the store with sample data. */
  notice?: ReactNode;
}

export function PassphraseSetup({ onCreate, notice }: PassphraseSetupProps) {
  const styles = useScreenStyles();
  const [passphrase, setPassphrase] = useState(EMPTY_PASSPHRASE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const explanationId = useId();
  const ready = newPassphraseReady(passphrase) && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate(passphrase.value);
    } catch (caught) {
      setError(errorMessage(caught, 'La file active n’a pas pu être créée : réessayez.'));
      setBusy(false);
    }
  };

  return (
    <Screen title="Protéger la file active">
      {notice}
      <Text as="p" id={explanationId}>
        Choisissez une phrase de passe&nbsp;: elle chiffre les fiches des enfants sur cet appareil.
        Passerelle ne la conserve nulle part.{' '}
        <strong>Perdue, elle ne peut pas être retrouvée</strong> et les données deviennent
        illisibles&nbsp;: notez-la en lieu sûr et faites régulièrement une sauvegarde.
      </Text>
      <form className={styles.form} onSubmit={submit} aria-describedby={explanationId}>
        <NewPassphraseFields
          passphrase={passphrase}
          onChange={setPassphrase}
          label="Phrase de passe"
          hint="Quatre ou cinq mots sans rapport entre eux, par exemple."
          confirmationLabel="Confirmation de la phrase de passe"
        />
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" type="submit" disabled={!ready}>
          {busy ? 'Création…' : 'Créer la file active'}
        </Button>
      </form>
    </Screen>
  );
}
