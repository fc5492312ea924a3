/**
 * Who refers: `referral.source` from the sender's address domain (Caf,
 * académie), then the institution lines of the signature, then the role line,
 * through the parcours normaliser; `referral.referrer` as «Prénom Nom, fonction».
 */
import { normaliseReferralSource, type ReferralSource } from '../parcours';
import type { SenderIdentity } from './signature';

export interface SourceDecision {
  source: ReferralSource;
  /** What decided it: the domain, a signature line, or the role. */
  basis: string;
  confidence: number;
}

/** Domains that name the institution outright. */
function sourceFromDomain(address: string): ReferralSource | undefined {
  const domain = address.split('@')[1] ?? '';
  if (/(^|\.)caf\.fr$|(^|\.)cnaf\.fr$|(^|\.)cnafmail\.fr$/.test(domain)) return 'caf';
  if (/(^|\.)ac-[a-z-]+\.fr$|(^|\.)education\.gouv\.fr$/.test(domain)) return 'education_nationale';
  if (/(^|\.)(ch|chu|chs|ght)-[a-z-]+\.fr$|(^|\.)aphp\.fr$|hopital|hospitalier/.test(domain))
    return 'sante';
  return undefined;
}

function sourceOf(text: string | undefined): ReferralSource | undefined {
  if (!text) return undefined;
  const result = normaliseReferralSource(text);
  return result.ok && result.value !== 'autre' && result.value !== 'famille'
    ? result.value
    : undefined;
}

export function decideSource(
  senderAddress: string,
  identity: SenderIdentity | undefined,
  familyWrites: boolean,
): SourceDecision | undefined {
  const byDomain = sourceFromDomain(senderAddress);
  if (byDomain)
    return { source: byDomain, basis: senderAddress.split('@')[1] ?? '', confidence: 0.95 };
  if (familyWrites) return { source: 'famille', basis: 'le parent écrit', confidence: 0.8 };
  for (const line of identity?.institutions ?? []) {
    const source = sourceOf(line);
    if (source) return { source, basis: line, confidence: 0.85 };
  }
  const byRole = sourceOf(identity?.role);
  if (byRole) return { source: byRole, basis: identity!.role!, confidence: 0.75 };
  return undefined;
}

const BODY_ROLE =
  /(?:en (?:ma )?(?:tant qu['’]e?|qualit[ée] d['’]e?)\s*|je suis\s+(?:le |la |l['’])?)((?:directeur|directrice|enseignante?|professeure?(?: des [ée]coles)?|cpe|infirmi[èe]re(?: scolaire)?|assistante? sociale?(?: scolaire| de secteur)?|[ée]ducat(?:eur|rice)(?: sp[ée]cialis[ée]e?)?|psychologue(?: scolaire)?|m[ée]decin(?: scolaire)?|animat(?:eur|rice)(?: \p{Lu}+)?|r[ée]f[ée]rente?(?: famille)?|travailleu(?:r|se) sociale?|pu[ée]ricultrice|m[ée]diat(?:eur|rice)|orthophoniste|principale?(?: adjointe?)?))/iu;

/** A role the sender states in the body, with its offset in the sentence. */
export function roleFromBody(sentence: string): { role: string; index: number } | undefined {
  const m = BODY_ROLE.exec(sentence);
  return m ? { role: m[1]!, index: m.index + m[0].length - m[1]!.length } : undefined;
}

/** Role as the dictionary wants it: lower case, acronyms kept («Animateur CLAS» → «animateur CLAS»). */
export function roleForReferrer(role: string): string {
  return role
    .replace(/[.,;:]+$/, '')
    .split(/\s+/)
    .map((w) => (/^\p{Lu}[\p{Ll}'’-]/u.test(w) || /^\p{Lu}$/u.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

export function referrerText(first?: string, last?: string, role?: string): string | undefined {
  const name = [first, last].filter(Boolean).join(' ');
  if (!name) return undefined;
  return role ? `${name}, ${roleForReferrer(role)}` : name;
}
