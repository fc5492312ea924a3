/**
 * What the side panel and options page tell the background: a changed
 * caseload makes it read the names again (a child imported in the panel is
 * found in the webmail at once), and only the extension's own pages may say so.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { listen } from '../../extension/background/listen';
import { createBackgroundService } from '../../extension/background/service';
import type { ScanAnswer } from '../../extension/messages';
import { unlockStore } from '../../shared/store';
import { memoryDb, newStore, PASSPHRASE, sampleRecords } from '../store/helpers';

const tab = { tab: { id: 7 } as never, frameId: 0, id: fakeBrowser.runtime.id };
const extensionPage = { id: fakeBrowser.runtime.id, url: 'chrome-extension://x/sidepanel.html' };
const TEXT = 'Nous avons reçu Théo Marchetti hier.';

describe('panel notices to the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('«caseload-changed» makes the background read the names again', async () => {
    const options = memoryDb({ name: 'passerelle' });
    const store = await newStore(options);
    await store.putRecords(sampleRecords());
    store.close();
    listen(
      fakeBrowser,
      createBackgroundService({
        indexedDB: options.indexedDB,
        IDBKeyRange: options.IDBKeyRange,
        appendLocalLog: async () => undefined,
      }),
    );
    const send = async <T>(message: unknown, sender: object) =>
      (await fakeBrowser.runtime.onMessage.trigger(message, sender as never))[0] as T;
    await send({ kind: 'unlock', passphrase: PASSPHRASE }, extensionPage);
    const known = (answer: ScanAnswer) =>
      answer.findings.some((f) => f.type === 'PERSONNE' && /suivi/.test(f.label));
    expect(known(await send<ScanAnswer>({ kind: 'scan', editor: 'a', text: TEXT }, tab))).toBe(
      false,
    );

    // The side panel imports a child into the same IndexedDB.
    const panelStore = await unlockStore({ ...options, passphrase: PASSPHRASE });
    await panelStore.putRecords([
      { child: { firstName: 'Théo', lastName: 'Marchetti' }, status: 'attente_eps' },
    ]);
    panelStore.close();

    expect(await send({ kind: 'caseload-changed' }, tab)).toEqual({
      error: expect.stringContaining('Seules les pages de l’extension'),
    });
    expect(await send({ kind: 'caseload-changed' }, extensionPage)).toEqual({ done: true });
    expect(known(await send<ScanAnswer>({ kind: 'scan', editor: 'b', text: TEXT }, tab))).toBe(
      true,
    );
  });
});
