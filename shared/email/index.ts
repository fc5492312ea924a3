/**
 * shared/email — referral emails → parcours drafts.
 *
 * Reads an .eml (postal-mime) or an Outlook .msg (@kenjiuno/msgreader) into one
 * plain `MailMessage` (the Outlook add-in builds the same structure from the
 * open item), turns its body into clean text (HTML included, nothing executed
 * or fetched), separates quoted replies, forwards and the signature, and
 * extracts one `ParcoursDraft` per child described, each field with its
 * provenance (sentence, offsets, confidence). A message that describes no
 * child or asks nothing of the PRE gives no draft. Drafts are matched with the
 * caseload through the `CaseloadLookup` port. Needs shared/parcours; no DOM,
 * no network; runs in Node and browsers.
 */
export type { MailMessage, MailAddress, MailAttachment } from './message';
export { readMailFile } from './read';
export { readEml } from './read-eml';
export { readMsg } from './read-msg';
export { htmlToText, decodeEntities } from './html-to-text';
export {
  bodyText,
  splitSections,
  type CleanBody,
  type TextSection,
  type SectionHeader,
} from './body';
export { parisDay, parisOffsetMinutes } from './paris-time';
export { decompressRtf, rtfToHtmlOrText } from './rtf';
export { describeAttachments, docxText, type AttachmentSummary } from './attachments';
export { domainsOf } from './reasons';
export {
  extractReferrals,
  type Extraction,
  type DraftWithProvenance,
  type FieldProvenance,
} from './extract';
export { matchCaseload, diffDraft, type CaseloadMatch, type FieldChange } from './match';
