/**
 * What each tag prints: the session turned into the data docxtemplater reads,
 * keyed by the dictionary's tag names, with French formatting (long dates,
 * enum labels, never keys). Missing values stay `null` here so `{^tag}`
 * sections see them as absent; the filler prints them as a dash.
 */
import {
  actionTags,
  decisions,
  domains,
  formatLongFrenchDate,
  grades,
  initialsOf,
  labelOf,
  memberTags,
  sessionTags,
  situationKinds,
  situationTags,
  type EpsSession,
  type Member,
  type ParcoursDraft,
  type Situation,
} from '../parcours';

export type MinutesVersion = 'interne' | 'partagee';

export const versionLabels: Record<MinutesVersion, string> = {
  interne: 'Version interne',
  partagee: 'Version partagée — données pseudonymisées',
};

/** Printed for a value the session does not give. */
export const MISSING = '—';

type Value = string | null;
type Data = { [tag: string]: Value | Data[] };

const text = (value: string | null | undefined): Value => value?.trim() || null;
const date = (iso: string | null | undefined): Value => (iso ? formatLongFrenchDate(iso) : null);

function member(m: Member): Data {
  return {
    [memberTags.name]: text(m.name),
    [memberTags.role]: text(m.role),
    [memberTags.institution]: text(m.institution),
  };
}

function situation(s: Situation, initials: Value): Data {
  return {
    [situationTags.code]: text(s.code),
    [situationTags.initials]: initials,
    [situationTags.age]: typeof s.age === 'number' && Number.isFinite(s.age) ? String(s.age) : null,
    [situationTags.grade]: s.grade ? labelOf(grades, s.grade) : null,
    [situationTags.referent]: text(s.referent),
    [situationTags.kind]: s.kind ? labelOf(situationKinds, s.kind) : null,
    [situationTags.summary]: text(s.summary),
    [situationTags.decision]: s.decision ? labelOf(decisions, s.decision) : null,
    [situationTags.actions]: (s.actions ?? []).map((a) => ({
      [actionTags.label]: text(a.label),
      [actionTags.domain]: a.domain ? labelOf(domains, a.domain) : null,
    })),
    [situationTags.nextReview]: date(s.nextReview),
  };
}

/**
 * The template data of a session. Initials come from the caseload and only in
 * the internal version: the shared version never carries anything but codes.
 */
export function templateData(
  session: EpsSession,
  version: MinutesVersion,
  caseload: readonly ParcoursDraft[] = [],
): Data {
  const byCode = new Map(caseload.filter((r) => r.code).map((r) => [r.code!, r]));
  const initialsFor = (s: Situation): Value => {
    if (version !== 'interne') return null;
    const child = byCode.get(s.code)?.child;
    return text(s.initials) ?? (child ? text(initialsOf(child.firstName, child.lastName)) : null);
  };
  return {
    [sessionTags.date]: date(session.date),
    [sessionTags.place]: text(session.place),
    [sessionTags.territory]: text(session.territory),
    [sessionTags.chair]: text(session.chair),
    [sessionTags.members]: session.members.map(member),
    [sessionTags.apologies]: session.apologies.map(member),
    [sessionTags.situations]: session.situations.map((s) => situation(s, initialsFor(s))),
    [sessionTags.nextSessionDate]: date(session.nextSessionDate),
    [sessionTags.version]: versionLabels[version],
  };
}
