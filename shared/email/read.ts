/** Bytes of an .eml or .msg file → `MailMessage`; the kind is told by the bytes, not the name. */
import { PasserelleError } from '../parcours';
import type { MailMessage } from './message';
import { readEml } from './read-eml';
import { isCompoundFile, readMsg } from './read-msg';

export async function readMailFile(bytes: Uint8Array, file?: string): Promise<MailMessage> {
  if (bytes.byteLength === 0) {
    throw new PasserelleError(
      'email/empty',
      'le fichier est vide : enregistrez de nouveau le message et réessayez.',
      file ? { file } : {},
    );
  }
  if (isCompoundFile(bytes)) return readMsg(bytes, file);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/^PK\x03\x04|^%PDF|^\x89PNG|^\xff\xd8/.test(head)) {
    throw new PasserelleError(
      'email/not-a-message',
      'ce fichier n’est pas un courriel (.eml ou .msg) : enregistrez le message depuis la messagerie (« Enregistrer sous ») et réessayez.',
      file ? { file } : {},
    );
  }
  return readEml(bytes, file);
}
