/**
 * Outlook on-send: the decision on a 20 KB message (dev corpus texts, one
 * child of the caseload named in it) with a 1 000-child caseload as the
 * handler sees it (salted Bloom filter), first as a pure function (beside
 * the core's scan of the same text without caseload), then the whole
 * handler (item read through OfficeMailboxHost, filter read from storage
 * and decoded, `event.completed`; beside turning the same body's HTML into
 * text), each baseline measured in the same run. (Not in a node:vm context:
 * its global lookups are many times slower than any real runtime's; the
 * tests run the bundle there for correctness.) And the handler bundle's size
 * beside the anonymisation core bundled alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOnSend } from '../../addin/build/onsend';
import { browserTargets } from '../../addin/build/build';
import { loadEsbuild } from '../../addin/build/project';
import { decideOnSend } from '../../addin/onsend/decide';
import { handleMessageSend } from '../../addin/onsend/handler';
import {
  memoryStorage,
  NAMES_FALSE_POSITIVE_RATE,
  writeInternalDomains,
  writeNamesFilter,
} from '../../addin/onsend/settings';
import { OfficeMailboxHost, textToHtml, type OutlookItem } from '../../addin/hosts/mailbox';
import { BloomFilter, namesBloomFromPeople, namesIndexFromBloom } from '../../shared/anonymisation';
import { htmlToText } from '../../shared/email';
import { scan } from '../../shared/anonymisation';
import type { KnownPerson } from '../../shared/parcours';
import { time, type Bench } from './harness';

const FIRST = [
  'Lyna',
  'Moussa',
  'Inès',
  'Enzo',
  'Yasmine',
  'Ibrahim',
  'Chloé',
  'Aminata',
  'Théo',
  'Sofia',
  'Nolan',
  'Maëlys',
  'Rayane',
  'Jade',
  'Ilyes',
  'Lou',
  'Adam',
  'Léna',
  'Sacha',
  'Nour',
];
const SYLLABLES = ['BA', 'LO', 'MI', 'RE', 'TA', 'NU', 'SE', 'KO', 'DI', 'FA', 'GHA', 'ZOU'];

/** An invented surname per index: three syllables, 1 728 distinct. */
const lastName = (i: number) =>
  [i % 12, Math.floor(i / 12) % 12, Math.floor(i / 144) % 12].map((s) => SYLLABLES[s]).join('');

/** 1 000 invented children and a guardian each (2 000 people, ≈ 1 000 distinct surnames). */
function caseload(): KnownPerson[] {
  const people: KnownPerson[] = [];
  for (let i = 0; i < 1000; i++) {
    const code = `PRE-2025-${String(i + 1).padStart(3, '0')}`;
    people.push({
      kind: 'enfant',
      code,
      firstName: FIRST[i % FIRST.length]!,
      lastName: lastName(i),
    });
    people.push({
      kind: 'responsable',
      code,
      firstName: FIRST[(i * 7 + 3) % FIRST.length]!,
      lastName: lastName(i),
    });
  }
  return people;
}

function message20k(): string {
  const texts = readFileSync(join(process.cwd(), 'tests/fixtures/anonymisation/dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  let out = `Bonjour,\nJe vous écris au sujet de Lyna ${lastName(0)}, suivie depuis janvier.\n\n`;
  for (let i = 0; out.length < 20 * 1024; i++) out += `${texts[i % texts.length]}\n\n`;
  return out.slice(0, 20 * 1024);
}

type Callback = (result: { status: string; value: unknown }) => void;

/** A compose item as Office.js gives it, holding `body`, going to a partner outside the team. */
function composeItem(body: string): OutlookItem {
  const ok = (value: unknown, cb: Callback) => cb({ status: 'succeeded', value });
  return {
    subject: {
      getAsync: (cb: Callback) => ok('Point de situation', cb),
      setAsync: () => undefined,
    },
    to: { getAsync: (cb: Callback) => ok([{ emailAddress: 'secretariat@cmp.org' }], cb) },
    cc: { getAsync: (cb: Callback) => ok([], cb) },
    bcc: { getAsync: (cb: Callback) => ok([], cb) },
    body: { getAsync: (_type: string, cb: Callback) => ok(body, cb) },
    getAttachmentsAsync: (cb: Callback) => ok([], cb),
  } as unknown as OutlookItem;
}

/** The anonymisation core's `scan` bundled alone, the same way: what the handler adds to it. */
async function coreAlone(): Promise<Uint8Array> {
  const result = await loadEsbuild().build({
    stdin: {
      contents: "import { scan } from './shared/anonymisation'; globalThis.scan = scan;",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    target: browserTargets,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

export const outlookBench: Bench = {
  name: 'Outlook, vérification à l’envoi',
  async run() {
    const people = caseload();
    const filter = namesBloomFromPeople(people, { falsePositiveRate: NAMES_FALSE_POSITIVE_RATE });
    const serialised = filter.serialise();
    const body = message20k();
    const html = textToHtml(body);
    const context = {
      internalDomains: ['nimes.fr'],
      names: namesIndexFromBloom(BloomFilter.deserialise(serialised)),
    };
    const input = {
      subject: 'Point de situation',
      body,
      attachmentNames: [],
      recipients: ['a@cmp.org'],
    };
    if (decideOnSend(input, context).action !== 'block') {
      throw new Error('banc : le message de 20 Ko devrait être bloqué');
    }

    const storage = memoryStorage();
    await writeNamesFilter({ storage }, BloomFilter.deserialise(serialised));
    await writeInternalDomains({ storage }, ['nimes.fr']);
    const item = composeItem(body);
    const viaHandler = () =>
      new Promise<void>(
        (resolve, reject) =>
          void handleMessageSend(
            {
              completed: (o) =>
                o?.allowEvent === false ? resolve() : reject(new Error('banc : envoi non bloqué')),
            },
            {
              host: () => new OfficeMailboxHost(item),
              sources: () => ({ storage }),
              mailbox114: () => true,
            },
          ),
      );

    const outDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-onsend-'));
    try {
      const bundle = readFileSync(await buildOnSend(process.cwd(), outDir));
      const plainScan = await time(() => scan(body), 100, 10);
      const decision = await time(() => decideOnSend(input, context), 100, 10);
      const baseline = await time(() => htmlToText(html), 100, 10);
      const full = await time(viaHandler, 100, 10);
      const core = await coreAlone();
      const kb = (n: number) => n / 1024;
      return [
        {
          name: 'décision à l’envoi, 20 Ko, 1 000 enfants (filtre de Bloom, p95)',
          value: decision.p95,
          unit: 'ms',
          baseline: { name: 'scan du même texte sans file active', value: plainScan.p95 },
          target: '< 50 ms',
          pass: decision.p95 < 50,
        },
        {
          name: 'gestionnaire complet : message, filtre lu et décodé, décision (p95)',
          value: full.p95,
          unit: 'ms',
          baseline: { name: 'htmlToText du même corps', value: baseline.p95 },
          target: '< 50 ms',
          pass: full.p95 < 50,
        },
        {
          name: 'onsend.js, taille',
          value: kb(bundle.length),
          unit: 'Ko',
          baseline: { name: 'scan seul', value: kb(core.length) },
          target: '≤ 300 Ko',
          pass: bundle.length <= 300 * 1024,
        },
        {
          name: 'onsend.js, taille gzip',
          value: kb(gzipSync(bundle).length),
          unit: 'Ko',
          baseline: { name: 'scan seul', value: kb(gzipSync(core).length) },
          target: '≤ 100 Ko',
          pass: gzipSync(bundle).length <= 100 * 1024,
        },
        {
          name: `filtre de Bloom, 1 000 enfants (${people.length} personnes)`,
          value: kb(serialised.length),
          unit: 'Ko',
          target: '≤ 32 Ko (limite des paramètres itinérants)',
          pass: serialised.length <= 32 * 1024,
        },
      ];
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
