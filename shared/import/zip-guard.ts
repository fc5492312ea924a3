/**
 * Checks a zip archive (.xlsx, .ods) before any parser inflates it: the
 * directory must be whole, declared sizes within limits, and each part must
 * really inflate to its declared size — a zip bomb lies about its sizes, so
 * the real output is counted while streaming and cut at the declared size.
 */
import { PasserelleError } from '../parcours';
import type { ImportLimits } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
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
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
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
    entries.push({ name, method, compressedSize, size, dataStart });
  }
  return entries;
}

/** Inflates one part, counting the output; stops as soon as it exceeds its declared size. */
async function realSize(data: Uint8Array, declared: number): Promise<number> {
  const stream = new Blob([data.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
    if (total > declared) {
      await reader.cancel();
      return total;
    }
  }
}

export async function checkZip(
  bytes: Uint8Array,
  limits: ImportLimits,
  file?: string,
): Promise<void> {
  const entries = readDirectory(bytes, limits, file);
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    let size: number;
    try {
      size = await realSize(
        bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize),
        entry.size,
      );
    } catch {
      throw corrupt(file, `partie « ${entry.name} » illisible`);
    }
    if (size > entry.size) throw bomb(file);
    if (size !== entry.size) throw corrupt(file, `partie « ${entry.name} » incomplète`);
  }
}
