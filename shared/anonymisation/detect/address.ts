/**
 * Postal addresses at street level: number (bis/ter), street type, name, then
 * the parts that follow (résidence, bâtiment, appartement, code postal + ville);
 * and a residence or caravan site with its building when no number is given.
 */
import type { RawFinding } from '../types';
import {
  HeadSearch,
  letterBefore,
  letterOrDigitBefore,
  matchesNotAfter,
  type BeforeCheck,
} from './matching';

/** Street types, as alternatives of a regex (case-insensitive). */
export const STREET_TYPES =
  'rue|avenue|av\\.|bd|boulevard|chemin|impasse|all[ée]e|place|route|quai|cours|square|passage|voie|sentier|faubourg|lotissement|r[ée]sidence|cit[ée]|hameau|mont[ée]e|esplanade|parvis|traverse|promenade|clos|domaine|chauss[ée]e|mail|rond-point|za|zac|lieu-dit';

const NUMBERED = new RegExp(
  `\\d{1,4}(?:\\s?(?:bis|ter|quater|[abcd])\\b)?,?\\s(?:${STREET_TYPES})(?![\\p{L}])`,
  'giu',
);
const SITE = /(?:r[ée]sidence|cit[ée]|aire(?: d['’]accueil)?|terrain familial)(?![\p{L}])/giu;
/** SITE's words are searched one by one: an «aire» inside most words costs no try of the others. */
const SITE_SEARCH = new HeadSearch(SITE);
/** «Domicile : …, 30900 Nîmes»: after such a word, everything up to the town is the address. */
const ANNOUNCED =
  /(?:[Dd]omicile|[Aa]dresse|[Dd]omicili[ée]e?s?\s(?:au|à)|[Hh]abite\s(?:au|à)|[Dd]emeurant\s(?:au|à)?)\s?:?\s?([^\n]{3,90}?\d{2}\s?\d{3}\s+\p{Lu}[\p{L}'’-]*(?:[\s-]\p{Lu}[\p{L}'’-]*){0,3})/gu;

const NAME_WORD = /^[\p{Lu}\d][\p{L}\d'’\-.]*$/u;
const PARTICLE = /^(?:de|du|des|la|le|les|l['’]|d['’]|à|au|aux|sur|sous|en|et|saint|sainte)$/i;
/** A part after the street: another street, building, flat, staircase… (keyword case-insensitive). */
const EXTRA_KEY =
  /^(?:,|\s-)?\s*(?:(?:\d{1,4}\s)?(?:chemin|rue|route|avenue|impasse|all[ée]e)\s(?:d['’]|de la\s|de\s|du\s|des\s)?|(?:b[âa]t(?:iment)?\.?|appartement|appt\.?|apt\.?|app\.?|escalier|esc\.?|porte|r[ée]sidence|r[ée]s\.|cit[ée]|logement|log\.?|entr[ée]e|bp|cs)\s+)/iu;
/** Its value: one word, then capitalised words or particles only (case-sensitive). */
const EXTRA_VALUE =
  /^[\p{L}\d][\p{L}\d'’-]*(?:\s(?:[\p{Lu}\d][\p{L}\d'’-]*|de|du|des|la|le|les))*/u;
const FLOOR = /^(?:,|\s-)?\s*\d{1,2}(?:e|er|ème|eme)\s+[ée]tage/iu;
const POSTCODE =
  /^(?:,|\s-)?\s*(?:\n\s*)?\d{2}\s?\d{3}\s+\p{Lu}[\p{L}'’-]*(?:[\s-]\p{Lu}[\p{L}'’-]*){0,3}(?:\s+(?:cedex|CEDEX|Cedex)(?:\s\d{1,2})?)?/u;

// Module level: bundlers turn Unicode regex literals into `new RegExp` calls.
const HAS_CAPITAL = /\p{Lu}/u;
const NEXT_STREET_WORD = /^[ \u00a0]+([\p{L}\d][\p{L}\d'’\-.]*)/u;

/** Words of a street name from `from`, up to 8, stopping at punctuation or a plain word. */
function streetNameEnd(text: string, from: number): number {
  let end = from;
  let pos = from;
  let words = 0;
  const lowerText = !HAS_CAPITAL.test(text.slice(from, from + 40));
  while (words < 8) {
    const m = NEXT_STREET_WORD.exec(text.slice(pos, pos + 60));
    if (!m) break;
    const word = m[1]!.replace(/\.$/, '');
    const fits = NAME_WORD.test(word) || PARTICLE.test(word) || (lowerText && words < 3);
    if (!fits) break;
    pos += m[0].length;
    if (!PARTICLE.test(word)) end = pos - (m[1]!.length - word.length);
    words++;
  }
  return end;
}

/** Extends an address over the parts that follow it (building, flat, floor, postcode + town). */
function extendTail(text: string, end: number): number {
  for (let guard = 0; guard < 6; guard++) {
    const rest = text.slice(end, end + 80);
    const key = EXTRA_KEY.exec(rest);
    const value = key ? EXTRA_VALUE.exec(rest.slice(key[0].length)) : null;
    const m = key && value ? key[0] + value[0] : (FLOOR.exec(rest) ?? POSTCODE.exec(rest))?.[0];
    if (!m) break;
    end += m.length;
  }
  return end;
}

const letterOrBracketBefore: BeforeCheck = (text, index) =>
  text.charCodeAt(index - 1) === 91 || letterBefore(text, index);

export function detectAddresses(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  let lastEnd = -1;
  for (const m of matchesNotAfter(text, NUMBERED, letterOrDigitBefore)) {
    if (m.index < lastEnd) continue;
    const nameEnd = streetNameEnd(text, m.index + m[0].length);
    if (nameEnd === m.index + m[0].length) continue;
    const end = extendTail(text, nameEnd);
    out.push({
      start: m.index,
      end,
      type: 'ADRESSE',
      confidence: 0.9,
      label: 'adresse postale',
    });
    lastEnd = end;
  }
  for (const m of SITE_SEARCH.matches(text, letterBefore)) {
    if (m.index < lastEnd) continue;
    const nameEnd = streetNameEnd(text, m.index + m[0].length);
    const end = extendTail(text, nameEnd);
    const tail = text.slice(nameEnd, end);
    // A residence alone is a place; with a building or a postcode it is a home address.
    if (!/b[âa]t|appart|app|\d{5}|escalier|log/i.test(tail)) continue;
    out.push({ start: m.index, end, type: 'ADRESSE', confidence: 0.8, label: 'lieu de résidence' });
    lastEnd = end;
  }
  // Addresses found so far are sorted and apart, and announced ones come in text order and
  // cannot overlap each other: one pointer finds the only one that may overlap (linear).
  const found = out.length;
  let next = 0;
  for (const m of matchesNotAfter(text, ANNOUNCED, letterOrBracketBefore)) {
    const start = m.index + m[0].length - m[1]!.length;
    while (next < found && out[next]!.end <= start) next++;
    if (next < found && out[next]!.start < start + m[1]!.length) continue;
    out.push({
      start,
      end: start + m[1]!.length,
      type: 'ADRESSE',
      confidence: 0.85,
      label: 'adresse postale',
    });
  }
  return out;
}
