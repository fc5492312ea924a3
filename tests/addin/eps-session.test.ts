import { describe, expect, it } from 'vitest';
import {
  cleanSession,
  formatMembers,
  latestSession,
  mergeAgenda,
  newSession,
  parseMembers,
} from '../../addin/taskpane/eps-session';
import { resolveRoute } from '../../addin/taskpane/route';
import { paneViews, viewsFor } from '../../addin/taskpane/views';
import { commandViewIds } from '../../addin/taskpane/view-ids';
import { validateSession, type ParcoursRecord } from '../../shared/parcours';
import { sampleCaseload } from '../../shared/samples';

const records = sampleCaseload.records as unknown as ParcoursRecord[];

describe('the «Compte rendu EPS» session model', () => {
  it('starts a session today, with the place and members of the last one', () => {
    const last = {
      ...newSession(undefined, '2026-01-13'),
      place: 'Centre social',
      members: [{ name: 'Sonia Martel', role: 'référente', institution: 'PRE' }],
    };
    const older = { ...newSession(undefined, '2025-12-09'), place: 'Mairie' };
    const next = newSession(latestSession([last, older]), '2026-02-10');
    expect(next).toMatchObject({ date: '2026-02-10', place: 'Centre social', situations: [] });
    expect(next.members).toEqual(last.members);
    expect(next.members[0]).not.toBe(last.members[0]);
  });

  it('reads members one per line as «name, role, institution» and writes them back', () => {
    const members = parseMembers(
      'Sonia Martel, référente, PRE\n\nDr Haddad\nM. Roux, CPE, Collège Jean Bernard, Salon',
    );
    expect(members).toEqual([
      { name: 'Sonia Martel', role: 'référente', institution: 'PRE' },
      { name: 'Dr Haddad', role: null, institution: null },
      { name: 'M. Roux', role: 'CPE', institution: 'Collège Jean Bernard, Salon' },
    ]);
    expect(formatMembers(members)).toBe(
      'Sonia Martel, référente, PRE\nDr Haddad\nM. Roux, CPE, Collège Jean Bernard, Salon',
    );
  });

  it('proposes the agenda from the caseload and keeps what was typed for a situation', () => {
    const session = newSession(undefined, '2026-01-13');
    const first = mergeAgenda(session, records);
    expect(first.map((s) => s.code)).toContain('PRE-2025-002');
    expect(first.every((s) => !('child' in s))).toBe(true);
    const typed = first.map((s) =>
      s.code === 'PRE-2025-002'
        ? { ...s, summary: 'Absentéisme en baisse.', decision: 'entree_validee' as const }
        : s,
    );
    const again = mergeAgenda({ ...session, situations: typed }, records);
    expect(again.find((s) => s.code === 'PRE-2025-002')).toMatchObject({
      summary: 'Absentéisme en baisse.',
      decision: 'entree_validee',
      kind: 'entree',
    });
    expect(again).toHaveLength(first.length);
  });

  it('cleans empty texts and actions so the session validates', () => {
    const session = newSession(undefined, '2026-01-13');
    const [situation] = mergeAgenda(session, records);
    const cleaned = cleanSession({
      ...session,
      place: '  ',
      situations: [
        { ...situation!, summary: '', actions: [{ label: ' ' }, { label: 'Aide aux devoirs' }] },
      ],
    });
    expect(cleaned.place).toBeNull();
    expect(cleaned.situations[0]!.summary).toBeNull();
    expect(cleaned.situations[0]!.actions).toEqual([{ label: 'Aide aux devoirs' }]);
    expect(validateSession(cleaned).ok).toBe(true);
  });
});

describe('the Word views in the registry', () => {
  it('open from the Word ribbon’s «Vérifier avant partage» and «Compte rendu EPS» buttons', () => {
    const word = viewsFor(
      {
        kind: 'office',
        host: 'Word',
        platform: 'PC',
        requirement: { set: 'WordApi', version: '1.3', supported: true },
        view: null,
      },
      paneViews,
    );
    expect(resolveRoute(commandViewIds.verification, word).view?.label).toBe(
      'Vérifier avant partage',
    );
    expect(resolveRoute(commandViewIds.eps, word).view?.label).toBe('Compte rendu EPS');
    // In the preview, where Excel's view has that id, the id wins.
    expect(resolveRoute(commandViewIds.verification, paneViews).view?.label).toBe(
      'Vérifier la feuille',
    );
  });
});
