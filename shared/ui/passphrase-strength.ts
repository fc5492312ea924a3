/**
 * A passphrase's strength, estimated here rather than with zxcvbn: its French
 * dictionary alone weighs more than the pane's whole budget, and what we need
 * to say is simple — long phrases of several words are strong, short or
 * predictable strings are not. The estimate is conservative: a phrase counts
 * as the lower of its character entropy and its word entropy.
 */
import { foldText } from '../parcours';

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  /** Estimated entropy in bits. */
  bits: number;
  level: StrengthLevel;
  /** «Très faible» … «Très bonne». */
  label: string;
  /** What to do to make it stronger (empty when it is strong enough). */
  advice: string;
  /** Strong enough to protect the caseload (level 2 and above). */
  acceptable: boolean;
}

/** Minimum length the store accepts (shared/store checks it too). */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Bits of one word taken from everyday French vocabulary (about 2 000 common words). */
const BITS_PER_WORD = 11;
const LEVELS: readonly { below: number; label: string }[] = [
  { below: 28, label: 'Très faible' },
  { below: 40, label: 'Faible' },
  { below: 55, label: 'Moyenne' },
  { below: 70, label: 'Bonne' },
  { below: Infinity, label: 'Très bonne' },
];
/** Strings everyone tries first; folded, so «AZERTY» and «Soleil» count too. */
const PREDICTABLE = [
  'azerty',
  'qwerty',
  'motdepasse',
  'mot de passe',
  'password',
  'passerelle',
  'soleil',
  'bonjour',
  'doudou',
  'loulou',
  'chouchou',
  'marseille',
  'france',
  'abcdef',
  '0123456789',
  '9876543210',
];

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[àâäéèêëîïôöùûüÿçœæ]/i.test(text)) pool += 16;
  if (/[^a-z0-9àâäéèêëîïôöùûüÿçœæ]/i.test(text)) pool += 33;
  return Math.max(pool, 1);
}

/** Length once runs («aaaa»), predictable words and straight sequences are counted as one character. */
function effectiveLength(text: string): number {
  let folded = foldText(text).replace(/ /g, '');
  for (const word of PREDICTABLE) folded = folded.split(word.replace(/ /g, '')).join('§');
  let length = 0;
  for (let i = 0; i < folded.length; i++) {
    const previous = folded.charCodeAt(i - 1);
    const current = folded.charCodeAt(i);
    const repeatsOrFollows =
      i > 0 && (current === previous || current === previous + 1 || current === previous - 1);
    if (!repeatsOrFollows) length += 1;
  }
  return length;
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const characters = [...passphrase].length;
  const charBits = effectiveLength(passphrase) * Math.log2(poolSize(passphrase));
  const words = passphrase.split(/[\s\-_.,;]+/).filter((w) => [...w].length >= 2);
  const wordBits = words.length >= 3 ? words.length * BITS_PER_WORD + 4 : Infinity;
  const bits = Math.round(Math.min(charBits, wordBits));
  const level = LEVELS.findIndex((l) => bits < l.below) as StrengthLevel;
  let advice = '';
  if (characters < MIN_PASSPHRASE_LENGTH) {
    advice = `Au moins ${MIN_PASSPHRASE_LENGTH} caractères : une phrase de quatre ou cinq mots est plus sûre et plus facile à retenir.`;
  } else if (level < 2) {
    advice = 'Trop prévisible : ajoutez des mots sans rapport entre eux (quatre ou cinq en tout).';
  } else if (level < 3) {
    advice = 'Correcte ; un mot de plus la rendrait nettement plus sûre.';
  }
  return {
    bits,
    level,
    label: LEVELS[level]!.label,
    advice,
    acceptable: characters >= MIN_PASSPHRASE_LENGTH && level >= 2,
  };
}
