/**
 * The «this device had a caseload» flag, kept outside IndexedDB so that a
 * host emptying IndexedDB (storage pressure, a cleared cache, a reinstalled
 * add-in) is told apart from a first use. In Office webviews and in the
 * preview alike it lives in the pane origin's localStorage; a host that clears
 * both looks like a first use, which is why the setup screen asks for backups.
 */
import type { StoreMarker } from '../../shared/store';

export const markerKey = 'passerelle:file-active';

export function localStorageMarker(storage: Storage, key = markerKey): StoreMarker {
  return {
    read: () => storage.getItem(key) === 'oui',
    write: () => storage.setItem(key, 'oui'),
  };
}
