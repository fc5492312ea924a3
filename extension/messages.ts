/**
 * What content scripts and the background say to each other. Answers carry
 * offsets, types, counts and French reasons only: never a caseload name, a
 * code map or the text of a finding (the page already has its own text).
 */
import type { FindingType } from '../shared/anonymisation';

export type StoreStatus = 'absent' | 'verrouillé' | 'déverrouillé' | 'effacé';

export type Request =
  | ScanRequest
  | { kind: 'pseudonymise'; text: string }
  | { kind: 'log-share'; text: string; reason: string }
  | { kind: 'state' }
  | { kind: 'unlock'; passphrase: string }
  | { kind: 'lock' }
  | PanelNotice;

/**
 * What the extension's own pages (side panel, options) tell the background:
 * the caseload changed (its names index is stale), or the user enabled or
 * disabled sites (`enabledSitesKey` in storage.local) whose content scripts
 * must be registered again.
 */
export type PanelNotice = { kind: 'caseload-changed' } | { kind: 'sites-changed' };

/** storage.local keys the options page writes and the background and content scripts read. */
export const settingKeys = {
  /** string[]: the team's e-mail domains (recipients there are colleagues). */
  internalDomains: 'domainesInternes',
  /** string[]: origins (`https://intranet.example.fr/*`) where the check also runs. */
  enabledSites: 'sitesActives',
  /** Policy name (`partenaire-externe`, `membre-eps`) for sharing outside the team. */
  sharingPolicy: 'politiquePartage',
} as const;

/**
 * The whole text, or only what changed since the last text sent for this
 * editor (`text.slice(0, from) + insert + old.slice(to)`, `length` to check).
 */
export type ScanRequest =
  | { kind: 'scan'; editor: string; text: string }
  | { kind: 'scan'; editor: string; change: TextChange };

export interface TextChange {
  from: number;
  to: number;
  insert: string;
  length: number;
}

/** A finding as the page sees it. */
export interface PageFinding {
  start: number;
  end: number;
  type: FindingType;
  /** French reason, name-free («NIR valide (clé 42)», «nom d’un enfant suivi»). */
  label: string;
  /** A beneficiary's direct identifier the policy blocks: what the send guard stops. */
  blocking: boolean;
}

export interface ScanAnswer {
  findings: PageFinding[];
  store: StoreStatus;
  /** The background lost the previous text (restarted): send the whole text again. */
  resend?: true;
}

/** One replacement to make in the page's text; the replacement holds codes or placeholders only. */
export interface PageEdit {
  start: number;
  end: number;
  replacement: string;
}

export interface PseudonymiseAnswer {
  edits: PageEdit[];
  /** Parcours codes of the children concerned, for the audit trail. */
  codes: string[];
  /** Beneficiary identifiers still found after replacement: sending must stop. */
  leftovers: number;
}

export interface LogAnswer {
  /** Where the entry went: the encrypted journal, or the extension's local log when locked. */
  logged: 'journal' | 'local';
}

export interface StateAnswer {
  store: StoreStatus;
}

export interface ErrorAnswer {
  error: string;
}

export type Answer<R extends Request> = R extends { kind: 'scan' }
  ? ScanAnswer
  : R extends { kind: 'pseudonymise' }
    ? PseudonymiseAnswer
    : R extends { kind: 'log-share' }
      ? LogAnswer
      : R extends PanelNotice
        ? NoticeAnswer
        : StateAnswer;

export interface NoticeAnswer {
  done: true;
}
