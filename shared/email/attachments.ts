/**
 * Attachments as the user needs to know them: name, type, size, and a French
 * note when one looks like a referral form (.pdf, .docx, .odt named «fiche»,
 * «saisine», «repérage»…). A .docx form's text is read with pizzip (plain XML
 * inside a zip, size-bounded) so the user can see it without opening Word.
 */
import PizZip from 'pizzip';
import type { MailAttachment } from './message';

export interface AttachmentSummary {
  name: string;
  type: string;
  size: number;
  /** French note for the user, e.g. «fiche de saisine jointe (PDF) : à lire». */
  note?: string;
  /** Text of a .docx form, when it could be read. */
  text?: string;
}

const FORM_NAME =
  /(fiche|saisine|rep[ée]rage|orientation|signalement|formulaire|demande|information|pre\b)/i;
const DOCX = /wordprocessingml|\.docx$/i;
const PDF = /pdf/i;
const MAX_DOCX_XML = 5 * 1024 * 1024;

function kindOf(a: MailAttachment): string | undefined {
  if (PDF.test(a.type) || /\.pdf$/i.test(a.name)) return 'PDF';
  if (DOCX.test(a.type) || DOCX.test(a.name)) return 'Word';
  if (/opendocument\.text|\.odt$/i.test(a.type + a.name)) return 'OpenDocument';
  if (/msword|\.doc$/i.test(a.type + a.name)) return 'Word';
  return undefined;
}

/** Text of a .docx (paragraphs of word/document.xml); undefined when unreadable or too large. */
export function docxText(bytes: Uint8Array): string | undefined {
  try {
    const zip = new PizZip(bytes);
    const file = zip.file('word/document.xml');
    if (!file) return undefined;
    const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data
      ?.uncompressedSize;
    if (size !== undefined && size > MAX_DOCX_XML) return undefined;
    const xml = file.asText();
    if (xml.length > MAX_DOCX_XML) return undefined;
    return xml
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch {
    return undefined;
  }
}

export function describeAttachments(attachments: MailAttachment[]): AttachmentSummary[] {
  return attachments.map((a) => {
    const summary: AttachmentSummary = { name: a.name, type: a.type, size: a.size };
    const kind = kindOf(a);
    if (kind) {
      summary.note = FORM_NAME.test(a.name)
        ? `fiche jointe (${kind}) : elle peut contenir des informations absentes du message, à lire et à reporter.`
        : `document joint (${kind}) : à lire, il peut s’agir d’une fiche de saisine.`;
      if (kind === 'Word' && a.content && DOCX.test(a.type + a.name)) {
        const text = docxText(a.content);
        if (text) summary.text = text;
      }
    }
    return summary;
  });
}
