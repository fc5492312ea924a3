/** The webmails the extension checks without asking: its only host permissions. */
export const WEBMAIL_MATCHES = [
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://mail.google.com/*',
] as const;

/** Added by the test build only (see wxt.config.ts): local replicas of the webmails. */
export const TEST_MATCHES = ['http://127.0.0.1/*'];
