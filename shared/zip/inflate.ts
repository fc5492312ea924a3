/** Inflating parts without trusting their headers: the output is counted and cut. */
import { PasserelleError } from '../parcours';
import { readZipDirectory, type ZipEntry, type ZipErrors, type ZipLimits } from './directory';

/** The most deflate can expand data (RFC 1951: 258 bytes from about 2 bits). */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipPart {
  rawName: Uint8Array;
  data: Uint8Array;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * One part's bytes, inflated when deflated; stops as soon as the output
 * outgrows the declared size. With `keep: false` only the size is checked.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  errors: ZipErrors,
  keep = true,
): Promise<Uint8Array> {
  const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return raw;
  const reader = new Blob([raw.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > entry.size) {
        await reader.cancel();
        throw errors.bomb(entry.name, 'se décompresse au-delà de la taille annoncée');
      }
      if (keep) chunks.push(value);
    }
  } catch (error) {
    if (error instanceof PasserelleError) throw error;
    throw errors.corrupt(`partie « ${entry.name} » illisible`);
  }
  if (keep && total !== entry.size) throw errors.corrupt(`partie « ${entry.name} » incomplète`);
  return keep ? concat(chunks, total) : raw;
}

/** Every part of the archive, checked and inflated. */
export async function inflateZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  errors: ZipErrors,
): Promise<ZipPart[]> {
  const parts: ZipPart[] = [];
  for (const entry of readZipDirectory(bytes, limits, errors)) {
    parts.push({ rawName: entry.rawName, data: await inflateEntry(bytes, entry, errors) });
  }
  return parts;
}

/**
 * Checks that no part inflates beyond its header, for a caller whose parser
 * inflates the parts itself. Deflate cannot expand more than 1032 to one: small
 * parts whose worst case stays under `harmlessBytes` need no streaming check
 * (as long as their worst cases add up within the total); the others are
 * streamed side by side.
 */
export async function checkInflation(
  bytes: Uint8Array,
  limits: ZipLimits & { harmlessBytes: number },
  errors: ZipErrors,
): Promise<ZipEntry[]> {
  const entries = readZipDirectory(bytes, limits, errors);
  let unchecked = 0;
  const suspects = entries.filter((entry) => {
    if (entry.method === 0) return false;
    const worst = entry.compressedSize * MAX_DEFLATE_RATIO;
    if (worst > limits.harmlessBytes) return true;
    unchecked += worst;
    return false;
  });
  const streamed = unchecked > limits.maxTotalBytes ? entries : suspects;
  await Promise.all(streamed.map((entry) => inflateEntry(bytes, entry, errors, false)));
  return entries;
}
