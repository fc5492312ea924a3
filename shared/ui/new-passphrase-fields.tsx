/**
 * Choosing a passphrase, at first use or when changing it: typed once with
 * its strength shown, then typed again. The form that holds it decides what
 * happens with it.
 */
import { Field, Input, ProgressBar } from '@fluentui/react-components';
import { passphraseStrength } from './passphrase-strength';

export interface NewPassphrase {
  value: string;
  confirmation: string;
}

export const EMPTY_PASSPHRASE: NewPassphrase = { value: '', confirmation: '' };

/** Strong enough and typed the same twice. */
export const newPassphraseReady = ({ value, confirmation }: NewPassphrase) =>
  passphraseStrength(value).acceptable && confirmation === value;

export interface NewPassphraseFieldsProps {
  passphrase: NewPassphrase;
  onChange(passphrase: NewPassphrase): void;
  label: string;
  confirmationLabel: string;
  hint?: string;
}

const meterColour = ['error', 'error', 'warning', 'success', 'success'] as const;

export function NewPassphraseFields({
  passphrase,
  onChange,
  label,
  confirmationLabel,
  hint,
}: NewPassphraseFieldsProps) {
  const { value, confirmation } = passphrase;
  const strength = passphraseStrength(value);
  const mismatch = confirmation !== '' && confirmation !== value;
  return (
    <>
      <Field label={label} hint={hint} required>
        <Input
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(_, data) => onChange({ ...passphrase, value: data.value })}
        />
      </Field>
      <Field
        label="Solidité"
        validationState={value ? (strength.acceptable ? 'success' : 'warning') : 'none'}
        validationMessage={
          value ? `${strength.label}${strength.advice ? ` — ${strength.advice}` : ''}` : ''
        }
      >
        <ProgressBar
          value={value ? (strength.level + 1) / 5 : 0}
          color={meterColour[strength.level]}
          thickness="large"
        />
      </Field>
      <Field
        label={confirmationLabel}
        required
        validationState={mismatch ? 'error' : 'none'}
        validationMessage={mismatch ? 'Les deux phrases ne sont pas identiques.' : undefined}
      >
        <Input
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(_, data) => onChange({ ...passphrase, confirmation: data.value })}
        />
      </Field>
    </>
  );
}
