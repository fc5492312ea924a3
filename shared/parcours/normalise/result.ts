/** What a normaliser returns: a typed value, or a French reason the user can act on. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; reason: string };

export const accept = <T>(value: T): Normalised<T> => ({ ok: true, value });
export const reject = <T = never>(reason: string): Normalised<T> => ({ ok: false, reason });
