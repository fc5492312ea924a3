/**
 * The children a referral describes. A child is a person named without a
 * civility, with a child cue next to the name (birth date, age, grade,
 * «élève», «fils»…) or in an orientation phrase («je vous oriente …»), or the
 * «Nom :» / «Prénom :» lines of a referral form. Adults (Mme, M., a parent
 * word before the name), the sender and the recipients are never children.
 */
import { foldText } from '../parcours';
import {
  isCapitalised,
  nameRuns,
  splitRun,
  sameName,
  type NameToken,
  type PersonName,
} from './names';
import type { Span } from './text-spans';

export interface ChildMention extends PersonName {
  /** Offsets of the name in the clean text. */
  start: number;
  end: number;
  /** The sentence it was read in. */
  sentence: Span;
  confidence: number;
}

const CIVILITY_BEFORE =
  /(?:\b(?:mme|mlle|madame|mademoiselle|monsieur|mr|dr|docteur|m)\.?|\bma[iî]tre)\s*$/i;
const ADULT_BEFORE =
  /(?<!\p{L})(?:m[èe]re|p[èe]re|maman|papa|parents?|tante|oncle|grand-m[èe]re|grand-p[èe]re|tut(?:eur|rice)|famille|directeur|directrice|enseignante?|professeure?|coll[èe]gue|docteur|m[ée]decin|psychologue|r[ée]f[ée]rente?|coordinat(?:eur|rice)|coordonnat(?:eur|rice)|[ée]cole|coll[èe]ge|lyc[ée]e|groupe scolaire|centre|rue|avenue|boulevard|all[ée]e|place|chemin|impasse|r[ée]sidence|quartier|cit[ée]|association)\s*,?\s*$/iu;
const CHILD_AFTER =
  /^\s*[,(]?\s*(?:n[ée]e?\s+le|\(?n[ée]e?\s|\d{1,2}\s*ans\b|[âa]g[ée]e?\s+de|[ée]l[èe]ve\b|scolaris[ée]e?|en\s+(?:TPS|PS|MS|GS|CP|CE\s?[12]|CM\s?[12]|[3-6]\s?(?:e|è|ème|eme)\b|classe|(?:toute\s+)?(?:petite|moyenne|grande)\s+section|sixi|cinqui|quatri|troisi)|actuellement\s+en|de\s+(?:CP|CE|CM|[3-6]e))/iu;
/**
 * A brother or sister named beside the child is referred too only when the same sentence
 * orients them («je vous oriente Ayman, … et sa sœur Hafsa, …»).
 */
function sibling(before: string, sentence: Span, at: number): boolean {
  if (!SIBLING_BEFORE.test(before)) return false;
  const lead = sentence.text.slice(0, at - sentence.start);
  return !/(?:orient|sollicit|signal|saisi)/i.test(lead);
}

/** Born on, or an age: enough to call a name in ordinary case a child's. */
const STRONG_AFTER = /^\s*[,(]?\s*(?:n[ée]e?\s+le|\d{1,2}\s*ans\b)/iu;
/** A brother or sister mentioned beside the referred child is not referred. */
const SIBLING_BEFORE =
  /(?<!\p{L})(?:fr[èe]re|s(?:œ|oe)ur|demi-fr[èe]re|demi-s(?:œ|oe)ur|cousine?)\s*(?:a[îi]n[ée]e?|cadette?|jumelle|jumeau|de \d+ ans)?\s*,?\s*$/iu;
/** A capitalised word alone or with an initial («Lucas D.»), not followed by another name word. */
const FIRST_NAME_ONLY =
  /(?<![\p{L}'’-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s\p{Lu}\.)?(?!\s*\p{Lu})(?![\p{L}'’-])/gu;
/** Orientation words right before a lone first name («je vous oriente Lucas, 8 ans»). */
const STRICT_BEFORE =
  /(?:orient\w*|sollicit\w*\s+pour|il s['’]agit de|[ée]l[èe]ve|l['’]enfant|fils|fille|gar[çc]on|concernant)\s*:?\s*$/iu;
const CHILD_BEFORE =
  /(?:orient\w*|sollicit\w*\s+pour|signal\w*|concern\w*|il s'agit de|il s’agit de|[ée]l[èe]ve|enfant|fils|fille|gar[çc]on|neveu|ni[èe]ce|petit-fils|petite-fille|pour)\s*:?\s*$/i;
const RELATIVE_NOUN =
  /(?<!\p{L})(?:(?:[Mm]on|[Mm]a|[Nn]otre|[Ll]eur|[Ss]on|[Ss]a|[Ll]e|[Ll]a|[Ll]')\s*)(fils|fille|enfant|gar[çc]on|petite?-(?:fils|fille)|benjamine?|a[îi]n[ée]e?|cadette?)\s*,?\s+(\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}+)?)/gu;
const FAMILY_NAME = /\bfamille\s+(\p{Lu}[\p{Lu}'’-]+|\p{Lu}\p{Ll}+)/u;
const LIST_INTRO =
  /(?<!\p{L})(enfants|fr[èe]res?|s(?:œ|oe)urs?|fratrie|[ée]l[èe]ves)(?!\p{L})[^.]*:\s*$/iu;

export interface ChildContext {
  /** Names that are not children: sender, recipients, signature people. */
  excluded: PersonName[];
  /** The subject, which may carry the full name the body shortens («Saisine – Lucas DUPONT»). */
  subject?: string;
}

function excluded(name: PersonName, context: ChildContext): boolean {
  return context.excluded.some(
    (p) =>
      (sameName(p.lastName, name.lastName) &&
        (!name.firstName || sameName(p.firstName, name.firstName))) ||
      (sameName(p.firstName, name.firstName) && sameName(p.lastName, name.lastName)),
  );
}

function mention(
  run: NameToken[],
  sentence: Span,
  confidence: number,
  name = splitRun(run),
): ChildMention {
  return { ...name, start: run[0]!.start, end: run[run.length - 1]!.end, sentence, confidence };
}

/** Children named in the sentences of the new message's body (signature and quotes excluded). */
export function findChildren(
  text: string,
  sentences: Span[],
  context: ChildContext,
): ChildMention[] {
  const found: ChildMention[] = [];
  const add = (child: ChildMention) => {
    if (excluded(child, context)) return;
    const same = found.find(
      (c) =>
        sameName(c.firstName, child.firstName) &&
        (!c.lastName || !child.lastName || sameName(c.lastName, child.lastName)),
    );
    if (same) {
      if (!same.lastName && child.lastName) same.lastName = child.lastName;
      return;
    }
    if (child.firstName) found.push(child);
  };
  const form = formChild(text, sentences);
  if (form) add(form);
  sentences.forEach((sentence, index) => {
    if (
      /^(bonjour|bonsoir|madame|monsieur|cher|ch[èe]re|mesdames)\b/i.test(sentence.text) &&
      sentence.text.length < 80
    )
      return;
    const previous = sentences[index - 1]?.text ?? '';
    const listItem =
      /^[-•*–·▪◦\uf0a7\uf0b7]\s*/u.test(sentence.text) || /^\d+[.)]\s/.test(sentence.text);
    for (const run of nameRuns(sentence.text, sentence.start)) {
      const before = text.slice(Math.max(sentence.start, run[0]!.start - 40), run[0]!.start);
      const after = text.slice(
        run[run.length - 1]!.end,
        Math.min(sentence.end, run[run.length - 1]!.end + 60),
      );
      if (
        CIVILITY_BEFORE.test(before) ||
        ADULT_BEFORE.test(before) ||
        sibling(before, sentence, run[0]!.start)
      )
        continue;
      const hasCaps = run.some((t) => t.caps);
      const hasMixed = run.some((t) => !t.caps);
      const cueAfter = CHILD_AFTER.test(after);
      const cueBefore = CHILD_BEFORE.test(before);
      const inList = listItem && (LIST_INTRO.test(previous) || cueAfter);
      if (
        run.length >= 2 &&
        run.length <= 4 &&
        hasCaps &&
        hasMixed &&
        (cueAfter || cueBefore || inList)
      ) {
        add(mention(run, sentence, cueAfter ? 0.9 : 0.75));
      } else if (
        run.length >= 2 &&
        run.length <= 3 &&
        !hasCaps &&
        cueAfter &&
        (cueBefore || STRONG_AFTER.test(after))
      ) {
        add(
          mention(run, sentence, 0.6, {
            firstName: run
              .slice(0, -1)
              .map((t) => t.text)
              .join(' '),
            lastName: run[run.length - 1]!.text,
          }),
        );
      }
    }
    // «Lucas D., 8 ans» or «je vous oriente Lucas, 8 ans, en CE2»: a first name alone, when both sides say child.
    for (const m of sentence.text.matchAll(FIRST_NAME_ONLY)) {
      const first = m[1]!;
      if (!isCapitalised(first)) continue;
      const start = sentence.start + m.index;
      const before = text.slice(Math.max(sentence.start, start - 40), start);
      const after = text.slice(
        start + m[0].length,
        Math.min(sentence.end, start + m[0].length + 60),
      );
      const initial = /\s\p{Lu}\.$/u.test(m[0]);
      if (
        CIVILITY_BEFORE.test(before) ||
        ADULT_BEFORE.test(before) ||
        sibling(before, sentence, start)
      )
        continue;
      if (
        !STRONG_AFTER.test(after) &&
        !(CHILD_AFTER.test(after) && (initial || STRICT_BEFORE.test(before)))
      )
        continue;
      if (!initial && !STRICT_BEFORE.test(before)) continue;
      add({ firstName: first, start, end: start + first.length, sentence, confidence: 0.6 });
    }
    for (const m of sentence.text.matchAll(RELATIVE_NOUN)) {
      const first = m[2]!;
      if (!isCapitalised(first)) continue;
      const start = sentence.start + m.index + m[0].length - first.length;
      const after = text.slice(
        start + first.length,
        Math.min(sentence.end, start + first.length + 60),
      );
      const nextWord = /^\s+(\p{Lu}[\p{Lu}'’-]+)\b/u.exec(after);
      const family = FAMILY_NAME.exec(text.slice(0, sentence.end))?.[1];
      const lastName =
        nextWord && /^\p{Lu}[\p{Lu}'’-]+$/u.test(nextWord[1]!) ? nextWord[1] : family;
      add({
        firstName: first,
        ...(lastName ? { lastName } : {}),
        start,
        end: start + first.length,
        sentence,
        confidence: 0.7,
      });
    }
  });
  if (!found.length && context.subject) fromSubject(context.subject, sentences).forEach(add);
  return found;
}

/** A «Prénom NOM» of the subject whose first name the body uses («Lucas a des difficultés…»). */
function fromSubject(subject: string, sentences: Span[]): ChildMention[] {
  const out: ChildMention[] = [];
  for (const run of nameRuns(subject)) {
    if (run.length < 2 || run.length > 4 || !run.some((t) => t.caps) || run.every((t) => t.caps))
      continue;
    const name = splitRun(run);
    const first = name.firstName?.split(' ')[0];
    if (!first) continue;
    const pattern = new RegExp(
      `(?<!\\p{L})${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`,
      'u',
    );
    for (const sentence of sentences) {
      const m = pattern.exec(sentence.text);
      if (!m) continue;
      const start = sentence.start + m.index;
      out.push({ ...name, start, end: start + first.length, sentence, confidence: 0.6 });
      break;
    }
  }
  return out;
}

/** «Nom : KURT» + «Prénom : Emre» lines of a referral form (not the guardian's). */
function formChild(text: string, sentences: Span[]): ChildMention | undefined {
  let last: Span | undefined;
  let first: Span | undefined;
  let lastValue = '';
  let firstValue = '';
  for (const s of sentences) {
    const m =
      /^(nom|pr[ée]nom)(?:\s+(?:de\s+l['’]\s*(?:enfant|[ée]l[èe]ve)|enfant|[ée]l[èe]ve|du jeune))?\s*:\s*(.+)$/i.exec(
        s.text,
      );
    if (!m) continue;
    const value = m[2]!.trim();
    if (foldText(m[1]!) === 'nom' && !last) {
      last = s;
      lastValue = value;
    } else if (foldText(m[1]!) === 'prenom' && !first) {
      first = s;
      firstValue = value;
    }
  }
  if (!first || !firstValue) return undefined;
  const nameOnly = (v: string) => v.split(/\s[–—-]\s|,|\(/)[0]!.trim();
  return {
    firstName: nameOnly(firstValue),
    ...(lastValue ? { lastName: nameOnly(lastValue) } : {}),
    start: first.start + first.text.indexOf(firstValue),
    end: first.start + first.text.indexOf(firstValue) + nameOnly(firstValue).length,
    sentence:
      last && last.start < first.start
        ? { text: text.slice(last.start, first.end), start: last.start, end: first.end }
        : first,
    confidence: 0.95,
  };
}
