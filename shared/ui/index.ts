/**
 * shared/ui — the React + Fluent UI v9 components the Office task pane and
 * the browser extension's side panel share, in French: passphrase setup,
 * unlock, restore after a wipe, the caseload list, the record editor, the
 * import screens (mapping, errors, progress, summary), the findings list, the
 * caseload session (lock after inactivity) with its gate, and bar charts.
 * Components take props and callbacks; `useCaseload` connects the caseload to
 * anything shaped like the store. Needs React 19 and Fluent UI; no Office, no WXT.
 */
export { PassphraseSetup, type PassphraseSetupProps } from './passphrase-setup';
export {
  NewPassphraseFields,
  newPassphraseReady,
  EMPTY_PASSPHRASE,
  type NewPassphrase,
  type NewPassphraseFieldsProps,
} from './new-passphrase-fields';
export { UnlockScreen, type UnlockScreenProps } from './unlock-screen';
export { StoreWiped, type StoreWipedProps } from './store-wiped';
export { CaseloadView, type CaseloadViewProps } from './caseload-view';
export { OpenCaseload, type OpenCaseloadProps } from './open-caseload';
export { useBusyAction, type BusyAction } from './busy-action';
export { RecordEditor, type RecordEditorProps } from './record-editor';
export {
  useCaseload,
  exportFileName,
  type CaseloadController,
  type CaseloadSource,
} from './caseload-controller';
export {
  passphraseStrength,
  MIN_PASSPHRASE_LENGTH,
  type PassphraseStrength,
  type StrengthLevel,
} from './passphrase-strength';
export {
  EMPTY_FILTER,
  PAGE_SIZE,
  filterCaseload,
  filterChoices,
  pageOf,
  sortCaseload,
  type CaseloadFilter,
  type Page,
} from './caseload-query';
export {
  checkDraft,
  formGroups,
  formLabels,
  formSections,
  messagesByLabel,
  pruneDraft,
  readPath,
  writePath,
  type Draft,
  type FormField,
  type FormGroup,
  type FormSection,
} from './record-form';
export { historyOf, type HistoryLine } from './history';
export { errorMessage, frenchSpacing } from './typography';
export {
  ImportDone,
  ImportMapping,
  ImportProgress,
  type ImportDoneProps,
  type ImportMappingProps,
  type ImportProgressProps,
} from './import-mapping';
export {
  cellErrors,
  fieldChoices,
  importSummary,
  lacksCodeColumn,
  mappingLines,
  previewRows,
  rowsLabel,
  withOverride,
  type CellError,
  type FieldChoice,
  type ImportSummary,
  type MappingLine,
  type PreviewRow,
} from './import-model';
export { Screen } from './screen';
export {
  FindingsList,
  findingTypeLabels,
  groupFindings,
  type FindingsListProps,
  type ListedFinding,
} from './findings-list';
export { StoreSession, type SessionOptions, type SessionState } from './store-session';
export { localStorageMarker, markerKey } from './store-marker';
export { SessionGate, watchDocumentActivity, type SessionGateProps } from './session-gate';
export { downloadBytes, downloadJson } from './download';
export {
  highlightSegments,
  provenanceLines,
  provenanceSpans,
  recordFromDraft,
  recordUpdatedBy,
  type LabelledSpan,
  type ProvenanceLine,
  type TextSegment,
} from './referral-model';
export { HighlightedText } from './highlighted-text';
export {
  ReferralReview,
  type ReferralDraftState,
  type ReferralReviewProps,
} from './referral-review';
export { findingSpans, listedFindings } from './text-findings';
export { barsOf, tablesAsHtml, tablesAsTsv, type Bar } from './bilan-model';
export { BarChart } from './bar-chart';
