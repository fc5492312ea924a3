/**
 * A child's facts read from the text around their name: birth date («née le
 * 08/02/2017», «Date de naissance :»), age («7 ans», only kept without a birth
 * date), grade and school programme («6ème SEGPA», «grande section») and
 * school («à l'école Jean Zay», «Établissement : …», without a town suffix).
 */
import { normaliseDate, normaliseGrade, type GradeValue } from '../parcours';

export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

const DATE = String.raw`(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4})`;
const BIRTH = new RegExp(
  String.raw`(?:\bn[ée]\(?e?\)?\s+le|\bdate de naissance|\bDDN|\bnaissance)\s*:?\s*` + DATE,
  'giu',
);

export function findBirthDate(
  text: string,
  from: number,
  to: number,
  notAfter?: string,
): Found<string> | undefined {
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(BIRTH)) {
    const result = normaliseDate(m[1]!.replace(/\s+/g, ' '), notAfter ? { notAfter } : {});
    if (result.ok)
      return { value: result.value, start: from + m.index, end: from + m.index + m[0].length };
  }
  return undefined;
}

const AGE =
  /(?:^|[,(]\s*|[âa]g[ée]e?\s+de\s+|(?:gar[çc]on|fille|enfant|fils|[ée]l[èe]ve)\s+de\s+|[âa]ge\s*:\s*)(\d{1,2})\s*ans\b/giu;

/** An age stated next to the child («Octave, 7 ans», «âgé de 12 ans»), never «depuis 2 ans». */
export function findAge(text: string, from: number, to: number): Found<number> | undefined {
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(AGE)) {
    const before = slice.slice(Math.max(0, m.index - 12), m.index);
    if (/(depuis|il y a|pendant|durant|de plus de|après)\s*$/i.test(before)) continue;
    const age = Number(m[1]);
    if (age >= 1 && age <= 25)
      return { value: age, start: from + m.index, end: from + m.index + m[0].length };
  }
  return undefined;
}

const PROGRAMME = String.raw`(?:\s*(?:\(|en\s+|[-–]\s*)?(?:SEGPA|ULIS|UPE2A|EREA|UEMA|UEEA|CLIS)\)?)?`;
const GRADE = new RegExp(
  String.raw`(?:\b(?:TPS|PS|MS|GS|CP|CE\s?[12]|CM\s?[12])\b|\b(?:[Tt]oute\s+)?(?:[Pp]etite|[Mm]oyenne|[Gg]rande)\s+[Ss]ection\b|(?:\b[Ee]n\s+|\b[Dd]e\s+|[Cc]lasse\s*(?:de\s+)?:?\s*)(?:[3-6]\s?(?:ème|ième|eme|ieme|e|è)(?![\p{L}])|[Ss]ixi[èe]me|[Cc]inqui[èe]me|[Qq]uatri[èe]me|[Tt]roisi[èe]me|[Ss]econde|[Pp]remi[èe]re|[Tt]erminale))` +
    PROGRAMME,
  'gu',
);

export function findGrade(text: string, from: number, to: number): Found<GradeValue> | undefined {
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(GRADE)) {
    const raw = m[0].replace(/^(en|de|classe)\s*(de\s+)?:?\s*/i, '');
    const result = normaliseGrade(raw);
    if (result.ok)
      return { value: result.value, start: from + m.index, end: from + m.index + m[0].length };
  }
  return undefined;
}

const SCHOOL_WORD =
  /(?<!\p{L})(groupe scolaire|[ée]cole\s+(?:maternelle|[ée]l[ée]mentaire|primaire)(?:\s+publique)?|[ée]cole|coll[èe]ge|lyc[ée]e(?:\s+professionnel|\s+polyvalent)?)\s+/giu;
const PARTICLE = /^(?:de|du|des|la|le|les|l['’]|d['’]|et|Saint|Sainte)$/i;

/** The capitalised words after a school word: «école Jean Zay à Nîmes» → «Jean Zay». */
function namePart(text: string): string | undefined {
  const words = text.split(/(?<=\s)|(?<=['’])/);
  const kept: string[] = [];
  for (const raw of words.slice(0, 12)) {
    const word = raw.trim();
    if (!word) break;
    const bare = word.replace(/[,.;:)]+$/, '');
    const capital = /^\p{Lu}/u.test(bare) || /^\d/.test(bare);
    if (capital || PARTICLE.test(bare)) kept.push(raw);
    else break;
    if (bare !== word) break;
  }
  while (kept.length && PARTICLE.test(kept[kept.length - 1]!.trim())) kept.pop();
  if (kept.length && PARTICLE.test(kept[0]!.trim()) && kept.every((w) => PARTICLE.test(w.trim())))
    return undefined;
  const joined = kept
    .join('')
    .trim()
    .replace(/[,.;:)]+$/, '');
  return joined || undefined;
}

/** Removes a town a signature or a text appends: «Collège Diderot – Nîmes» → «Collège Diderot». */
export function withoutTown(school: string): string {
  return school.split(/\s+[–—-]\s+|,\s*|\s+\(/)[0]!.trim();
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function findSchool(text: string, from: number, to: number): Found<string> | undefined {
  const slice = text.slice(from, to);
  const form =
    /(?:^|\n)\s*(?:[ée]tablissement(?: scolaire)?|[ée]cole|coll[èe]ge|groupe scolaire)(?: fr[ée]quent[ée]e?)?\s*:\s*([^\n]+)/iu.exec(
      slice,
    );
  if (form) {
    const value = withoutTown(form[1]!.trim());
    const at = slice.indexOf(form[1]!, form.index);
    return { value: capitalise(value), start: from + at, end: from + at + form[1]!.length };
  }
  for (const m of slice.matchAll(SCHOOL_WORD)) {
    const rest = slice.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const name = namePart(rest);
    if (!name) continue;
    const value = `${m[1]!.replace(/\s+/g, ' ')} ${withoutTown(name)}`;
    return {
      value: capitalise(value),
      start: from + m.index,
      end: from + m.index + m[0].length + name.length,
    };
  }
  return undefined;
}

/** A school named on a signature line («École Jean Zay – Nîmes»). */
export function schoolFromLine(line: string): string | undefined {
  const m = /^(groupe scolaire|[ée]cole|coll[èe]ge|lyc[ée]e)(?!\p{L})/iu.exec(line.trim());
  return m ? withoutTown(line.trim()) : undefined;
}

const REPERAGE = new RegExp(
  String.raw`(?:date (?:de |du )?(?:rep[ée]rage|saisine|signalement|l['’]orientation|d['’]orientation|la demande)|orient[ée]e? le|rep[ée]r[ée]e? le)\s*:?\s*` +
    DATE,
  'iu',
);

/** A «Date de repérage» (or saisine, orientation) written in the body: it wins over the Date header. */
export function findReferralDate(
  text: string,
  from: number,
  to: number,
): Found<string> | undefined {
  const slice = text.slice(from, to);
  const m = REPERAGE.exec(slice);
  if (!m) return undefined;
  const result = normaliseDate(m[1]!.replace(/\s+/g, ' '));
  return result.ok
    ? { value: result.value, start: from + m.index, end: from + m.index + m[0].length }
    : undefined;
}
