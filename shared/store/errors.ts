/** The store's French errors: each says what happened and what to do. */
import { PasserelleError } from '../parcours';

export const lockedError = () =>
  new PasserelleError(
    'store/locked',
    'la file active est verrouillée : saisissez votre phrase de passe pour la rouvrir.',
  );

export const wrongPassphrase = () =>
  new PasserelleError(
    'store/wrong-passphrase',
    'phrase de passe incorrecte : vérifiez-la (majuscules, accents) et réessayez. Rien n’a été modifié.',
  );

export const absentError = () =>
  new PasserelleError(
    'store/absent',
    'aucune file active sur cet appareil (elle a peut-être été effacée par le navigateur ou Office) : restaurez votre dernière sauvegarde.',
  );

export function unknownCode(code: string): PasserelleError {
  return new PasserelleError(
    'store/unknown-code',
    `aucun enfant n’a le code ${code} dans la file active : vérifiez le code (passerelle store list).`,
  );
}
