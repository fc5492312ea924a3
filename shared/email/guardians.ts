/**
 * The child's legal guardians as the message names them: «Sa mère, Mme Siham
 * GHALEM», «M. KURT Murat (père)», «Mme Pons est joignable au 06…», with the
 * phone, e-mail and address written in the same sentence (or the only
 * guardian's). Professionals («Mme Dupont, enseignante») and the people of the
 * greeting and signature are left out; signature phones are never a family's.
 */
import { normalisePhone, normaliseRelation, type Guardian, type Relation } from '../parcours';
import { nameRuns, sameName, splitRun, type PersonName } from './names';
import { phonesIn } from './signature';
import type { Span } from './text-spans';

export interface GuardianFinding {
  guardian: Guardian;
  /** Field → where it was read. */
  provenance: Partial<Record<keyof Guardian, { start: number; end: number; confidence: number }>>;
}

const CIVILITY = /\b(Mme|Madame|Mlle|Mademoiselle|M\.|Monsieur|Mr\.?)\s+/gu;
const RELATION_WORD =
  /\b(m[èe]re|maman|p[èe]re|papa|grand-m[èe]re|grand-p[èe]re|tante|oncle|tutrice|tuteur|belle-m[èe]re|beau-p[èe]re)\b/iu;
const PROFESSIONAL_AFTER =
  /^\s*,?\s*(?:\(|,)?\s*(?:l['’]|la |le |notre |votre |sa |son |leur )?(?:enseignante?|professeure?|ma[iî]tresse|directeur|directrice|cpe|infirmi[èe]re|m[ée]decin|psychologue|assistante? sociale|[ée]ducat(?:eur|rice)|animat(?:eur|rice)|r[ée]f[ée]rente?|coordinat|coordonnat|conseill[èe]re?|travailleu|orthophoniste|aesh|avs|principale?|proviseur|pu[ée]ricultrice|sage-femme|juge|avocat)/iu;
const PROFESSIONAL_BEFORE =
  /(?:enseignante?|professeure?|ma[iî]tresse|directeur|directrice|cpe|infirmi[èe]re|m[ée]decin|psychologue|sociale|[ée]ducat(?:eur|rice)|coll[èe]gue|r[ée]f[ée]rente?|avec|contact(?:er)?|aupr[èe]s de|principale?|orthophoniste|juge)(?:\s+[^\s,]+){0,3}\s*,?\s*$/iu;
/** A form line naming a guardian: «Responsable légal : …», «Mère : …», «Nom du père : …». */
const FORM_GUARDIAN =
  /^((?:nom (?:du |de la |des )?)?(?:responsables? l[ée]gale?s?|repr[ée]sentante? l[ée]gale?|parents?|m[èe]re|p[èe]re|tut(?:eur|rice)|responsable)(?:\s*\d)?)\s*:\s*(.+)$/iu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ADDRESS =
  /(?:adresse(?: postale)?\s*:\s*|domicili[ée]e?s?\s+(?:(?:au|à|a)\s+)?|demeurant\s+(?:au|à|a)\s+|habit(?:e|ent)\s+(?:au|à|a)\s+|vi(?:t|vent)\s+au\s+)(\d{1,4}(?:\s?(?:bis|ter))?,?\s+[^\n.;]{3,80}?\d{5}\s+[\p{L}' -]{2,40}|[^\n;]{5,100})/iu;

function relationFromWord(word: string | undefined): Relation | undefined {
  if (!word) return undefined;
  const result = normaliseRelation(word);
  return result.ok ? result.value : undefined;
}

interface Options {
  /** Names that are not guardians (sender, recipients, signature). */
  excluded: PersonName[];
  /** The children found, to tell a parent from a child. */
  children: PersonName[];
  /** Offsets that belong to the sender (signature): phones there are not the family's. */
  signatureStart: number;
  /** Filled by findGuardians: sentences naming a professional, whose phones are not the family's. */
  professionalSentences?: Set<number>;
}

/** The sender speaks of their own number: «vous pouvez me joindre au…», «je reste joignable au…». */
export const SENDER_PHONE =
  /\b(?:me|nous)\s+(?:joindre|contacter|rappeler|appeler)|\bmon (?:num[ée]ro|portable|t[ée]l)|\bma ligne|\bje (?:reste|suis) (?:joignable|disponible)|\bnotre (?:num[ée]ro|standard|secr[ée]tariat)|\bsecr[ée]tariat|\bstandard/i;

export function findGuardians(
  text: string,
  sentences: Span[],
  options: Options,
): GuardianFinding[] {
  const found: GuardianFinding[] = [];
  const professional = new Set<number>();
  const relationOnly: Array<{ relation: Relation; sentence: Span }> = [];
  // A guardian often shares the child's family name: only the same first name makes it the child.
  const isExcluded = (n: PersonName) =>
    options.excluded.some(
      (p) =>
        sameName(p.lastName, n.lastName) &&
        (!n.firstName || !p.firstName || sameName(p.firstName, n.firstName)),
    ) ||
    options.children.some(
      (c) => sameName(c.firstName, n.firstName) && sameName(c.lastName, n.lastName),
    );
  const upsert = (
    name: PersonName,
    relation: Relation | undefined,
    span: { start: number; end: number },
    confidence: number,
  ) => {
    const existing = found.find(
      (f) =>
        (name.lastName &&
          sameName(f.guardian.lastName, name.lastName) &&
          (!relation || !f.guardian.relation || f.guardian.relation === relation)) ||
        (!name.lastName && relation && f.guardian.relation === relation),
    );
    const target = existing ?? { guardian: {}, provenance: {} };
    if (!existing) found.push(target);
    if (name.lastName && !target.guardian.lastName) {
      target.guardian.lastName = name.lastName;
      target.provenance.lastName = { ...span, confidence };
    }
    if (name.firstName && !target.guardian.firstName) {
      target.guardian.firstName = name.firstName;
      target.provenance.firstName = { ...span, confidence };
    }
    if (
      relation &&
      (!target.guardian.relation || (target.provenance.relation?.confidence ?? 0) < confidence)
    ) {
      target.guardian.relation = relation;
      target.provenance.relation = { ...span, confidence };
    }
    return target;
  };

  for (const sentence of sentences) {
    if (sentence.start >= options.signatureStart) break;
    if (
      /^(bonjour|bonsoir|madame|monsieur|cher|ch[èe]re)\b/i.test(sentence.text) &&
      sentence.text.length < 60
    )
      continue;
    let named = false;
    // «M. et Mme Diallo», «Monsieur et Madame Diallo»: both parents.
    const couple = /\b(?:M\.|Monsieur|Mr\.?)\s+et\s+(?:Mme|Madame)\s+(\p{Lu}[\p{L}'’-]+)/u.exec(
      sentence.text,
    );
    if (couple) {
      const span = {
        start: sentence.start + couple.index,
        end: sentence.start + couple.index + couple[0].length,
      };
      upsert({ lastName: couple[1]! }, 'pere', span, 0.85);
      found.push({
        guardian: { lastName: couple[1]!, relation: 'mere' },
        provenance: {
          lastName: { ...span, confidence: 0.85 },
          relation: { ...span, confidence: 0.85 },
        },
      });
      named = true;
    }
    for (const m of sentence.text.matchAll(CIVILITY)) {
      if (couple && sentence.start + m.index < sentence.start + couple.index + couple[0].length)
        continue;
      const at = sentence.start + m.index + m[0].length;
      const run = nameRuns(text.slice(at, Math.min(sentence.end, at + 60)), at)[0];
      if (!run || run[0]!.start !== at) continue;
      const tokens = run.slice(0, 3);
      const name = tokens.length === 1 ? { lastName: tokens[0]!.text } : splitRun(tokens);
      const after = text.slice(
        tokens[tokens.length - 1]!.end,
        Math.min(sentence.end, tokens[tokens.length - 1]!.end + 40),
      );
      const before = text.slice(
        Math.max(sentence.start, sentence.start + m.index - 40),
        sentence.start + m.index,
      );
      if (PROFESSIONAL_AFTER.test(after) || PROFESSIONAL_BEFORE.test(before)) {
        professional.add(sentence.start);
        continue;
      }
      if (isExcluded(name)) continue;
      const near =
        /^\s*\(([^)]{3,20})\)/.exec(after)?.[1] ??
        /^\s*,\s*(?:(?:sa|son|leur|la|le)\s+)?((?:grand-|belle-|beau-)?(?:m[èe]re|p[èe]re|maman|papa|tante|oncle|tut(?:eur|rice)))(?!\p{L})/iu.exec(
          after,
        )?.[1] ??
        RELATION_WORD.exec(before.slice(-25))?.[1];
      const stated = relationFromWord(near);
      const civilityRelation: Relation | undefined = /^(m\.|monsieur|mr)/i.test(m[1]!)
        ? 'pere'
        : 'mere';
      const relation = stated ?? civilityRelation;
      const span = { start: sentence.start + m.index, end: tokens[tokens.length - 1]!.end };
      upsert(name, relation, span, stated ? 0.9 : 0.6);
      named = true;
    }
    const form = named ? null : FORM_GUARDIAN.exec(sentence.text);
    if (form) {
      // «Responsable légal : M. KURT Murat (père) – 06…», «Mère : Fatou DIOP»
      const at = sentence.start + sentence.text.indexOf(form[2]!, form[1]!.length);
      const value = form[2]!.replace(/^(?:mme|madame|mlle|m\.|monsieur|mr\.?)\s+/i, '');
      const offset = at + form[2]!.length - value.length;
      const run = nameRuns(text.slice(offset, offset + Math.min(value.length, 60)), offset)[0];
      if (run && run[0]!.start === offset) {
        const tokens = run.slice(0, 3);
        const name = tokens.length === 1 ? { lastName: tokens[0]!.text } : splitRun(tokens);
        const inValue = /\(([^)]{3,20})\)/.exec(value)?.[1];
        const civility = /^(?:m\.|monsieur|mr)/i.test(form[2]!)
          ? 'pere'
          : /^(?:mme|madame|mlle)/i.test(form[2]!)
            ? 'mere'
            : undefined;
        const relation =
          relationFromWord(inValue) ??
          relationFromWord(RELATION_WORD.exec(form[1]!)?.[1]) ??
          civility;
        if (!isExcluded(name)) {
          upsert(
            name,
            relation,
            { start: offset, end: tokens[tokens.length - 1]!.end },
            inValue ? 0.9 : 0.7,
          );
          named = true;
        }
      }
    }
    if (!named) {
      const word =
        /\b(?:sa|son|leur|la|le|les|ma|mon)\s+(m[èe]re|maman|p[èe]re|papa|tutrice|tuteur)\b/iu.exec(
          sentence.text,
        );
      const relation = relationFromWord(word?.[1]);
      if (relation) relationOnly.push({ relation, sentence });
    }
  }
  // «Sa maman élève seule…» + «Mme Derradji est joignable» are the same person.
  for (const { relation, sentence } of relationOnly) {
    const match = found.find((f) => f.guardian.relation === relation);
    if (match && (match.provenance.relation?.confidence ?? 0) < 0.9)
      match.provenance.relation = { start: sentence.start, end: sentence.end, confidence: 0.8 };
  }
  // A sentence that names a professional and no guardian: its phone is the professional's.
  const guardianSentences = new Set(
    found.flatMap((f) =>
      Object.values(f.provenance).map(
        (p) => sentences.find((s) => p && s.start <= p.start && p.start < s.end)?.start,
      ),
    ),
  );
  const professionalSentences = new Set([...professional].filter((s) => !guardianSentences.has(s)));
  attachContacts(text, sentences, { ...options, professionalSentences }, found, relationOnly);
  return found.filter(
    (f) => f.guardian.lastName || f.guardian.firstName || f.guardian.phone || f.guardian.email,
  );
}

function attachContacts(
  text: string,
  sentences: Span[],
  options: Options,
  found: GuardianFinding[],
  relationOnly: Array<{ relation: Relation; sentence: Span }>,
) {
  const ownerOf = (sentence: Span, at: number): GuardianFinding | undefined => {
    const here = found
      .map((f) => ({
        f,
        p: f.provenance.lastName ?? f.provenance.firstName ?? f.provenance.relation,
      }))
      .filter(({ p }) => p && p.start >= sentence.start && p.start < sentence.end && p.start <= at);
    const namedAt = here.length ? here[here.length - 1]!.p!.start : -1;
    // «le père, M. Diop, au 06…, la mère au 07…»: the nearest mention before the number owns it.
    const words = [...sentence.text.matchAll(new RegExp(RELATION_WORD.source, 'giu'))].filter(
      (w) => sentence.start + w.index <= at && sentence.start + w.index > namedAt + 25,
    );
    if (here.length && !words.length) return here[here.length - 1]!.f;
    const word =
      (words.length ? words[words.length - 1]![1] : undefined) ??
      RELATION_WORD.exec(sentence.text)?.[1];
    const relation = relationFromWord(word);
    if (relation) {
      const byRelation = found.find((f) => f.guardian.relation === relation);
      if (byRelation) return byRelation;
      const fresh: GuardianFinding = {
        guardian: { relation },
        provenance: { relation: { start: sentence.start, end: sentence.end, confidence: 0.8 } },
      };
      found.push(fresh);
      return fresh;
    }
    if (found.length === 1) return found[0];
    if (
      !found.length &&
      relationOnly.length === 1 &&
      /joignable|contact|t[ée]l|portable|num[ée]ro/i.test(sentence.text)
    ) {
      const fresh: GuardianFinding = {
        guardian: { relation: relationOnly[0]!.relation },
        provenance: {},
      };
      found.push(fresh);
      return fresh;
    }
    return undefined;
  };
  for (const sentence of sentences) {
    if (sentence.start >= options.signatureStart) break;
    if (SENDER_PHONE.test(sentence.text) || options.professionalSentences?.has(sentence.start))
      continue;
    for (const phone of phonesIn(sentence.text)) {
      const normal = normalisePhone(phone.raw);
      if (!normal.ok) continue;
      const owner = ownerOf(sentence, sentence.start + phone.index);
      if (owner && !owner.guardian.phone) {
        owner.guardian.phone = normal.value;
        owner.provenance.phone = {
          start: sentence.start + phone.index,
          end: sentence.start + phone.index + phone.raw.length,
          confidence: 0.85,
        };
      }
    }
    for (const m of sentence.text.matchAll(EMAIL)) {
      const owner = ownerOf(sentence, sentence.start + m.index);
      if (owner && !owner.guardian.email) {
        owner.guardian.email = m[0].toLowerCase();
        owner.provenance.email = {
          start: sentence.start + m.index,
          end: sentence.start + m.index + m[0].length,
          confidence: 0.8,
        };
      }
    }
    const address = ADDRESS.exec(sentence.text);
    if (address && found.length) {
      const owner = ownerOf(sentence, sentence.start + address.index) ?? found[0]!;
      if (!owner.guardian.address) {
        owner.guardian.address = address[1]!.trim().replace(/[.,;]+$/, '');
        const at = sentence.start + address.index + address[0].length - address[1]!.length;
        owner.provenance.address = { start: at, end: at + address[1]!.length, confidence: 0.75 };
      }
    }
  }
}
