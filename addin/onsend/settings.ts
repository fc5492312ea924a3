/**
 * What the pane hands to the on-send handler, which cannot open the
 * encrypted store: the caseload's names as a salted Bloom filter and the
 * team's internal domains.
 *
 * - The filter goes to `OfficeRuntime.storage` only: kept on this computer
 *   (never in the mailbox on the server), shared by the pane and the
 *   handler's runtime, 10 MB where roaming settings allow 32 KB in all.
 * - The domains (not personal data, a few bytes) go to both
 *   `OfficeRuntime.storage` and the roaming settings: they follow the user
 *   to another computer and stay readable where `OfficeRuntime` is missing
 *   (classic Outlook on Windows, office-js issues #3312 and #6106).
 *
 * Without the filter the handler still decides, with validated identifiers
 * and names found by context; without domains every recipient is outside.
 */
import { BloomFilter } from '../../shared/anonymisation';

/** `OfficeRuntime.storage`, as far as Passerelle uses it (tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** `Office.context.roamingSettings`, as far as Passerelle uses it. */
export interface RoamingSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string }) => void): void;
}

export interface OnSendSources {
  storage?: KeyValueStorage;
  roaming?: RoamingSettings;
}

export const settingKeys = {
  names: 'passerelle.nomsFileActive',
  domains: 'passerelle.domainesInternes',
  namesUpdatedAt: 'passerelle.nomsFileActive.date',
} as const;

/**
 * Chance that a word absent from the caseload passes the filter. The scanner
 * looks up every word and the pairs and triples around it (≈ 3 lookups per
 * word, ≈ 9 000 for a 20 KB message): at 1 in 1 000 000 a long message is
 * wrongly blocked about once in a hundred, against about ten false names per
 * message at the usual 1 in 1 000 (measured on the 40 KB dev corpus: ≈ 20
 * false names at 1e-3, none at 1e-6). Cost: ≈ 29 bits per name word (5 to
 * 10 KB for 1 000 children with their families).
 */
export const NAMES_FALSE_POSITIVE_RATE = 1e-6;

export interface OnSendSettings {
  names?: BloomFilter;
  internalDomains: string[];
  /** When the pane last wrote the filter (ISO), to tell the user. */
  namesUpdatedAt?: string;
}

function domainsFrom(value: unknown): string[] | undefined {
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : undefined;
}

async function tryRead(storage: KeyValueStorage | undefined, key: string) {
  try {
    return (await storage?.getItem(key)) ?? null;
  } catch {
    return null;
  }
}

/** What the handler can read; a missing or unreadable part is left out, never thrown. */
export async function readOnSendSettings(sources: OnSendSources): Promise<OnSendSettings> {
  const [names, domains, updatedAt] = await Promise.all([
    tryRead(sources.storage, settingKeys.names),
    tryRead(sources.storage, settingKeys.domains),
    tryRead(sources.storage, settingKeys.namesUpdatedAt),
  ]);
  let filter: BloomFilter | undefined;
  if (names) {
    try {
      filter = BloomFilter.deserialise(names);
    } catch {
      filter = undefined; // an unreadable filter: decide from context, as without one
    }
  }
  let roaming: unknown;
  try {
    roaming = sources.roaming?.get(settingKeys.domains);
  } catch {
    roaming = undefined;
  }
  return {
    ...(filter ? { names: filter } : {}),
    internalDomains: domainsFrom(domains) ?? domainsFrom(roaming) ?? [],
    ...(filter && updatedAt ? { namesUpdatedAt: updatedAt } : {}),
  };
}

function saveRoaming(roaming: RoamingSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    roaming.saveAsync((result) =>
      result.status === 'succeeded' ? resolve() : reject(new Error('roaming settings not saved')),
    ),
  );
}

/** The pane, once the caseload is open: the names filter (or none, to forget it). */
export async function writeNamesFilter(
  sources: OnSendSources,
  filter: BloomFilter | null,
  now = new Date(),
): Promise<boolean> {
  if (!sources.storage) return false;
  if (!filter) {
    await sources.storage.removeItem(settingKeys.names);
    await sources.storage.removeItem(settingKeys.namesUpdatedAt);
    return true;
  }
  await sources.storage.setItem(settingKeys.names, filter.serialise());
  await sources.storage.setItem(settingKeys.namesUpdatedAt, now.toISOString());
  return true;
}

/** The «Domaines internes» setting, saved where the handler reads it. */
export async function writeInternalDomains(
  sources: OnSendSources,
  domains: readonly string[],
): Promise<void> {
  await sources.storage?.setItem(settingKeys.domains, JSON.stringify(domains));
  if (sources.roaming) {
    sources.roaming.set(settingKeys.domains, [...domains]);
    await saveRoaming(sources.roaming);
  }
}

/** A KeyValueStorage in memory: the preview's stand-in for `OfficeRuntime.storage`, and tests. */
export function memoryStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: async (key) => entries.get(key) ?? null,
    setItem: async (key, value) => void entries.set(key, value),
    removeItem: async (key) => void entries.delete(key),
  };
}
