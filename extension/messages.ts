/**
 * What content scripts and the background say to each other. Answers carry
 * offsets, types, counts and French reasons only: never a caseload name, a
 * code map or the text of a finding (the page already has its own text).
 */
import type { FindingType } from '../shared/anonymisation';

/** The port a content script opens to the background for its requests. */
export const CHECK_PORT = 'passerelle-verification';

export type StoreStatus = 'absent' | 'verrouillé' | 'déverrouillé' | 'effacé';

export type Request =
  | ScanRequest
  | PseudonymiseRequest
  | LogShareRequest
  | { kind: 'state' }
  | { kind: 'unlock'; passphrase: string }
  | { kind: 'lock' }
  | PanelNotice;

/**
 * What the extension's own pages (side panel, options) tell the background:
 * the caseload changed (its names index is stale). Enabled sites need no
 * notice: the background follows the permissions themselves.
 */
export type PanelNotice = { kind: 'caseload-changed' };

/** storage.local keys the options page writes and the background and content scripts read. */
export const settingKeys = {
  /** string[]: the team's e-mail domains (recipients there are colleagues). */
  internalDomains: 'domainesInternes',
  /** Policy name (`partenaire-externe`, `membre-eps`) for sharing outside the team. */
  sharingPolicy: 'politiquePartage',
} as const;

/**
 * What changed in one editor since the last request. An editor is a list of
 * units (its lines, or a textarea's whole value); only changed units travel.
 */
export interface ScanRequest {
  kind: 'scan';
  editor: string;
  /** Every unit's id in reading order; sent when the editor's structure changed. */
  order?: string[];
  /** The background must forget what it had for this editor (first send, or after `resend`). */
  full?: true;
  units: UnitChange[];
}

/** A unit's whole text, or a splice of its previous text (`text.slice(0, from) + insert + old.slice(to)`). */
export type UnitChange = { id: string; text: string } | { id: string; change: TextChange };

export interface TextChange {
  from: number;
  to: number;
  insert: string;
  /** The new text's length, to check that both sides agree. */
  length: number;
}

/** A finding as the page sees it, in its unit's text. */
export interface PageFinding {
  start: number;
  end: number;
  type: FindingType;
  /** French reason, name-free («NIR valide (clé 42)», «nom d’un enfant suivi»). */
  label: string;
  /** A beneficiary's direct identifier the policy blocks: what the send guard stops. */
  blocking: boolean;
  /** The rest of a finding that began in an earlier unit: highlighted, not counted again. */
  continued?: true;
}

export interface UnitFindings {
  id: string;
  findings: PageFinding[];
}

export interface ScanAnswer {
  /** Units whose findings changed since the last answer for this editor; others keep theirs. */
  units: UnitFindings[];
  store: StoreStatus;
  /** The background lost this editor (restarted): send every unit again, with `full`. */
  resend?: true;
}

/** «Pseudonymiser»: `sending` when the rewritten message is about to leave (logged). */
export interface PseudonymiseRequest {
  kind: 'pseudonymise';
  text: string;
  sending?: true;
}

/** «Envoyer quand même»: the message as sent and the user's reason, for the journal. */
export interface LogShareRequest {
  kind: 'log-share';
  text: string;
  reason: string;
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
  /** Where the entry went: the encrypted journal, or waiting (name-free) for the store to unlock. */
  logged: 'journal' | 'en attente';
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
