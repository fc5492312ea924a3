/**
 * Later uses: the passphrase opens the caseload. A wrong one shows the
 * store's French error and changes nothing; the field keeps focus for a retry.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Screen, useScreenStyles } from './screen';
import { errorMessage } from './typography';

export interface UnlockScreenProps {
  onUnlock(passphrase: string): Promise<void>;
  /** Why the caseload is locked, e.g. after inactivity. */
  notice?: ReactNode;
}

export function UnlockScreen({ onUnlock, notice }: UnlockScreenProps) {
  const styles = useScreenStyles();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onUnlock(passphrase);
    } catch (caught) {
      setError(errorMessage(caught, 'La file active n’a pas pu être ouverte : réessayez.'));
      setBusy(false);
      input.current?.select();
    }
  };

  return (
    <Screen title="File active verrouillée">
      {notice}
      <Text as="p">Saisissez votre phrase de passe pour ouvrir les fiches de cet appareil.</Text>
      <form className={styles.form} onSubmit={submit}>
        <Field
          label="Phrase de passe"
          required
          validationState={error ? 'error' : 'none'}
          validationMessage={error ?? undefined}
        >
          <Input
            ref={input}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(_, data) => setPassphrase(data.value)}
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={!passphrase || busy}>
          {busy ? 'Ouverture…' : 'Ouvrir la file active'}
        </Button>
      </form>
      {busy && (
        <MessageBar intent="info">
          <MessageBarBody>Vérification de la phrase de passe…</MessageBarBody>
        </MessageBar>
      )}
    </Screen>
  );
}
