/**
 * Zeroed byte arrays reused across scans: allocating a typed array costs more
 * than the work it serves on short texts (each keystroke in an editor scans one
 * paragraph). Each user owns a slot, so arrays in use at the same time never
 * share memory; scans are synchronous, so a slot is never borrowed twice at once.
 */
export const ScratchSlot = {
  KeepFirst: 0,
  Taken: 1,
  Joined: 2,
  LowerLines: 3,
  Covered: 4,
} as const;
type Slot = (typeof ScratchSlot)[keyof typeof ScratchSlot];

/** Larger arrays are not kept, so one huge text does not hold memory for good. */
const MAX_KEPT = 1 << 20;
const pool: Uint8Array[] = [];
/** Per slot, the length last handed out: only those bytes may have been written since. */
const lent: number[] = [];

/**
 * A zeroed array of at least `length` bytes, all zero beyond `length` too (reading
 * past the end gives 0, falsy like the `undefined` of an exact-size array).
 */
export function zeroedBytes(slot: Slot, length: number): Uint8Array {
  if (length > MAX_KEPT) return new Uint8Array(length);
  let bytes = pool[slot];
  if (!bytes || bytes.length < length) {
    bytes = new Uint8Array(Math.min(MAX_KEPT, Math.max(length, 4096, 2 * (bytes?.length ?? 0))));
    pool[slot] = bytes;
  } else {
    bytes.fill(0, 0, Math.max(length, lent[slot] ?? 0));
  }
  lent[slot] = length;
  return bytes;
}
