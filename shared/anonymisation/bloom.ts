/**
 * A salted Bloom filter of folded name tokens, serialisable to a short string
 * («bf1.k.m.salt.base64»). The salt keeps the bits useless for guessing names
 * from another team's filter; the filter never holds codes or full records.
 */
import { PasserelleError } from '../parcours';

/** FNV-1a 32-bit over UTF-16 code units, seeded. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function randomSalt(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class BloomFilter {
  private constructor(
    readonly bits: Uint8Array,
    /** Number of bits (m). */
    readonly size: number,
    /** Number of hash functions (k). */
    readonly hashes: number,
    readonly salt: string,
  ) {}

  /** Sized for `capacity` keys at the given false-positive rate. */
  static forCapacity(
    capacity: number,
    falsePositiveRate: number,
    salt = randomSalt(),
  ): BloomFilter {
    const n = Math.max(1, capacity);
    const m = Math.max(64, Math.ceil((-n * Math.log(falsePositiveRate)) / Math.LN2 ** 2));
    const k = Math.max(1, Math.round((m / n) * Math.LN2));
    return new BloomFilter(new Uint8Array(Math.ceil(m / 8)), m, k, salt);
  }

  /** Reads a filter written by `serialise`; a French error when the string is not one. */
  static deserialise(text: string): BloomFilter {
    const parts = text.split('.');
    const [tag, k, m, salt, data] = parts;
    const hashes = Number(k);
    const size = Number(m);
    const fail = () =>
      new PasserelleError(
        'anonymisation/bloom',
        'l’index compact des noms est illisible : régénérez-le depuis la file active.',
      );
    if (parts.length !== 5 || tag !== 'bf1' || !salt || data === undefined) throw fail();
    if (!Number.isInteger(hashes) || hashes < 1 || hashes > 64) throw fail();
    if (!Number.isInteger(size) || size < 8 || size > 1 << 28) throw fail();
    let binary: string;
    try {
      binary = atob(data);
    } catch {
      throw fail();
    }
    if (binary.length !== Math.ceil(size / 8)) throw fail();
    const bits = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new BloomFilter(bits, size, hashes, salt);
  }

  private positions(key: string): number[] {
    const salted = `${this.salt}|${key}`;
    const h1 = fnv1a(salted, 0);
    const h2 = fnv1a(salted, 0x9e3779b9) | 1;
    const out: number[] = [];
    for (let i = 0; i < this.hashes; i++) out.push((h1 + Math.imul(i, h2)) >>> 0);
    return out.map((p) => p % this.size);
  }

  add(key: string): void {
    for (const p of this.positions(key)) this.bits[p >> 3]! |= 1 << (p & 7);
  }

  has(key: string): boolean {
    return this.positions(key).every((p) => (this.bits[p >> 3]! & (1 << (p & 7))) !== 0);
  }

  serialise(): string {
    let binary = '';
    for (const byte of this.bits) binary += String.fromCharCode(byte);
    return `bf1.${this.hashes}.${this.size}.${this.salt}.${btoa(binary)}`;
  }
}
