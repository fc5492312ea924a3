/**
 * Keeps the on-send handler's copy of the caseload's names current: each
 * time the caseload is open in an Outlook view (and after a record is
 * saved), the pane writes a fresh salted Bloom filter of the names where the
 * handler reads it. Never the names themselves, never the codes.
 */
import { namesBloomFromPeople } from '../../../shared/anonymisation';
import type { CaseloadStore } from '../../../shared/store';
import {
  NAMES_FALSE_POSITIVE_RATE,
  writeNamesFilter,
  type OnSendSources,
} from '../../onsend/settings';

/** True when the filter was written (false where this Outlook has no OfficeRuntime.storage). */
export async function refreshOnSendNames(
  store: CaseloadStore,
  sources: OnSendSources,
): Promise<boolean> {
  const filter = namesBloomFromPeople(await store.knownPeople(), {
    falsePositiveRate: NAMES_FALSE_POSITIVE_RATE,
  });
  return writeNamesFilter(sources, filter);
}
