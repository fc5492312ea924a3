/**
 * First use: the user chooses the passphrase that encrypts the caseload on
 * this device, sees its strength, types it twice. It is handed to `onCreate`
 * and never kept: lose it and the data cannot be opened, hence the backup advice.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { passphraseStrength } from './passphrase-strength';
import { Screen, useScreenStyles } from './screen';
import { errorMessage } from './typography';

export interface PassphraseSetupProps {
  /** Creates the store; a rejection's French message is shown and nothing changes. */
  onCreate(passphrase: string): Promise<void>;
  /** Shown under the title, e.g. that the preview fills the store with sample data. */
  notice?: ReactNode;
}

const meterColour = ['error', 'error', 'warning', 'success', 'success'] as const;

export function PassphraseSetup({ onCreate, notice }: PassphraseSetupProps) {
  const styles = useScreenStyles();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const explanationId = useId();
  const strength = passphraseStrength(passphrase);
  const mismatch = confirmation !== '' && confirmation !== passphrase;
  const ready = strength.acceptable && confirmation === passphrase && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate(passphrase);
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
        <Field
          label="Phrase de passe"
          hint="Quatre ou cinq mots sans rapport entre eux, par exemple."
          required
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(_, data) => setPassphrase(data.value)}
          />
        </Field>
        <Field
          label="Solidité"
          validationState={passphrase ? (strength.acceptable ? 'success' : 'warning') : 'none'}
          validationMessage={
            passphrase ? `${strength.label}${strength.advice ? ` — ${strength.advice}` : ''}` : ''
          }
        >
          <ProgressBar
            value={passphrase ? (strength.level + 1) / 5 : 0}
            color={meterColour[strength.level]}
            thickness="large"
          />
        </Field>
        <Field
          label="Confirmation de la phrase de passe"
          required
          validationState={mismatch ? 'error' : 'none'}
          validationMessage={mismatch ? 'Les deux phrases ne sont pas identiques.' : undefined}
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(_, data) => setConfirmation(data.value)}
          />
        </Field>
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
