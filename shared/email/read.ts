/** Bytes of an .eml or .msg file → `MailMessage`; the kind is told by the bytes, not the name. */
import { PasserelleError } from '../parcours';
import type { MailMessage } from './message';
import { readEml } from './read-eml';
import { isCompoundFile, readMsg } from './read-msg';

/** Zip (docx, xlsx), PDF, PNG and JPEG files: saved by mistake in place of a message. */
function startsWithAny(bytes: Uint8Array, magics: number[][]): boolean {
  return magics.some((magic) => magic.every((b, i) => bytes[i] === b));
}

export async function readMailFile(bytes: Uint8Array, file?: string): Promise<MailMessage> {
  if (bytes.byteLength === 0) {
    throw new PasserelleError(
      'email/empty',
      'le fichier est vide : enregistrez de nouveau le message et réessayez.',
      file ? { file } : {},
    );
  }
  if (isCompoundFile(bytes)) return readMsg(bytes, file);
  if (
    startsWithAny(bytes, [
      [0x50, 0x4b, 0x03, 0x04],
      [0x25, 0x50, 0x44, 0x46],
      [0x89, 0x50, 0x4e, 0x47],
      [0xff, 0xd8],
    ])
  ) {
    throw new PasserelleError(
      'email/not-a-message',
      'ce fichier n’est pas un courriel (.eml ou .msg) : enregistrez le message depuis la messagerie (« Enregistrer sous ») et réessayez.',
      file ? { file } : {},
    );
  }
  return readEml(bytes, file);
}
