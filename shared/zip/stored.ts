/** An uncompressed («stored») zip: parsers then skip their own, slower, JavaScript inflation. */
import { LOCAL } from './directory';
import type { ZipPart } from './inflate';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

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
