/**
 * The names the Outlook manifest and the on-send handler must agree on, in a
 * module of their own so `onsend.js` bundles these few strings and not the
 * whole manifest source (package.json, every description).
 */
export const outlookNames = {
  /** Control id of the compose-mode button; the Smart Alerts dialog opens its pane. */
  composeCommandId: 'Passerelle.VerifierEnvoi',
  /** The name `addin/onsend/main.ts` registers with `Office.actions.associate`. */
  onSendFunction: 'onMessageSendHandler',
  /** Classic Outlook on Windows runs this one file (JavaScript runtime override). */
  onSendScript: 'onsend.js',
  /** Outlook on the web and on Mac load the handler through this page. */
  onSendPage: 'onsend.html',
} as const;
