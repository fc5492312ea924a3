/**
 * What the content script needs to know about one webmail: where its compose
 * editors, send buttons and recipients are. Roles and labels (French and
 * English interfaces) rather than generated class names, which change weekly.
 */
export interface Webmail {
  /** French name, for notices. */
  name: string;
  hosts: readonly string[];
  /** Compose bodies (contenteditable or textarea). */
  editors: string;
  /** The compose window around an editor: where its send button and recipients are. */
  composeRoot(editor: Element): Element;
  /** Send buttons inside a compose window. */
  sendButtons: string;
  /** Elements holding the recipients (chips, hidden inputs) inside a compose window. */
  recipients: string;
  /** Something on the page that says a compose window is open, to notice editors we miss. */
  composeOpen: string;
  /** What tells this webmail apart on a host we do not know (its «new message» button). */
  signature: string;
}

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Every address shown by the recipients' chips and fields of a compose window. */
export function recipientAddresses(webmail: Webmail, root: Element): string[] {
  const found = new Set<string>();
  const attributes = ['data-hovercard-id', 'email', 'title', 'aria-label'];
  for (const well of root.querySelectorAll(webmail.recipients)) {
    // A chip keeps the address on itself or on a child (title, hovercard), or in its text.
    const holders = [well, ...well.querySelectorAll(attributes.map((a) => `[${a}]`).join(', '))];
    const sources = holders.flatMap((el) => attributes.map((a) => el.getAttribute(a)));
    sources.push(well instanceof HTMLInputElement ? well.value : well.textContent);
    for (const source of sources) {
      for (const m of source?.matchAll(EMAIL) ?? []) found.add(m[0].toLowerCase());
    }
  }
  return [...found];
}

/** `[attr="a"], [attr="b"]` for each label, French and English. */
export function byLabels(prefix: string, attribute: string, labels: readonly string[]): string {
  return labels.map((l) => `${prefix}[${attribute}="${l}"]`).join(', ');
}

export function byLabelStarts(
  prefix: string,
  attribute: string,
  labels: readonly string[],
): string {
  return labels.map((l) => `${prefix}[${attribute}^="${l}"]`).join(', ');
}
