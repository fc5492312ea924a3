import { describe, expect, it } from 'vitest';
import { PasserelleError } from '../../shared/parcours';
import type { AuditEntry } from '../../shared/store';
import { errorMessage, frenchSpacing, historyOf } from '../../shared/ui';

describe('French typography', () => {
  it('puts a non-breaking space before « : ; ? ! » and inside guillemets, nowhere else', () => {
    expect(frenchSpacing('Effacer ? Oui ! Note : « texte » ; fin')).toBe(
      'Effacer\u00a0? Oui\u00a0! Note\u00a0: «\u00a0texte\u00a0»\u00a0; fin',
    );
    expect(frenchSpacing('https://exemple.fr à 10:30')).toBe('https://exemple.fr à 10:30');
  });

  it('shows the core’s French error capitalised and spaced, else the fallback', () => {
    const error = new PasserelleError(
      'store/wrong-passphrase',
      'phrase de passe incorrecte : réessayez.',
    );
    expect(errorMessage(error, 'autre')).toBe('Phrase de passe incorrecte\u00a0: réessayez.');
    expect(errorMessage(new Error('secret interne'), 'Échec : réessayez.')).toBe(
      'Échec\u00a0: réessayez.',
    );
  });
});

describe('a child’s history', () => {
  it('keeps the entries naming its code, newest first, labelled in French', () => {
    const audit: AuditEntry[] = [
      {
        seq: 1,
        at: '2026-01-05T09:07:00Z',
        actor: 'sm',
        kind: 'export',
        codes: ['PRE-2025-001'],
        detail: 'droit d’accès',
      },
      { seq: 2, at: '2026-01-06T10:00:00Z', actor: 'sm', kind: 'share', codes: ['PRE-2025-002'] },
      {
        seq: 3,
        at: '2026-01-07T11:30:00Z',
        actor: 'kh',
        kind: 'share',
        codes: ['PRE-2025-002', 'PRE-2025-001'],
      },
    ];
    const lines = historyOf('PRE-2025-001', audit);
    expect(lines.map((l) => [l.seq, l.what, l.actor])).toEqual([
      [3, 'Partage', 'kh'],
      [1, 'Export (droit d’accès)', 'sm'],
    ]);
    expect(lines[1]!.when).toMatch(/^0[56]\/01\/2026 à \d{1,2}\u00a0h\u00a0\d{2}$/);
  });
});
