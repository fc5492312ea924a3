/**
 * The tags a minutes template may use and where (data dictionary §2, from the
 * tag tables of shared/parcours): each loop opens a scope; a tag is valid in
 * its scope and in every scope nested inside it (docxtemplater looks tags up
 * from the innermost loop outwards).
 */
import { actionTags, memberTags, sessionTags, situationTags } from '../parcours';

export interface Scope {
  /** Loop tag that opens this scope; `null` for the document itself. */
  loop: string | null;
  /** Value tags readable in this scope. */
  values: string[];
  /** Loops that may open inside this scope. */
  loops: string[];
}

const { members, apologies, situations, ...sessionValues } = sessionTags;
const { actions, ...situationValues } = situationTags;

const memberScope = (loop: string): Scope => ({
  loop,
  values: Object.values(memberTags),
  loops: [],
});

export const scopes: Record<string, Scope> = {
  document: {
    loop: null,
    values: Object.values(sessionValues),
    loops: [members, apologies, situations],
  },
  [members]: memberScope(members),
  [apologies]: memberScope(apologies),
  [situations]: { loop: situations, values: Object.values(situationValues), loops: [actions] },
  [actions]: { loop: actions, values: Object.values(actionTags), loops: [] },
};

/** Every tag name of the dictionary, loops included. */
export const knownTags: ReadonlySet<string> = new Set(
  Object.values(scopes).flatMap((s) => [...s.values, ...s.loops]),
);

/** The scopes in which a tag name is defined (e.g. `nom` → presents, excuses). */
export function scopesDefining(tag: string): string[] {
  return Object.entries(scopes)
    .filter(([, s]) => s.values.includes(tag) || s.loops.includes(tag))
    .map(([key]) => key);
}

/** Small edit distance, to suggest «{date}» for «{dat}». */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function closestTag(tag: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownTags) {
    const d = distance(tag.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
