/**
 * The fast matchers of `detect/matching.ts` must find exactly what a plain
 * global regex with a «not after a letter» check finds: same starts, same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The matchers are internal (no caller outside the detectors): tested directly against plain
// regex matching, hence imports past the public entry.
/* eslint-disable passerelle/capability-entry */
import {
  HeadSearch,
  KeywordFamilies,
  letterBefore,
  letterOrDigitBefore,
  matchesNotAfter,
} from '../../shared/anonymisation/detect/matching';
import { detectPhones, detectEmails } from '../../shared/anonymisation/detect/identifiers';
import { detectQuasi } from '../../shared/anonymisation/detect/quasi';
/* eslint-enable passerelle/capability-entry */

const compact = (ms: RegExpExecArray[]) => ms.map((m) => `${m.index}:${m[0]}`);

const HEALTHISH =
  /(?:TDAH|TSA|troubles?\s(?:dys|du\slangage)|[ée]pilepsie|IP(?<=\sune\sIP)|(?:soutien|suivi)\spsy|maux?\sde\st[êe]te)(?![\p{L}])/gu;
const CLASSISH = /(?:CP|CE1|[3-6](?:e|ème)(?:\sSEGPA)?|2nde)(?![\p{L}\d])/gu;
const SITEISH = /(?:r[ée]sidence|aire(?: d['’]accueil)?|cit[ée])(?![\p{L}])/giu;

// Pieces chosen so that keywords start inside words, after digits, astral letters, NBSP…
const piece = fc.constantFrom(
  'TDAH',
  'TSA',
  'troubles dys',
  'trouble du langage',
  'épilepsie',
  'Épilepsie',
  'epilepsie',
  ' une IP',
  'IP',
  'suivi psy',
  'soutien psy',
  'maux de tête',
  'mau',
  'CP',
  'CE1',
  '3e',
  '4ème SEGPA',
  '2nde',
  'résidence',
  'RÉSIDENCE',
  'réſidence',
  'aire d’accueil',
  'aire',
  'cité',
  'CITÉ',
  'scolaire',
  'x',
  'é',
  'É',
  '𝐀',
  '😀',
  '7',
  '-',
  "'",
  '’',
  ' ',
  '\u00a0',
  '\u202f',
  '\n',
  '(',
  'l’',
  'd',
);
const text = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''));

describe('letterBefore', () => {
  it('reads the character before, a surrogate pair as one', () => {
    expect(letterBefore('aT', 1)).toBe(true);
    expect(letterBefore('ÉT', 1)).toBe(true);
    expect(letterBefore('𝐀T', 2)).toBe(true); // mathematical capital A: a letter outside the basic plane
    expect(letterBefore('😀T', 2)).toBe(false);
    expect(letterBefore('\udc00T', 1)).toBe(false); // lone low surrogate
    expect(letterBefore('\u00a0T', 1)).toBe(false);
    expect(letterBefore('T', 0)).toBe(false);
    expect(letterOrDigitBefore('3T', 1)).toBe(true);
  });
});

describe('KeywordFamilies', () => {
  const families = new KeywordFamilies([{ re: HEALTHISH }, { re: CLASSISH, notAfterDigit: true }]);
  it('finds what a global regex with a hand check finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        const [health, classes] = families.matchAll(t);
        expect(compact(health!)).toEqual(compact(matchesNotAfter(t, HEALTHISH, letterBefore)));
        expect(compact(classes!)).toEqual(
          compact(matchesNotAfter(t, CLASSISH, letterOrDigitBefore)),
        );
      }),
      { numRuns: 2000 },
    );
  });
  it('finds a keyword ending the text, and none cut short', () => {
    expect(compact(families.matchAll('un TDAH')[0]!)).toEqual(['3:TDAH']);
    expect(families.matchAll('un TDA')[0]).toEqual([]);
    expect(compact(families.matchAll('en 3e')[1]!)).toEqual(['3:3e']);
    expect(families.matchAll('en 33e')[1]).toEqual([]);
  });
  it('refuses a regex it cannot filter exactly', () => {
    expect(() => new KeywordFamilies([{ re: /(?:tdah)/giu }])).toThrow();
    expect(() => new KeywordFamilies([{ re: /(?:\d+ ans)/gu }])).toThrow();
  });
});

describe('HeadSearch', () => {
  const search = new HeadSearch(SITEISH);
  it('finds what a global regex with a hand check finds, case folding included', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(compact(search.matches(t, letterBefore))).toEqual(
          compact(matchesNotAfter(t, SITEISH, letterBefore)),
        );
      }),
      { numRuns: 2000 },
    );
    expect(compact(search.matches('la réſidence', letterBefore))).toEqual(['3:réſidence']);
  });
});

describe('detectors around the rewritten paths', () => {
  it('ignores a keyword inside a professional title only when its «(» is at most 40 characters back', () => {
    expect(detectQuasi('Mme Roux (psychologue, CMP)').map((f) => f.type)).toEqual([]);
    const far = `(psychologue ${'x'.repeat(40)} CMP)`;
    expect(detectQuasi(far).map((f) => f.type)).toEqual(['SANTE']);
  });
  it('reads a class after a space but not after a digit or a letter', () => {
    expect(detectQuasi('en CM2, puis 6ème').map((f) => f.start)).toEqual([3, 13]);
    expect(detectQuasi('2CM2 xCP').map((f) => f.type)).toEqual([]);
  });
  it('counts every kind of space as one phone separator', () => {
    expect(detectPhones('06\u00a012 34\u202f56 78')).toHaveLength(1);
    expect(detectPhones('06.12 34 56 78')).toHaveLength(0);
    expect(detectPhones('+33 6\u00a012 34 56 78')).toHaveLength(1);
  });
  it('drops the dots and dashes ending an e-mail', () => {
    expect(detectEmails('écrire à a.b@ecole-x.fr.-').map((f) => f.end)).toEqual([23]);
  });
});
