import { describe, expect, it } from 'vitest';
import { newPassphraseReady, passphraseStrength } from '../../shared/ui';

describe('passphrase strength', () => {
  it('rates predictable or short strings low and refuses them', () => {
    for (const weak of [
      '',
      'azerty',
      'azerty123',
      'Soleil2024',
      'aaaaaaaaaaaa',
      'abcdefgh12345678',
    ]) {
      const strength = passphraseStrength(weak);
      expect(strength.acceptable, weak).toBe(false);
      expect(strength.level, weak).toBeLessThan(2);
      expect(strength.advice, weak).not.toBe('');
    }
  });

  it('rates a phrase of several unrelated words well', () => {
    const strength = passphraseStrength('soleil rouge sur la calanque');
    expect(strength.acceptable).toBe(true);
    expect(strength.level).toBeGreaterThanOrEqual(3);
    expect(strength.label).toBe(strength.level === 3 ? 'Bonne' : 'Très bonne');
  });

  it('counts a phrase by its words, not by its letters', () => {
    const three = passphraseStrength('girafe poivre trottinette');
    const six = passphraseStrength('girafe poivre trottinette lundi caramel boussole');
    expect(six.bits).toBeGreaterThan(three.bits);
    expect(three.bits).toBeLessThanOrEqual(3 * 11 + 4);
  });

  it('refuses fewer than 8 characters whatever their variety', () => {
    const strength = passphraseStrength('Aé9!x$');
    expect(strength.acceptable).toBe(false);
    expect(strength.advice).toMatch(/Au moins 8 caractères/);
  });
});

describe('a new passphrase (first use, change)', () => {
  const strong = 'cheval agrafe batterie correcte';
  it('is ready only when strong enough and typed the same twice', () => {
    expect(newPassphraseReady({ value: strong, confirmation: strong })).toBe(true);
    expect(newPassphraseReady({ value: strong, confirmation: `${strong} ` })).toBe(false);
    expect(newPassphraseReady({ value: 'azerty', confirmation: 'azerty' })).toBe(false);
    expect(newPassphraseReady({ value: '', confirmation: '' })).toBe(false);
  });
});
