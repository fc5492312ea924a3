/**
 * The built `onsend.js` in a bare V8 context (node:vm): no require, no
 * import, no DOM, no atob, no timers, no storage — only the fake Office and
 * OfficeRuntime globals classic Outlook gives. Proves the single file runs
 * where Outlook runs it, registers the manifest's handler name, and blocks or
 * lets go as the decision says.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnSend } from '../../addin/build/onsend';
import { manifestSource } from '../../addin/manifest/source';
import { NAMES_FALSE_POSITIVE_RATE, settingKeys } from '../../addin/onsend/settings';
import { namesBloomFromPeople } from '../../shared/anonymisation';
import { peopleFromRecords, type ParcoursRecord } from '../../shared/parcours';
import { sampleCaseload } from '../../shared/samples';

type Callback = (result: { status: string; value: unknown }) => void;
type Handler = (event: { completed(options: Record<string, unknown>): void }) => void;

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'passerelle-onsend-'));
  bundle = readFileSync(await buildOnSend(process.cwd(), outDir), 'utf8');
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const filter = namesBloomFromPeople(peopleFromRecords(sampleCaseload.records as ParcoursRecord[]), {
  falsePositiveRate: NAMES_FALSE_POSITIVE_RATE,
}).serialise();

/** Loads the bundle into a fresh bare context with a compose item; returns the registered handlers. */
function load(item: { to: string[]; body: string; subject?: string }, stored: Map<string, string>) {
  const handlers = new Map<string, Handler>();
  const recipients = (list: string[]) => ({
    getAsync: (cb: Callback) =>
      cb({ status: 'succeeded', value: list.map((a) => ({ displayName: '', emailAddress: a })) }),
  });
  const Office = {
    actions: { associate: (name: string, handler: Handler) => handlers.set(name, handler) },
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) =>
          set === 'Mailbox' && Number(version) <= 1.14,
      },
      mailbox: {
        item: {
          subject: {
            getAsync: (cb: Callback) => cb({ status: 'succeeded', value: item.subject ?? 'Point' }),
          },
          to: recipients(item.to),
          cc: recipients([]),
          bcc: recipients([]),
          body: {
            getAsync: (_type: string, cb: Callback) =>
              cb({ status: 'succeeded', value: item.body }),
          },
          getAttachmentsAsync: (cb: Callback) => cb({ status: 'succeeded', value: [] }),
        },
      },
    },
  };
  const OfficeRuntime = {
    storage: {
      getItem: async (key: string) => stored.get(key) ?? null,
      setItem: async () => undefined,
      removeItem: async () => undefined,
    },
  };
  const context = createContext({ Office, OfficeRuntime });
  runInContext(bundle, context, { filename: 'onsend.js' });
  return { handlers, context };
}

function run(handler: Handler | undefined) {
  return new Promise<Record<string, unknown>>((resolve) => handler?.({ completed: resolve }));
}

describe('onsend.js in a bare V8 context', () => {
  it('is one classic script that touches no storage of the page and never waits for onReady', () => {
    for (const forbidden of [
      'localStorage',
      'indexedDB',
      'onReady',
      'fetch(',
      'XMLHttpRequest',
      'document.',
    ]) {
      expect(bundle, forbidden).not.toContain(forbidden);
    }
    expect(bundle).not.toMatch(/\bimport\s*[("'`{]|\brequire\(/);
    // The manifest's names, not the whole manifest source (package.json).
    expect(bundle).not.toContain('devDependencies');
  });

  it('registers the manifest’s function name and blocks a child’s name going to a partner', async () => {
    const stored = new Map([
      [settingKeys.names, filter],
      [settingKeys.domains, JSON.stringify(['nimes.fr'])],
    ]);
    const { handlers, context } = load(
      {
        to: ['secretariat@cmp-nimes.org'],
        body: 'Bonjour,\nJe vous écris au sujet de Yasmine Ben Salah.\nCordialement',
      },
      stored,
    );
    expect([...handlers.keys()]).toEqual([manifestSource.outlook.onSend.functionName]);
    const completion = await run(handlers.get(manifestSource.outlook.onSend.functionName));
    expect(completion).toMatchObject({
      allowEvent: false,
      commandId: manifestSource.outlook.composeCommand.id,
      cancelLabel: 'Ouvrir Passerelle',
    });
    expect(String(completion.errorMessage)).toContain('1 nom');
    expect(String(completion.errorMessage)).not.toMatch(/Yasmine|Salah/);
    // Nothing leaked into the runtime's globals beyond what the script defines.
    expect(Object.keys(context).sort()).toEqual(['Office', 'OfficeRuntime', 'atob']);
  });

  it('lets the same message go inside the team, and a clean one go outside', async () => {
    const stored = new Map([
      [settingKeys.names, filter],
      [settingKeys.domains, JSON.stringify(['nimes.fr'])],
    ]);
    const body = 'Bonjour,\nJe vous écris au sujet de Yasmine Ben Salah.';
    const inside = load({ to: ['k.haddad@nimes.fr'], body }, stored);
    expect(await run(inside.handlers.get('onMessageSendHandler'))).toEqual({ allowEvent: true });
    const clean = load(
      { to: ['secretariat@cmp-nimes.org'], body: 'La réunion est reportée.' },
      stored,
    );
    expect(await run(clean.handlers.get('onMessageSendHandler'))).toEqual({ allowEvent: true });
  });

  it('without OfficeRuntime storage content, still blocks a valid NIR', async () => {
    const { handlers } = load(
      { to: ['a@caf.fr'], body: 'NIR de l’enfant : 2 17 02 30 189 042 15' },
      new Map(),
    );
    const completion = await run(handlers.get('onMessageSendHandler'));
    expect(completion.allowEvent).toBe(false);
    expect(String(completion.errorMessage).length).toBeLessThanOrEqual(500);
  });
});
