/**
 * What leaves with a message, as one text for the detector: the subject, the
 * body and the attachment names (separators turned into spaces, so
 * «bilan-moussa-traore.pdf» reads as words). The on-send handler and the
 * «Vérifier avant envoi» view scan the same text; each part keeps its range
 * so a finding can say where it is.
 */
export type OutgoingPart = 'objet' | 'corps' | 'pieces-jointes';

export interface OutgoingText {
  text: string;
  parts: { part: OutgoingPart; start: number; end: number }[];
}

/**
 * No-break and narrow no-break spaces as plain spaces, one for one (offsets
 * unchanged): Outlook and Word put them inside phone numbers («06 12 34…»
 * typed with a no-break space), where the detector expects plain spaces.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007]/g, ' ');
}

export function attachmentWords(name: string): string {
  return name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[-_.+]+/g, ' ');
}

export function outgoingText(subject: string, body: string, attachmentNames: readonly string[]) {
  const pieces: [OutgoingPart, string][] = [
    ['objet', plainSpaces(subject.trim())],
    ['corps', plainSpaces(body.trim())],
    ['pieces-jointes', attachmentNames.map(attachmentWords).join('\n')],
  ];
  let text = '';
  const parts: OutgoingText['parts'] = [];
  for (const [part, value] of pieces) {
    if (!value) continue;
    if (text) text += '\n\n';
    parts.push({ part, start: text.length, end: text.length + value.length });
    text += value;
  }
  return { text, parts } satisfies OutgoingText;
}

/** Which part a text offset falls in. */
export function partAt(outgoing: OutgoingText, offset: number): OutgoingPart {
  return outgoing.parts.find((p) => offset >= p.start && offset < p.end)?.part ?? 'corps';
}
