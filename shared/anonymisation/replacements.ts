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

/** Words of a person key (or of the mention's lowercased text) and their count before filtering. */
interface PersonWords {
  /** Number of words, short ones included: longer names found the groups. */
  count: number;
  /** Words of two letters or more, by which mentions meet. */
  words: string[];
  /** Group of the first mention with these words (a later one joins it). */
  group?: number;
}

/**
 * Groups the mentions of unknown people («Rayane», «Rayane MEZIANE» and «MEZIANE»
 * meet by words): the group of each finding of `raw` listed in `people`
 * (indexes), -1 for the others. A name is split once however often it is mentioned.
 */
function personGroups(text: string, raw: readonly RawFinding[], people: number[]): Int32Array {
  const group = new Int32Array(raw.length).fill(-1);
  const wordGroup = new Map<string, number>();
  // By person key; mentions without one by their text (one word-count bucket for them all).
  const byKey = new Map<string, PersonWords>();
  const byText = new Map<string, PersonWords>();
  let next = 0;
  // Longest names first, so a full name founds the group its parts join; text order among
  // equals (buckets by word count: no comparator).
  const buckets: Array<Array<[number, PersonWords]>> = [];
  for (const index of people) {
    const f = raw[index]!;
    const keyed = f.personKey !== undefined;
    const name = keyed ? f.personKey! : text.slice(f.start, f.end).toLowerCase();
    const memo = keyed ? byKey : byText;
    let entry = memo.get(name);
    if (!entry) {
      const parts = name.split(' ');
      entry = { count: keyed ? parts.length : 1, words: parts.filter((w) => w.length > 1) };
      memo.set(name, entry);
    }
    (buckets[entry.count] ??= []).push([index, entry]);
  }
  for (let count = buckets.length - 1; count >= 0; count--) {
    for (const [index, entry] of buckets[count] ?? []) {
      const { words } = entry;
      // A name met again keeps its group: its first word was grouped at the first mention.
      if (entry.group !== undefined && words.length) {
        group[index] = entry.group;
        continue;
      }
      let known: number | undefined;
      for (const w of words) if ((known = wordGroup.get(w)) !== undefined) break;
      const id = known ?? next++;
      for (const w of words) if (!wordGroup.has(w)) wordGroup.set(w, id);
      group[index] = id;
      entry.group = id;
    }
  }
  return group;
}

type PersonLabelKind = 'Enfant' | 'Parent' | 'Intervenant';

export function proposeReplacements(
  text: string,
  raw: RawFinding[],
  policy: Policy,
  referenceDate: string = todayIso(),
): Finding[] {
  const unknown: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i]!.type === 'PERSONNE' && !raw[i]!.code) unknown.push(i);
  }
  const groups = personGroups(text, raw, unknown);
  // Letters in order of first use, by group (group -1 at slot 0).
  const letters: string[] = [];
  let lettersUsed = 0;
  const letterOf = (index: number) => (letters[groups[index]! + 1] ??= letter(lettersUsed++));
  // «[Enfant A]», «[Parent A]»…: built once per group and kind, not per mention.
  const labels = new Map<number, Partial<Record<PersonLabelKind, string>>>();
  const labelOf = (index: number, kind: PersonLabelKind) => {
    const g = groups[index]!;
    let byKind = labels.get(g);
    if (!byKind) labels.set(g, (byKind = {}));
    return (byKind[kind] ??= `[${kind} ${letterOf(index)}]`);
  };
  // An unknown parent («sa mère Karima») is labelled after the child named last before the
  // first mention of that person: «[parent de PRE-…]» or «[Parent de A]», at every mention.
  const parentGroups = new Set<number>();
  for (const i of unknown) if (raw[i]!.personKind === 'responsable') parentGroups.add(groups[i]!);
  const isParent = (index: number) => !raw[index]!.code && parentGroups.has(groups[index]!);
  const parentLabels = new Map<number, string>();
  const parentLabel = (index: number) => {
    const g = groups[index]!;
    let label = parentLabels.get(g);
    if (label === undefined) {
      let child = -1;
      for (let k = index - 1; k >= 0 && child < 0; k--) {
        const c = raw[k]!;
        if (c.type !== 'PERSONNE' || (c.role ?? 'beneficiaire') !== 'beneficiaire') continue;
        if (c.code ? c.personKind === 'enfant' : !isParent(k)) child = k;
      }
      const code = child >= 0 ? raw[child]!.code : undefined;
      label = code
        ? `[parent de ${code}]`
        : child >= 0
          ? `[Parent de ${letterOf(child)}]`
          : `[Parent ${letterOf(index)}]`;
      parentLabels.set(g, label);
    }
    return label;
  };
  // The words before a mention («Mme», «famille»), sliced only by the branches that read them.
  const before = (f: RawFinding) => text.slice(Math.max(0, f.start - 12), f.start);
  const findings: Finding[] = [];
  for (let index = 0; index < raw.length; index++) {
    const f = raw[index]!;
    const role = f.role ?? 'beneficiaire';
    const direct = DIRECT_TYPES.has(f.type);
    let replacement = PLACEHOLDERS[f.type];
    if (f.type === 'PERSONNE') {
      // Under the EPS charter, known people keep their code; others become initials.
      if (policy.initials && role === 'beneficiaire' && !f.code) {
        replacement = initialsOf(text.slice(f.start, f.end)) || '[Initiales]';
      } else if (f.code) {
        replacement =
          f.personKind === 'enfant'
            ? f.code
            : f.personKind
              ? `[parent de ${f.code}]`
              : FAMILY_BEFORE.test(before(f))
                ? f.code
                : `[famille ${f.code}]`;
      } else if (isParent(index) && role === 'beneficiaire') {
        replacement = parentLabel(index);
      } else {
        const preceding = before(f);
        if (FAMILY_BEFORE.test(preceding)) replacement = letterOf(index);
        else
          replacement = labelOf(
            index,
            role !== 'beneficiaire'
              ? 'Intervenant'
              : CIVILITY_BEFORE.test(preceding)
                ? 'Parent'
                : 'Enfant',
          );
      }
    } else if (f.type === 'DATE_NAISSANCE') {
      const iso = parseFrenchDate(text.slice(f.start, f.end));
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
      replacement: replacement ?? text.slice(f.start, f.end),
      direct,
      blocking,
    };
    // Assigned rather than spread in: same keys in the same order, no object per test.
    if (f.code) finding.code = f.code;
    if (f.personKey) finding.personKey = f.personKey;
    if (f.personKind) finding.personKind = f.personKind;
    findings.push(finding);
  }
  return findings;
}
