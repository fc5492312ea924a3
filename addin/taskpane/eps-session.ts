/**
 * The «Compte rendu EPS» form's model, pure: a new session (today, members
 * and place remembered from the last session), members typed one per line
 * («Nom, fonction, institution»), situations proposed from the caseload and
 * merged with what was already typed, and what a session needs before filling.
 */
import { proposeAgenda } from '../../shared/minutes';
import {
  todayIso,
  type EpsSession,
  type Member,
  type ParcoursRecord,
  type Situation,
} from '../../shared/parcours';

export type SessionDraft = EpsSession & { id?: string };

/** A new session: today, and what stays from one session to the next (place, territory, chair, members). */
export function newSession(last: SessionDraft | undefined, today = todayIso()): SessionDraft {
  return {
    date: today,
    place: last?.place ?? null,
    territory: last?.territory ?? null,
    chair: last?.chair ?? null,
    members: last?.members.map((m) => ({ ...m })) ?? [],
    apologies: last?.apologies.map((m) => ({ ...m })) ?? [],
    situations: [],
    nextSessionDate: null,
  };
}

/** The latest session by date (the one whose members are remembered). */
export function latestSession<T extends { date: string }>(sessions: readonly T[]): T | undefined {
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
}

/** «Nom, fonction, institution» per line; empty lines are skipped. */
export function parseMembers(text: string): Member[] {
  return text
    .split('\n')
    .map((line) => line.split(',').map((part) => part.trim()))
    .filter(([name]) => !!name)
    .map(([name, role, ...institution]) => ({
      name: name!,
      role: role || null,
      institution: institution.join(', ') || null,
    }));
}

export function formatMembers(members: readonly Member[]): string {
  return members.map((m) => [m.name, m.role, m.institution].filter(Boolean).join(', ')).join('\n');
}

/**
 * The agenda the caseload proposes for the session's date; a situation
 * already on the session keeps what was typed for it (summary, decision…).
 */
export function mergeAgenda(session: SessionDraft, records: Iterable<ParcoursRecord>): Situation[] {
  const typed = new Map(session.situations.map((s) => [s.code, s]));
  const proposed = proposeAgenda(records, session.date);
  const codes = new Set(proposed.map((s) => s.code));
  return [
    ...proposed.map((s) => ({ ...s, ...typed.get(s.code) })),
    ...session.situations.filter((s) => !codes.has(s.code)),
  ];
}

/** Empty texts become null so the schema and the template see them as absent. */
export function cleanSession(session: SessionDraft): SessionDraft {
  const text = (value: string | null | undefined) => value?.trim() || null;
  return {
    ...session,
    place: text(session.place),
    territory: text(session.territory),
    chair: text(session.chair),
    nextSessionDate: session.nextSessionDate || null,
    situations: session.situations.map((s) => ({
      ...s,
      summary: text(s.summary),
      decision: s.decision || null,
      nextReview: s.nextReview || null,
      actions: (s.actions ?? []).filter((a) => a.label.trim()),
    })),
  };
}
