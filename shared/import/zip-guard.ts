/**
 * Checks a zip archive (.xlsx, .ods) before any parser inflates it: the
 * directory must be whole, declared sizes within limits, and each part must
 * really inflate to its declared size — a zip bomb lies about its sizes, so
 * the real output is counted while streaming and cut at the declared size.
 * The parts, inflated once by the platform's native DecompressionStream, are
 * handed on as an uncompressed archive: SheetJS then skips its own (much
 * slower, JavaScript) inflation.
 */
import { PasserelleError } from '../parcours';
import type { ImportLimits } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
  rawName: Uint8Array;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

function corrupt(file: string | undefined, what: string): PasserelleError {
  return new PasserelleError(
    'import/corrupt',
    `le classeur est endommagé (${what}) : ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau puis réessayez.`,
    file ? { file } : {},
  );
}

function bomb(file: string | undefined): PasserelleError {
  return new PasserelleError(
    'import/zip-bomb',
    'le classeur se décompresse en une taille démesurée (archive piégée ou anormale) : il n’a pas été ouvert. Enregistrez les données dans un nouveau classeur.',
    file ? { file } : {},
  );
}

function readDirectory(bytes: Uint8Array, limits: ImportLimits, file?: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, 'fin d’archive introuvable');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryStart = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryStart === 0xffffffff)
    throw corrupt(file, 'archive ZIP64 non prise en charge');
  if (count > limits.maxZipEntries) throw bomb(file);
  if (directoryStart + directorySize > eocd) throw corrupt(file, 'répertoire tronqué');

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = directoryStart;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL)
      throw corrupt(file, 'répertoire illisible');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = decoder.decode(rawName);
    at += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > directoryStart || view.getUint32(localOffset, true) !== LOCAL)
      throw corrupt(file, `partie « ${name} » introuvable`);
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > directoryStart)
      throw corrupt(file, `partie « ${name} » tronquée`);
    if (method !== 0 && method !== 8) throw corrupt(file, `compression inconnue (${method})`);
    if (method === 0 && size !== compressedSize)
      throw corrupt(file, `partie « ${name} » incohérente`);
    declaredTotal += size;
    if (declaredTotal > limits.maxInflatedBytes) throw bomb(file);
    if (size > 1024 * 1024 && size > compressedSize * limits.maxCompressionRatio) throw bomb(file);
    entries.push({ name, rawName, method, compressedSize, size, dataStart });
  }
  return entries;
}

/** Inflates one part, counting the output; stops as soon as it exceeds its declared size. */
async function inflate(data: Uint8Array, declared: number): Promise<Uint8Array | undefined> {
  const stream = new Blob([data.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > declared) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export interface ZipPart {
  rawName: Uint8Array;
  data: Uint8Array;
}

/** Every part of the archive, checked and inflated. */
export async function inflateZip(
  bytes: Uint8Array,
  limits: ImportLimits,
  file?: string,
): Promise<ZipPart[]> {
  const parts: ZipPart[] = [];
  for (const entry of readDirectory(bytes, limits, file)) {
    const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) {
      parts.push({ rawName: entry.rawName, data: raw });
      continue;
    }
    let data: Uint8Array | undefined;
    try {
      data = await inflate(raw, entry.size);
    } catch {
      throw corrupt(file, `partie « ${entry.name} » illisible`);
    }
    if (!data) throw bomb(file);
    if (data.byteLength !== entry.size) throw corrupt(file, `partie « ${entry.name} » incomplète`);
    parts.push({ rawName: entry.rawName, data });
  }
  return parts;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** An uncompressed («stored») zip of the parts. */
export function storedZip(parts: ZipPart[]): Uint8Array {
  const localSize = parts.reduce((n, p) => n + 30 + p.rawName.length + p.data.length, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.rawName.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  let central = localSize;
  for (const part of parts) {
    const crc = crc32(part.data);
    const size = part.data.length;
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint32(at + 14, crc, true);
    view.setUint32(at + 18, size, true);
    view.setUint32(at + 22, size, true);
    view.setUint16(at + 26, part.rawName.length, true);
    out.set(part.rawName, at + 30);
    out.set(part.data, at + 30 + part.rawName.length);
    view.setUint32(central, CENTRAL, true);
    view.setUint16(central + 4, 20, true);
    view.setUint16(central + 6, 20, true);
    view.setUint32(central + 16, crc, true);
    view.setUint32(central + 20, size, true);
    view.setUint32(central + 24, size, true);
    view.setUint16(central + 28, part.rawName.length, true);
    view.setUint32(central + 42, at, true);
    out.set(part.rawName, central + 46);
    at += 30 + part.rawName.length + size;
    central += 46 + part.rawName.length;
  }
  view.setUint32(central, EOCD, true);
  view.setUint16(central + 8, parts.length, true);
  view.setUint16(central + 10, parts.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}
