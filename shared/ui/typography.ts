/** French typography for what the UI shows, including the core's messages. */

const NBSP = '\u00a0';

/**
 * Puts a non-breaking space before « : ; ? ! » and inside « guillemets », so
 * a pane never breaks a line between a word and its colon. Plain spaces only
 * are replaced: text without a space there (times, addresses) is left as is.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ +([:;?!»])/g, `${NBSP}$1`).replace(/« +/g, `«${NBSP}`);
}

/** An error as the user should read it: the core's French message, or a generic one. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error && typeof error === 'object' && 'describe' in error) {
    const describe = (error as { describe: unknown }).describe;
    if (typeof describe === 'function')
      return frenchSpacing(capitalise(String(describe.call(error))));
  }
  return frenchSpacing(fallback);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}
