/** A pasted text's findings for the screens: highlight spans with reasons, list entries by line, never the value. */
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/anonymisation';
import { findingSpans, highlightSegments, listedFindings } from '../../shared/ui';

const TEXT =
  'Bonjour,\nla mère est joignable au 06 58 31 27 40\net par courriel : siham.g@exemple.fr';

describe('text findings for the side panel', () => {
  const { findings } = scan(TEXT);

  it('lists each finding by line with its French reason, without the value', () => {
    const listed = listedFindings(TEXT, findings);
    const phone = listed.find((f) => f.type === 'TELEPHONE')!;
    const email = listed.find((f) => f.type === 'EMAIL')!;
    expect(phone.cell).toBe('ligne 2');
    expect(email.cell).toBe('ligne 3');
    expect(JSON.stringify(listed)).not.toMatch(/06 58|siham/);
    expect(phone.reason.length).toBeGreaterThan(3);
  });

  it('highlights exactly the values found, each with its reason', () => {
    const segments = highlightSegments(TEXT, findingSpans(findings));
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    const marked = segments.filter((s) => s.fields.length).map((s) => s.text);
    expect(marked).toEqual(expect.arrayContaining(['06 58 31 27 40', 'siham.g@exemple.fr']));
  });
});
