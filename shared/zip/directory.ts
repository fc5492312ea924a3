/** The central directory, read and checked against the caller's limits. */
import type { PasserelleError } from '../parcours';

export interface ZipLimits {
  maxEntries: number;
  /** Total of the parts' declared sizes. */
  maxTotalBytes: number;
  /** A part declaring more than this many times its compressed size is a bomb… */
  maxRatio: number;
  /** …once it is larger than this (a blank XML part compresses a lot, harmlessly). */
  ratioFloorBytes: number;
}

/** How the caller says it in French: `reason` and `detail` are French fragments. */
export interface ZipErrors {
  /** Not a zip, or a damaged one. */
  corrupt(reason: string): PasserelleError;
  /** `part` declares or inflates to more than the limits allow («[archive]» for the whole). */
  bomb(part: string, detail: string): PasserelleError;
}

export interface ZipEntry {
  name: string;
  /** The name's bytes as stored, kept to rebuild the archive byte for byte. */
  rawName: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Offset of the compressed data, past the local header. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

function endOfDirectory(bytes: Uint8Array, view: DataView): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

export function readZipDirectory(
  bytes: Uint8Array,
  limits: ZipLimits,
  errors: ZipErrors,
): ZipEntry[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw errors.corrupt('ce n’est pas une archive zip');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(bytes, view);
  if (eocd < 0) throw errors.corrupt('fin d’archive introuvable');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryStart = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryStart === 0xffffffff) {
    throw errors.corrupt('archive ZIP64 non prise en charge');
  }
  if (count > limits.maxEntries) {
    throw errors.bomb('[archive]', `contient ${count} fichiers (limite ${limits.maxEntries})`);
  }
  if (directoryStart + directorySize > eocd) throw errors.corrupt('répertoire tronqué');

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let declaredTotal = 0;
  let at = directoryStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) {
      throw errors.corrupt('répertoire illisible');
    }
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const localOffset = view.getUint32(at + 42, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = decoder.decode(rawName);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);

    if (localOffset + 30 > directoryStart || view.getUint32(localOffset, true) !== LOCAL) {
      throw errors.corrupt(`partie « ${name} » introuvable`);
    }
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > directoryStart) {
      throw errors.corrupt(`partie « ${name} » tronquée`);
    }
    if (method !== 0 && method !== 8) throw errors.corrupt(`compression inconnue pour « ${name} »`);
    if (method === 0 && size !== compressedSize) {
      throw errors.corrupt(`partie « ${name} » incohérente`);
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw errors.bomb(
        name,
        `porte le total décompressé au-delà de ${Math.round(limits.maxTotalBytes / MB)} Mo`,
      );
    }
    if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, compressedSize)) {
      throw errors.bomb(name, `se décompresse plus de ${limits.maxRatio} fois sa taille`);
    }
    entries.push({ name, rawName, method, compressedSize, size, dataStart });
  }
  return entries;
}
