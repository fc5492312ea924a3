import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { OfficeMailboxHost, messageFromHost, type OutlookItem } from '../../addin/hosts/mailbox';
import { extractReferrals } from '../../shared/email';
import { PasserelleError } from '../../shared/parcours';

type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;
const ok = (value: unknown, callback: Callback) => callback({ status: 'succeeded', value });

/** An Outlook item over office-addin-mock (host: 'outlook': no load/sync, plain values). */
function mockedItem(item: Record<string, unknown>) {
  const mock = new OfficeMockObject({ ...item, host: 'outlook' }) as unknown as OutlookItem &
    Record<string, unknown>;
  return mock;
}

const lyna =
  'Je vous oriente Lyna GHALEM, née le 08/02/2017, élève de CE2 à l’école Jean Zay. Lyna a de grandes difficultés en lecture. Sa mère, Mme Siham GHALEM, est d’accord pour rencontrer le PRE ; elle est joignable au 06 58 31 27 40.';

function readItem() {
  return mockedItem({
    subject: 'Saisine PRE – élève de CE2',
    from: { displayName: 'Gilles Roumieux', emailAddress: 'Ce.0301245H@ac-montpellier.fr' },
    dateTimeCreated: new Date('2026-01-19T07:52:31Z'),
    to: [{ displayName: 'Réussite éducative', emailAddress: 'pre@nimes.fr' }],
    cc: [],
    attachments: [
      { id: 'a1', name: 'fiche.txt', contentType: 'text/plain', size: 5, isInline: false },
    ],
    getAttachmentContentAsync(id: string, callback: Callback) {
      ok({ format: 'base64', content: btoa(id === 'a1' ? 'Fiche' : '') }, callback);
    },
    body: {
      getAsync(coercion: string, callback: Callback) {
        ok(coercion === 'html' ? `<p>Bonjour,</p><p>${lyna}</p>` : `Bonjour,\n${lyna}`, callback);
      },
    },
  });
}

function composeItem(written: { html?: string; subject?: string }) {
  return mockedItem({
    subject: {
      getAsync: (cb: Callback) => ok(written.subject ?? 'Point sur Lyna', cb),
      setAsync(subject: string, cb: Callback) {
        written.subject = subject;
        ok(undefined, cb);
      },
    },
    to: {
      getAsync: (cb: Callback) => ok([{ displayName: 'CMP', emailAddress: 'cmp@cmp.org' }], cb),
    },
    cc: { getAsync: (cb: Callback) => ok([], cb) },
    bcc: {
      getAsync: (cb: Callback) => ok([{ displayName: '', emailAddress: 'Chef@Nimes.fr' }], cb),
    },
    getAttachmentsAsync(callback: Callback) {
      ok([{ id: 'x', name: 'bilan-lyna.pdf', size: 1200, attachmentType: 'file' }], callback);
    },
    body: {
      getAsync(coercion: string, callback: Callback) {
        ok(coercion === 'html' ? '<p><b>Lyna</b> GHALEM</p>' : 'Lyna GHALEM', callback);
      },
      setAsync(data: string, options: { coercionType: string }, callback: Callback) {
        if (options.coercionType === 'html') written.html = data;
        ok(undefined, callback);
      },
    },
  });
}

describe('OfficeMailboxHost (office-addin-mock)', () => {
  it('reads a received message: sender, date, recipients, bodies, attachments with content', async () => {
    const host = new OfficeMailboxHost(readItem());
    expect(host.mode).toBe('read');
    expect(await host.subject()).toBe('Saisine PRE – élève de CE2');
    expect(await host.from()).toEqual({
      name: 'Gilles Roumieux',
      address: 'ce.0301245h@ac-montpellier.fr',
    });
    expect(await host.date()).toBe('2026-01-19T07:52:31.000Z');
    expect(await host.recipients()).toEqual({
      to: [{ name: 'Réussite éducative', address: 'pre@nimes.fr' }],
      cc: [],
      bcc: [],
    });
    expect(await host.bodyHtml()).toContain('<p>Bonjour,</p>');
    expect(await host.bodyText()).toContain('Bonjour,\nJe vous oriente');
    const [attachment] = await host.attachments();
    expect(attachment?.name).toBe('fiche.txt');
    expect(new TextDecoder().decode(attachment?.content)).toBe('Fiche');
  });

  it('feeds the email core: the open referral gives a draft', async () => {
    const message = await messageFromHost(new OfficeMailboxHost(readItem()));
    const extraction = extractReferrals(message);
    expect(extraction.drafts).toHaveLength(1);
    expect(extraction.drafts[0]?.draft.child).toMatchObject({
      firstName: 'Lyna',
      lastName: 'GHALEM',
      birthDate: '2017-02-08',
    });
  });

  it('reads a message being written through getAsync, Bcc included, and writes its HTML body', async () => {
    const written: { html?: string; subject?: string } = {};
    const host = new OfficeMailboxHost(composeItem(written));
    expect(host.mode).toBe('compose');
    expect(await host.subject()).toBe('Point sur Lyna');
    expect(await host.from()).toBeUndefined();
    const recipients = await host.recipients();
    expect(recipients.to).toEqual([{ name: 'CMP', address: 'cmp@cmp.org' }]);
    expect(recipients.bcc).toEqual([{ name: '', address: 'chef@nimes.fr' }]);
    expect(await host.bodyText()).toBe('Lyna GHALEM');
    expect(await host.attachments()).toEqual([{ name: 'bilan-lyna.pdf', type: '', size: 1200 }]);
    await host.setBodyHtml('<p><b>PRE-2025-009</b></p>');
    expect(written.html).toBe('<p><b>PRE-2025-009</b></p>');
    await host.setSubject('Point sur PRE-2025-009');
    expect(await host.subject()).toBe('Point sur PRE-2025-009');
  });

  it('turns an Outlook failure into a French error, and refuses to write a received message', async () => {
    const failing = mockedItem({
      subject: {
        getAsync: (cb: Callback) => cb({ status: 'failed', error: { message: 'x' } }),
        setAsync: () => undefined,
      },
      to: [],
      cc: [],
      body: { getAsync: () => undefined },
    });
    const error = await new OfficeMailboxHost(failing).subject().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasserelleError);
    expect((error as PasserelleError).message).toMatch(/^Outlook n’a pas pu lire l’objet/);
    await expect(new OfficeMailboxHost(readItem()).setBodyHtml('<p>x</p>')).rejects.toThrow(
      'Ce message est en lecture',
    );
    await expect(new OfficeMailboxHost(readItem()).setSubject('x')).rejects.toThrow(
      'Ce message est en lecture',
    );
  });

  it('says so when no message is open', () => {
    expect(() => new OfficeMailboxHost()).toThrow('Aucun message n’est ouvert');
  });
});
