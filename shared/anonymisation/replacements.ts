/**
 * What each finding becomes when pseudonymised, and whether the policy blocks
 * it. Known beneficiaries take their parcours code; other people a label stable
 * inside the text («[Enfant A]», «[Parent B]», «[Famille A]»); identifiers a
 * typed placeholder; birth dates an age or a year, as the policy says.
 */
import { ageAt, initialsOf, todayIso } from '../parcours';
import { parseFrenchDate } from './detect/dates';
import type { Policy } from './policy';
import { DIRECT_TYPES, type Finding, type FindingType, type RawFinding } from './types';

const PLACEHOLDERS: Partial<Record<FindingType, string>> = {
  EMAIL: '[Courriel]',
  TELEPHONE: '[Téléphone]',
  ADRESSE: '[Adresse]',
  NIR: '[NIR]',
  INE: '[INE]',
  IBAN: '[IBAN]',
  NUM_ALLOCATAIRE: '[N° allocataire]',
  DATE_NAISSANCE: '[Date de naissance]',
};

const CIVILITY_BEFORE = /(?:\b(?:m|mr|mme|mlle|madame|monsieur|dr|docteur)\.?\s+)$/i;
const FAMILY_BEFORE = /(?:famille|parents)\s+$/i;

function letter(n: number): string {
  return n < 26
    ? String.fromCharCode(65 + n)
    : `${String.fromCharCode(65 + (n % 26))}${Math.floor(n / 26)}`;
}

/** Groups the mentions of one unknown person: «Rayane», «Rayane MEZIANE» and «MEZIANE» meet by words. */
function personGroups(text: string, people: RawFinding[]): Map<RawFinding, number> {
  const wordGroup = new Map<string, number>();
  const group = new Map<RawFinding, number>();
  let next = 0;
  // Longest names first, so a full name founds the group its parts join; text order among
  // equals (buckets by word count: no comparator, each key split once).
  const buckets: RawFinding[][] = [];
  const wordsOf = new Map<RawFinding, string[]>();
  for (const f of people) {
    const parts = f.personKey?.split(' ');
    const count = parts ? parts.length : 1;
    (buckets[count] ??= []).push(f);
    wordsOf.set(f, parts ?? text.slice(f.start, f.end).toLowerCase().split(' '));
  }
  for (let count = buckets.length - 1; count >= 0; count--) {
    for (const f of buckets[count] ?? []) {
      const words = wordsOf.get(f)!.filter((w) => w.length > 1);
      let known: number | undefined;
      for (const w of words) if ((known = wordGroup.get(w)) !== undefined) break;
      const id = known ?? next++;
      for (const w of words) if (!wordGroup.has(w)) wordGroup.set(w, id);
      group.set(f, id);
    }
  }
  return group;
}

export function proposeReplacements(
  text: string,
  raw: RawFinding[],
  policy: Policy,
  referenceDate: string = todayIso(),
): Finding[] {
  const unknown = raw.filter((f) => f.type === 'PERSONNE' && !f.code);
  const groups = personGroups(text, unknown);
  const letters = new Map<number, string>();
  const letterOf = (f: RawFinding) => {
    const g = groups.get(f) ?? -1;
    if (!letters.has(g)) letters.set(g, letter(letters.size));
    return letters.get(g)!;
  };
  // An unknown parent («sa mère Karima») is labelled after the child named last before the
  // first mention of that person: «[parent de PRE-…]» or «[Parent de A]», at every mention.
  const parentGroups = new Set(
    unknown.filter((f) => f.personKind === 'responsable').map((f) => groups.get(f)),
  );
  const isParent = (f: RawFinding) => !f.code && parentGroups.has(groups.get(f));
  const parentLabels = new Map<number, string>();
  const parentLabel = (f: RawFinding, index: number) => {
    const g = groups.get(f) ?? -1;
    if (!parentLabels.has(g)) {
      let child: RawFinding | undefined;
      for (let k = index - 1; k >= 0 && !child; k--) {
        const c = raw[k]!;
        if (c.type !== 'PERSONNE' || (c.role ?? 'beneficiaire') !== 'beneficiaire') continue;
        if (c.code ? c.personKind === 'enfant' : !isParent(c)) child = c;
      }
      parentLabels.set(
        g,
        child?.code
          ? `[parent de ${child.code}]`
          : child
            ? `[Parent de ${letterOf(child)}]`
            : `[Parent ${letterOf(f)}]`,
      );
    }
    return parentLabels.get(g)!;
  };
  return raw.map((f, index): Finding => {
    const role = f.role ?? 'beneficiaire';
    const direct = DIRECT_TYPES.has(f.type);
    const original = text.slice(f.start, f.end);
    const before = text.slice(Math.max(0, f.start - 12), f.start);
    let replacement = PLACEHOLDERS[f.type] ?? original;
    if (f.type === 'PERSONNE') {
      // Under the EPS charter, known people keep their code; others become initials.
      if (policy.initials && role === 'beneficiaire' && !f.code) {
        replacement = initialsOf(original) || '[Initiales]';
      } else if (f.code) {
        replacement =
          f.personKind === 'enfant'
            ? f.code
            : f.personKind
              ? `[parent de ${f.code}]`
              : FAMILY_BEFORE.test(before)
                ? f.code
                : `[famille ${f.code}]`;
      } else if (isParent(f) && role === 'beneficiaire') {
        replacement = parentLabel(f, index);
      } else {
        const id = letterOf(f);
        const kind =
          role !== 'beneficiaire'
            ? 'Intervenant'
            : CIVILITY_BEFORE.test(before)
              ? 'Parent'
              : FAMILY_BEFORE.test(before)
                ? 'Famille'
                : 'Enfant';
        replacement = FAMILY_BEFORE.test(before) ? id : `[${kind} ${id}]`;
      }
    } else if (f.type === 'DATE_NAISSANCE') {
      const iso = parseFrenchDate(original);
      if (iso && policy.birthDate === 'age') replacement = `[${ageAt(iso, referenceDate)} ans]`;
      else if (iso && policy.birthDate === 'annee-scolaire')
        replacement = `[né·e en ${iso.slice(0, 4)}]`;
    }
    const protectedRole = role === 'beneficiaire' || !f.roleSure || policy.replaceProfessionals;
    const blocking = direct
      ? protectedRole && role !== 'public'
      : f.type === 'SANTE' || f.type === 'JUSTICE_PROTECTION'
        ? policy.blockSensitive
        : policy.blockQuasi;
    const finding: Finding = {
      start: f.start,
      end: f.end,
      type: f.type,
      role,
      confidence: Math.round(f.confidence * 100) / 100,
      label: f.label,
      replacement,
      direct,
      blocking,
    };
    // Assigned rather than spread in: same keys in the same order, no object per test.
    if (f.code) finding.code = f.code;
    if (f.personKey) finding.personKey = f.personKey;
    if (f.personKind) finding.personKind = f.personKind;
    return finding;
  });
}
