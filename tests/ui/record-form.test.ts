import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordFields, type ParcoursRecord } from '../../shared/parcours';
import {
  checkDraft,
  formGroups,
  formLabels,
  formSections,
  messagesByLabel,
  readPath,
  writePath,
  type Draft,
} from '../../shared/ui';

const [record] = (
  JSON.parse(readFileSync('tests/fixtures/store/suivi-exemple.json', 'utf8')) as {
    records: ParcoursRecord[];
  }
).records;
const draft = () => structuredClone(record) as unknown as Draft;

describe('record editor model', () => {
  it('shows every dictionary field except the id and code, with its dictionary label', () => {
    const shown = [
      ...formSections.flatMap((s) => s.fields.map((f) => [f.key, f.label])),
      ...formGroups.flatMap((g) => g.fields.map((f) => [`${g.key}[].${f.key}`, f.label])),
    ];
    const expected = recordFields
      .filter((f) => f.key !== 'id' && f.key !== 'code')
      .map((f) => [f.key, f.label]);
    expect(shown.sort()).toEqual(expected.sort());
  });

  it('writes by dotted path without touching the original, an empty value removing the key', () => {
    const original = draft();
    const edited = writePath(original, 'child.grade', '');
    expect(readPath(edited, 'child.grade')).toBeUndefined();
    expect(readPath(original, 'child.grade')).toBe('CM2');
    const phone = writePath(original, 'guardians.0.phone', '+33611223344');
    expect(readPath(phone, 'guardians.0.phone')).toBe('+33611223344');
    expect(Array.isArray(readPath(phone, 'guardians'))).toBe(true);
    expect(readPath(writePath(original, 'exit.reason', 'demenagement'), 'exit')).toEqual({
      reason: 'demenagement',
    });
  });

  it('turns a draft back into a valid record: category as a number, blanks dropped', () => {
    let edited = writePath(draft(), 'category', '3');
    edited = writePath(edited, 'objectives', ['Lire seule', '  ', '']);
    edited = writePath(edited, 'actions', [{}]);
    const checked = checkDraft(edited);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.category).toBe(3);
    expect(checked.value.objectives).toEqual(['Lire seule']);
    expect(checked.value.actions).toBeUndefined();
  });

  it('puts validateRecord’s messages under the fields they name', () => {
    let edited = writePath(draft(), 'child.ine', '123');
    edited = writePath(edited, 'guardians.0.phone', '06 12');
    edited = writePath(edited, 'child.firstName', '');
    const checked = checkDraft(edited);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const { byLabel, general } = messagesByLabel(checked.error.details, formLabels);
    expect(byLabel.get('INE')).toEqual(['INE invalide : 11 caractères attendus']);
    expect(byLabel.get('Téléphone')?.[0]).toMatch(/format international/);
    expect(byLabel.get('Prénom')).toEqual(['champ obligatoire manquant']);
    expect(general).toEqual([]);
  });
});
