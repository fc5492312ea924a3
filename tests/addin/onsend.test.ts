import { readFileSync } from 'node:fs';
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { MemoryMailboxHost, type MailSeed } from '../../addin/hosts/mailbox';
import { manifestSource } from '../../addin/manifest/source';
import { blockAlert, describeCounts, fitAlert, MAX_ALERT_CHARS } from '../../addin/onsend/alert';
import { decodeBase64 } from '../../addin/onsend/base64';
import { decideOnSend } from '../../addin/onsend/decide';
import { externalCount, parseDomains } from '../../addin/onsend/domains';
import {
  handleMessageSend,
  PANE_BUTTON_LABEL,
  type SendCompletion,
  type SendEvent,
} from '../../addin/onsend/handler';
import { outgoingText } from '../../addin/onsend/outgoing-text';
import {
  memoryStorage,
  NAMES_FALSE_POSITIVE_RATE,
  readOnSendSettings,
  settingKeys,
  writeInternalDomains,
  writeNamesFilter,
  type RoamingSettings,
} from '../../addin/onsend/settings';
import { sampleCompose } from '../../addin/taskpane/preview/sample-mailbox';
import {
  FINDING_TYPES,
  namesBloomFromPeople,
  namesIndexFromBloom as namesIndexOf,
  scan,
} from '../../shared/anonymisation';
import { peopleFromRecords, type ParcoursRecord } from '../../shared/parcours';
import { sampleCaseload } from '../../shared/samples';

const people = peopleFromRecords(sampleCaseload.records as ParcoursRecord[]);
const referenceDate = '2026-03-02';

/** office-addin-mock's Outlook event: `completed` records what the handler decided. */
function mockEvent() {
  const event = new OfficeMockObject({
    calls: [] as SendCompletion[],
    completed(this: { calls: SendCompletion[] }, options: SendCompletion) {
      this.calls.push(options);
    },
    host: 'outlook',
  }) as unknown as SendEvent & { calls: SendCompletion[] };
  event.calls = [];
  return event;
}

async function settingsWithCaseload(domains: string[] = ['nimes.fr']) {
  const storage = memoryStorage();
  await writeNamesFilter(
    { storage },
    namesBloomFromPeople(people, { falsePositiveRate: NAMES_FALSE_POSITIVE_RATE }),
  );
  await writeInternalDomains({ storage }, domains);
  return storage;
}

async function send(seed: MailSeed, options: { mailbox114?: boolean; domains?: string[] } = {}) {
  const storage = await settingsWithCaseload(options.domains);
  const event = mockEvent();
  await handleMessageSend(event, {
    host: () => new MemoryMailboxHost(seed),
    sources: () => ({ storage }),
    mailbox114: () => options.mailbox114 ?? true,
    referenceDate,
  });
  expect(event.calls).toHaveLength(1);
  return event.calls[0]!;
}

const message = (html: string, to = 'secretariat@cmp-nimes.org'): MailSeed => ({
  mode: 'compose',
  subject: 'Point de situation',
  to: [{ name: '', address: to }],
  html,
});

describe('on-send decision', () => {
  it('blocks a child’s name for an external partner, with counts and the pane button, no value', async () => {
    const completion = await send(sampleCompose);
    expect(completion).toMatchObject({
      allowEvent: false,
      cancelLabel: PANE_BUTTON_LABEL,
      commandId: manifestSource.outlook.composeCommand.id,
    });
    expect(completion.sendModeOverride).toBeUndefined();
    const text = completion.errorMessage!;
    expect(text.length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
    expect(text).toMatch(/1 destinataire hors de l’équipe/);
    expect(text).toMatch(/\d+ noms?\b/);
    expect(text).toMatch(/numéro de téléphone/);
    for (const value of ['Moussa', 'TRAOR', '06 12', 'cmp-nimes', 'Jean Bernard']) {
      expect(text).not.toContain(value);
    }
    expect(PANE_BUTTON_LABEL.length).toBeLessThanOrEqual(20);
  });

  it('blocks a valid NIR even without the caseload', async () => {
    const event = mockEvent();
    await handleMessageSend(event, {
      host: () =>
        new MemoryMailboxHost(
          message('<p>Son numéro de sécurité sociale : 2 17 02 30 189 042 15.</p>'),
        ),
      sources: () => ({}),
      mailbox114: () => false,
      referenceDate,
    });
    const [completion] = event.calls;
    expect(completion?.allowEvent).toBe(false);
    expect(completion?.errorMessage).toContain('numéro de sécurité sociale');
    expect(completion?.errorMessage).toContain('Noms de la file active indisponibles');
    // Before Mailbox 1.14: no pane button, the text says where to click instead.
    expect(completion?.commandId).toBeUndefined();
    expect(completion?.errorMessage).toContain('ruban');
  });

  it('lets the same message go to the team only (To, Cc, Bcc all internal)', async () => {
    const internal: MailSeed = {
      ...sampleCompose,
      to: [{ name: '', address: 'k.haddad@nimes.fr' }],
      cc: [],
      bcc: [{ name: '', address: 'direction@pre.nimes.fr' }],
    };
    expect(await send(internal)).toEqual({ allowEvent: true });
  });

  it('counts a Bcc recipient outside the team', async () => {
    const hidden: MailSeed = {
      ...sampleCompose,
      to: [{ name: '', address: 'k.haddad@nimes.fr' }],
      cc: [],
      bcc: [{ name: '', address: 'ami@gmail.com' }],
    };
    expect((await send(hidden)).allowEvent).toBe(false);
  });

  it('lets a clean message to a partner go', async () => {
    const clean = message(
      '<p>Bonjour,</p><p>La réunion du comité est déplacée au jeudi 12 mars.</p>',
    );
    expect(await send(clean)).toEqual({ allowEvent: true });
  });

  it('lets a pseudonymised message go', async () => {
    const coded = message(
      '<p>Je vous écris au sujet de <b>PRE-2025-002</b>. Pouvez-vous nous proposer un rendez-vous ?</p>',
    );
    expect(await send(coded)).toEqual({ allowEvent: true });
  });

  it('only prompts for quasi-identifiers, through sendModeOverride where available', async () => {
    const quasi = message(
      '<p>PRE-2025-002, 12 ans, élève de 6e au collège Jean Bernard, est suivi au CMP.</p>',
    );
    const prompted = await send(quasi);
    expect(prompted).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    expect(prompted.errorMessage).toMatch(/indices/);
    expect(prompted.errorMessage).toContain('1 âge, 1 établissement, 1 mention de santé');
    expect(await send(quasi, { mailbox114: false })).toEqual({ allowEvent: true });
  });

  it('reads a child’s name in the subject and in an attachment name', () => {
    const filter = namesBloomFromPeople(people, { falsePositiveRate: NAMES_FALSE_POSITIVE_RATE });
    const withNames = { internalDomains: ['nimes.fr'], referenceDate, names: namesIndexOf(filter) };
    const base = { body: 'Bonjour, voici le document.', recipients: ['a@cmp.org'] };
    expect(
      decideOnSend(
        { ...base, subject: 'Situation de Yasmine Ben Salah', attachmentNames: [] },
        withNames,
      ).action,
    ).toBe('block');
    expect(
      decideOnSend(
        { ...base, subject: 'Document', attachmentNames: ['bilan-aminata-ndiaye.pdf'] },
        withNames,
      ).action,
    ).toBe('block');
    expect(
      decideOnSend(
        { ...base, subject: 'Document', attachmentNames: ['ordre-du-jour.pdf'] },
        withNames,
      ),
    ).toEqual({ action: 'allow', why: 'rien-trouve' });
  });

  it('never hangs or crashes: an Outlook failure ends in a prompt with a French message', async () => {
    const event = mockEvent();
    await handleMessageSend(event, {
      host: () => {
        throw new Error('item unavailable');
      },
      sources: () => ({}),
      mailbox114: () => true,
    });
    expect(event.calls).toEqual([
      {
        allowEvent: false,
        errorMessage: expect.stringMatching(/n’a pas pu vérifier/),
        sendModeOverride: 'promptUser',
      },
    ]);
  });
});

describe('the alert text', () => {
  it('stays within 500 characters whatever is found', () => {
    const everything = Object.fromEntries(FINDING_TYPES.map((t) => [t, 123_456]));
    const text = blockAlert(999, everything, { paneButton: false, withCaseload: false });
    expect(text.length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
    expect(text.endsWith('…')).toBe(true);
    expect(fitAlert('court')).toBe('court');
    expect(fitAlert('mot '.repeat(200)).length).toBeLessThanOrEqual(MAX_ALERT_CHARS);
  });

  it('counts by type, singular and plural, most frequent first', () => {
    expect(describeCounts({ TELEPHONE: 1, PERSONNE: 3 })).toBe('3 noms, 1 numéro de téléphone');
  });
});

describe('internal domains and outgoing text', () => {
  it('parses the setting, keeps subdomains inside, counts no recipient as outside', () => {
    expect(parseDomains('@Nimes.fr, pre.nimes.fr;\nnimes.fr pas-un-domaine')).toEqual({
      domains: ['nimes.fr', 'pre.nimes.fr'],
      invalid: ['pas-un-domaine'],
    });
    expect(
      externalCount(['a@nimes.fr', 'b@ecole.nimes.fr', 'c@nimes.fr.evil.com'], ['nimes.fr']),
    ).toBe(1);
    expect(externalCount([], ['nimes.fr'])).toBe(1);
  });

  it('reads a phone number typed with no-break spaces', () => {
    const body = 'Au sujet de Moussa TRAORÉ : sa mère au 06\u00a012 34\u202f56 78.';
    expect(outgoingText('', body, []).text).toBe(
      'Au sujet de Moussa TRAORÉ : sa mère au 06 12 34 56 78.',
    );
    const verdict = decideOnSend(
      { subject: '', body, attachmentNames: [], recipients: ['a@cmp.org'] },
      { internalDomains: [], referenceDate },
    );
    expect(verdict).toMatchObject({ action: 'block', direct: { TELEPHONE: 1 } });
  });

  it('joins subject, body and attachment names, each with its range', () => {
    const out = outgoingText(' Objet ', 'Corps', ['bilan-lyna_ghalem.v2.pdf']);
    expect(out.text).toBe('Objet\n\nCorps\n\nbilan lyna ghalem v2');
    expect(out.parts.map((p) => out.text.slice(p.start, p.end))).toEqual([
      'Objet',
      'Corps',
      'bilan lyna ghalem v2',
    ]);
  });
});

describe('on-send settings', () => {
  it('keeps the names filter in OfficeRuntime.storage only, the domains in both places', async () => {
    const storage = memoryStorage();
    const roamed = new Map<string, unknown>();
    const roaming: RoamingSettings = {
      get: (name) => roamed.get(name),
      set: (name, value) => void roamed.set(name, value),
      saveAsync: (callback) => callback?.({ status: 'succeeded' }),
    };
    const filter = namesBloomFromPeople(people, { falsePositiveRate: NAMES_FALSE_POSITIVE_RATE });
    await writeNamesFilter({ storage, roaming }, filter, new Date('2026-03-02T08:00:00Z'));
    await writeInternalDomains({ storage, roaming }, ['nimes.fr']);
    expect([...roamed.keys()]).toEqual([settingKeys.domains]);
    const read = await readOnSendSettings({ storage, roaming });
    expect(read.internalDomains).toEqual(['nimes.fr']);
    expect(read.namesUpdatedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(read.names?.has('traore')).toBe(true);
    // Where OfficeRuntime is missing, the roaming settings still give the domains.
    expect(await readOnSendSettings({ roaming })).toEqual({ internalDomains: ['nimes.fr'] });
    // A caseload forgotten (locked store wiped): the filter goes away.
    await writeNamesFilter({ storage }, null);
    expect(storage.entries.has(settingKeys.names)).toBe(false);
  });

  it('ignores a corrupt filter or domains instead of failing the send', async () => {
    const storage = memoryStorage();
    await storage.setItem(settingKeys.names, 'bf1.7.abc.sel.@@@');
    await storage.setItem(settingKeys.domains, '{pas du json');
    expect(await readOnSendSettings({ storage })).toEqual({ internalDomains: [] });
  });

  it('holds about 10 KB for 1 000 children at the chosen false-positive rate', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'enfant' as const,
      code: `PRE-2025-${i}`,
      firstName: `Prenom${i}`,
      lastName: `Nom${i}`,
    }));
    const size = namesBloomFromPeople(many, {
      falsePositiveRate: NAMES_FALSE_POSITIVE_RATE,
    }).serialise().length;
    expect(size).toBeGreaterThan(5_000);
    expect(size).toBeLessThan(20_000);
  });

  it('at the chosen rate, adds no false name to the 40 KB dev corpus; 1 in 1 000 would', () => {
    const corpus = readFileSync('tests/fixtures/anonymisation/dev.jsonl', 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text)
      .join('\n\n');
    // 1 000 invented children whose names appear nowhere in the corpus.
    const syllables = ['ba', 'lo', 'mi', 're', 'ta', 'nu', 'se', 'ko', 'di', 'fa'];
    const invented = (i: number) =>
      `Zq${[i % 10, Math.floor(i / 10) % 10, Math.floor(i / 100) % 10].map((n) => syllables[n]).join('')}`;
    const children = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'enfant' as const,
      code: `PRE-2025-${i}`,
      firstName: `${invented(i)}a`,
      lastName: `${invented(999 - i)}o`,
    }));
    const names = (rate: number) =>
      scan(corpus, {
        names: namesIndexOf(
          namesBloomFromPeople(children, { falsePositiveRate: rate, salt: 'essai' }),
        ),
      }).findings.filter((f) => f.type === 'PERSONNE').length;
    const without = scan(corpus).findings.filter((f) => f.type === 'PERSONNE').length;
    expect(names(NAMES_FALSE_POSITIVE_RATE)).toBe(without);
    expect(names(1e-3)).toBeGreaterThan(without + 5);
  });

  it('decodes base64 like atob where the runtime has none', () => {
    const bytes = 'Passerelle \u00e9\u00ff\u0000';
    expect(decodeBase64(btoa(bytes))).toBe(bytes);
    expect(() => decodeBase64('@@')).toThrow();
  });
});
