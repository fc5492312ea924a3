/**
 * Checks a .docx before any part of it is inflated: it must be a zip, hold a
 * reasonable number of parts, declare reasonable sizes, and really inflate to
 * no more than it declares (a lying header is the classic zip bomb). Inflation
 * is streamed through `DecompressionStream` and stopped as soon as a part
 * exceeds its declared size, so a bomb never reaches memory.
 */
import { PasserelleError } from '../parcours';

export const ZIP_LIMITS = {
  /** A Word template is a few hundred kilobytes; 20 MB leaves room for images. */
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  /** Text compresses well, but not a thousand to one. */
  maxRatio: 200,
  /** Below this size a high ratio is harmless (a blank XML part compresses a lot). */
  ratioFloorBytes: 1024 * 1024,
  /** A part that cannot inflate beyond this, whatever its header says, is not worth streaming. */
  harmlessWorstCaseBytes: 4 * 1024 * 1024,
} as const;

/** The most deflate can expand data (RFC 1951: 258 bytes from about 2 bits). */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function notAZip(reason: string): PasserelleError {
  return new PasserelleError(
    'minutes/not-docx',
    `ce fichier n’est pas un document Word .docx lisible (${reason}) : enregistrez le modèle au format « Document Word (.docx) » et réessayez.`,
  );
}

function bomb(name: string, detail: string): PasserelleError {
  return new PasserelleError(
    'minutes/zip-bomb',
    `le modèle est refusé : la partie « ${name} » ${detail}. Ce fichier ressemble à une « bombe zip » ; utilisez un modèle enregistré directement depuis Word ou LibreOffice.`,
    { file: name },
  );
}

/** Reads the central directory; throws a French error when the bytes are not a sane zip. */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  if (bytes.length > ZIP_LIMITS.maxFileBytes) {
    throw new PasserelleError(
      'minutes/too-large',
      `le modèle fait ${Math.round(bytes.length / 1024 / 1024)} Mo, au-delà de la limite de ${ZIP_LIMITS.maxFileBytes / 1024 / 1024} Mo : allégez-le (images) et réessayez.`,
    );
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw notAZip('ce n’est pas une archive zip');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAZip('archive tronquée');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > ZIP_LIMITS.maxEntries) {
    throw bomb('[archive]', `contient ${count} fichiers (limite ${ZIP_LIMITS.maxEntries})`);
  }
  const entries: ZipEntryInfo[] = [];
  const names = new TextDecoder();
  let at = dirOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) {
      throw notAZip('répertoire de l’archive illisible');
    }
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntryInfo = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    total += entry.uncompressedSize;
    if (total > ZIP_LIMITS.maxTotalUncompressedBytes) {
      throw bomb(
        entry.name,
        `porte le total décompressé au-delà de ${ZIP_LIMITS.maxTotalUncompressedBytes / 1024 / 1024} Mo`,
      );
    }
    if (
      entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes &&
      entry.uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(1, entry.compressedSize)
    ) {
      throw bomb(entry.name, `se décompresse plus de ${ZIP_LIMITS.maxRatio} fois sa taille`);
    }
    entries.push(entry);
  }
  return entries;
}

/** Where the compressed data of an entry starts (after its local header). */
function dataStart(bytes: Uint8Array, entry: ZipEntryInfo): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw notAZip(`partie « ${entry.name} » introuvable`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw notAZip('archive tronquée');
  return start;
}

/** Inflates an entry, stopping as soon as it outgrows what its header declares. */
async function inflatedSizeWithin(bytes: Uint8Array, entry: ZipEntryInfo): Promise<void> {
  if (entry.method === 0) return;
  if (entry.method !== 8) {
    throw notAZip(`compression inconnue pour « ${entry.name} »`);
  }
  const start = dataStart(bytes, entry);
  const input = new Blob([bytes.slice(start, start + entry.compressedSize)]).stream();
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > entry.uncompressedSize) {
        await reader.cancel();
        throw bomb(entry.name, 'se décompresse au-delà de la taille annoncée');
      }
    }
  } catch (error) {
    if (error instanceof PasserelleError) throw error;
    throw notAZip(`partie « ${entry.name} » corrompue`);
  }
}

/** Lists and verifies every entry; resolves with the list when the archive is safe to open. */
export async function guardZip(bytes: Uint8Array): Promise<ZipEntryInfo[]> {
  const entries = listZipEntries(bytes);
  // Deflate cannot expand more than MAX_DEFLATE_RATIO to one: small parts whose worst case
  // stays within bounds need no streaming check; the others are streamed side by side.
  let unchecked = 0;
  const suspects = entries.filter((entry) => {
    if (entry.method !== 8) return entry.method !== 0;
    const worst = entry.compressedSize * MAX_DEFLATE_RATIO;
    if (worst > ZIP_LIMITS.harmlessWorstCaseBytes) return true;
    unchecked += worst;
    return false;
  });
  if (unchecked > ZIP_LIMITS.maxTotalUncompressedBytes) suspects.push(...entries);
  await Promise.all([...new Set(suspects)].map((entry) => inflatedSizeWithin(bytes, entry)));
  return entries;
}
