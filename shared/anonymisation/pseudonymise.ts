/**
 * `pseudonymise`: replaces what the policy blocks, then VERIFIES by scanning
 * the result again; any beneficiary direct identifier still there is returned
 * as a leftover (an error for the caller). The result is pseudonymised, never
 * «anonyme»: quasi-identifiers and sensitive content are listed as residual risks.
 * `depseudonymise` puts names back into a partner's reply, locally.
 */
import type { PseudonymMemory } from '../parcours';
import { scan } from './scan';
import type { Finding, ScanOptions } from './types';

export interface Replacement {
  start: number;
  end: number;
  /** Offsets of the replacement in the output text. */
  outputStart: number;
  outputEnd: number;
  type: Finding['type'];
  role: Finding['role'];
  original: string;
  replacement: string;
  personKey?: string;
}

export interface PseudonymiseResult {
  text: string;
  /** The mapping, to keep locally (encrypted store), never to send. */
  replacements: Replacement[];
  /** French sentences: what still may identify someone. */
  residualRisks: string[];
  /** Beneficiary direct identifiers found again in the output: sharing must stop. */
  leftovers: Finding[];
}

export interface PseudonymiseOptions extends ScanOptions {
  /** Labels already chosen for people outside the caseload, by person key. */
  labels?: ReadonlyMap<string, string>;
}

function apply(text: string, findings: Finding[], labels?: ReadonlyMap<string, string>) {
  const replacements: Replacement[] = [];
  let out = '';
  let last = 0;
  for (const f of findings) {
    if (!f.direct || !f.blocking || f.start < last) continue;
    const replacement = (f.personKey && !f.code && labels?.get(f.personKey)) || f.replacement;
    out += text.slice(last, f.start);
    const outputStart = out.length;
    out += replacement;
    replacements.push({
      start: f.start,
      end: f.end,
      outputStart,
      outputEnd: out.length,
      type: f.type,
      role: f.role,
      original: text.slice(f.start, f.end),
      replacement,
      ...(f.personKey ? { personKey: f.personKey } : {}),
    });
    last = f.end;
  }
  return { text: out + text.slice(last), replacements };
}

const RISK_WORDS: Partial<Record<Finding['type'], string>> = {
  AGE: 'âge',
  CLASSE: 'classe',
  ETABLISSEMENT: 'établissement',
  QUARTIER: 'quartier',
  SANTE: 'santé',
  JUSTICE_PROTECTION: 'protection de l’enfance ou justice',
};

export function pseudonymise(text: string, options: PseudonymiseOptions = {}): PseudonymiseResult {
  const { findings, warnings } = scan(text, options);
  const applied = apply(text, findings, options.labels);
  // Labels and placeholders are built not to look like names: anything found again is a leftover.
  const after = scan(applied.text, options).findings;
  const leftovers = after.filter((f) => f.direct && f.blocking && f.role === 'beneficiaire');
  const residualRisks: string[] = [];
  const counts = new Map<string, number>();
  for (const f of findings) {
    const word = RISK_WORDS[f.type];
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  residualRisks.push(
    counts.size
      ? `Texte pseudonymisé, pas anonyme : il garde des informations indirectes (${[...counts]
          .map(([w, n]) => `${w} ×${n}`)
          .join(', ')}).`
      : 'Texte pseudonymisé, pas anonyme : le contexte peut encore permettre de reconnaître une personne.',
  );
  residualRisks.push(...warnings);
  const keptContacts = findings.filter(
    (f) => f.direct && !f.blocking && f.role !== 'public',
  ).length;
  if (keptContacts) {
    residualRisks.push(
      `${keptContacts} nom(s) ou coordonnée(s) de professionnels ou d’institutions laissés en clair.`,
    );
  }
  return { text: applied.text, replacements: applied.replacements, residualRisks, leftovers };
}

/**
 * Same, with labels for people outside the caseload kept in a `PseudonymMemory`,
 * so one person has one label across texts and channels.
 */
export async function pseudonymiseWithMemory(
  text: string,
  memory: PseudonymMemory,
  options: ScanOptions = {},
): Promise<PseudonymiseResult> {
  const first = scan(text, options).findings;
  const labels = new Map<string, string>();
  for (const f of first) {
    if (f.type !== 'PERSONNE' || f.code || !f.personKey || !f.blocking || labels.has(f.personKey))
      continue;
    let label = await memory.recall(f.personKey);
    if (!label) {
      label = f.replacement;
      // Another person may already hold this label in an earlier text: number it.
      for (let n = 2; (await memory.resolve(label)) !== undefined; n++) {
        label = f.replacement.replace(/\]$/, ` ${n}]`);
      }
      await memory.remember(f.personKey, label);
    }
    labels.set(f.personKey, label);
  }
  return pseudonymise(text, { ...options, labels });
}

const LABEL = /PRE-\d{4}-\d{3,}|\[[^[\]\n]{1,60}\]/g;

/** Whether a text names someone by parcours code or pseudonymisation label (a pseudonymised text). */
export function mentionsPseudonym(text: string): boolean {
  return new RegExp(LABEL.source).test(text);
}

/** Puts names back in a partner's reply: every code or label the resolver knows is replaced. */
export function depseudonymise(
  text: string,
  resolver: (label: string) => string | undefined,
): string {
  return text.replace(LABEL, (label) => resolver(label) ?? label);
}
