/**
 * The view ids the ribbon buttons open (`taskpane.html?vue=<id>`). The
 * manifests and the pane's view registry both read them from here, so a
 * button can never point at a view name the pane does not route.
 */
export const commandViewIds = {
  /** Excel: import a sheet into the caseload (issue 9). */
  import: 'import',
  /** Word: EPS minutes (issue 10). */
  eps: 'eps',
  /** Excel and Word: check a sheet or document before sharing it (issues 9, 10). */
  verification: 'verification',
  /** Outlook, read mode: create a parcours from a referral email (issue 11). */
  courriel: 'courriel',
  /** Outlook, compose mode: check a message before sending it (issue 11). */
  envoi: 'envoi',
} as const;

export type CommandViewId = (typeof commandViewIds)[keyof typeof commandViewIds];

/** The query parameter that carries the view id. */
export const viewParameter = 'vue';
