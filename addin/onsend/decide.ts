/**
 * The on-send decision, a pure function: the message leaves for someone
 * outside the team (To, Cc or Bcc not in the internal domains) and still
 * carries a beneficiary's direct identifier → block; only quasi-identifiers
 * (school, class, age, quartier, health, protection) about a child named by
 * code or label → ask the user; a
 * message to the team, or with nothing found → let it go. Counts by type
 * only: the verdict never holds a value found in the message.
 */
import {
  mentionsPseudonym,
  PARTENAIRE_EXTERNE,
  scan,
  type Finding,
  type FindingType,
  type NamesIndex,
} from '../../shared/anonymisation';
import { externalCount } from './domains';
import { outgoingText } from './outgoing-text';

export interface OutgoingMessage {
  subject: string;
  /** The body as text (Outlook's `body.getAsync('text')`). */
  body: string;
  attachmentNames: readonly string[];
  /** Every recipient address: To, Cc and Bcc. */
  recipients: readonly string[];
}

export interface DecisionContext {
  internalDomains: readonly string[];
  /** The caseload's names (Bloom filter); without it names are found from context only. */
  names?: NamesIndex;
  /** ISO date for ages; today by default. */
  referenceDate?: string;
}

export type TypeCounts = Partial<Record<FindingType, number>>;

export type SendVerdict =
  | { action: 'allow'; why: 'equipe' | 'rien-trouve' }
  | { action: 'block'; external: number; direct: TypeCounts; quasi: TypeCounts }
  | { action: 'prompt'; external: number; quasi: TypeCounts };

function countByType(findings: readonly Finding[]): TypeCounts {
  const counts: TypeCounts = {};
  for (const f of findings) counts[f.type] = (counts[f.type] ?? 0) + 1;
  return counts;
}

/** A beneficiary's identifier the «partenaire externe» policy forbids sharing as is. */
export const isDirectHit = (f: Finding) => f.direct && f.blocking;
/** A clue about a beneficiary that is not an identifier on its own. */
export const isQuasiHit = (f: Finding) => !f.direct && (f.role === 'beneficiaire' || f.blocking);

export function decideOnSend(message: OutgoingMessage, context: DecisionContext): SendVerdict {
  const external = externalCount(message.recipients, context.internalDomains);
  if (!external) return { action: 'allow', why: 'equipe' };
  const { text } = outgoingText(message.subject, message.body, message.attachmentNames);
  const { findings } = scan(text, {
    policy: PARTENAIRE_EXTERNE,
    ...(context.names ? { names: context.names } : {}),
    ...(context.referenceDate ? { referenceDate: context.referenceDate } : {}),
    // A pseudonymised message is still about a child: its clues (age, class…) count.
    aboutBeneficiary: mentionsPseudonym(text),
  });
  const direct = findings.filter(isDirectHit);
  const quasi = countByType(findings.filter(isQuasiHit));
  if (direct.length) return { action: 'block', external, direct: countByType(direct), quasi };
  if (Object.keys(quasi).length) return { action: 'prompt', external, quasi };
  return { action: 'allow', why: 'rien-trouve' };
}
