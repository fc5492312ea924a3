/**
 * API sets each host needs. They cannot sit in the task-pane manifest's
 * `<Requirements>`: that manifest serves Excel and Word, and a set listed
 * there must be supported by every host (ExcelApi would hide the add-in in
 * Word). The pane checks them at start-up instead (`Office.context.requirements`).
 * - ExcelApi 1.13: `Range.getMergedAreasOrNullObject` (merged cells of an
 *   imported sheet); `Range.getTables` (1.9) for «the current table».
 * - WordApi 1.3: `Application.createDocument` and content controls for the
 *   minutes (issue 10); search, highlight and `insertFileFromBase64` are 1.1.
 * - Mailbox 1.12: the OnMessageSend launch event (Smart Alerts); the mail
 *   manifest declares it in its VersionOverrides 1.1.
 */
export const hostRequirements = {
  Excel: { set: 'ExcelApi', version: '1.13' },
  Word: { set: 'WordApi', version: '1.3' },
  Outlook: { set: 'Mailbox', version: '1.12' },
} as const;

export type RequirementHost = keyof typeof hostRequirements;
