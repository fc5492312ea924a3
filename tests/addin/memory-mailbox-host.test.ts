import { describe, expect, it } from 'vitest';
import { MemoryMailboxHost, messageFromHost, recipientAddresses } from '../../addin/hosts/mailbox';
import { sampleCompose, sampleReceived } from '../../addin/taskpane/preview/sample-mailbox';
import { extractReferrals } from '../../shared/email';

describe('MemoryMailboxHost and the preview mailbox', () => {
  it('gives each sample referral the same drafts as the email core reads from the .eml', () => {
    const kinds = sampleReceived.map(async (seed) => {
      const extraction = extractReferrals(await messageFromHost(new MemoryMailboxHost(seed)));
      return extraction.drafts.map((d) => `${d.draft.child.firstName} ${d.draft.child.lastName}`);
    });
    return expect(Promise.all(kinds)).resolves.toEqual([
      ['Lyna GHALEM'],
      ['Mory BARRY'],
      ['Ayman OUAZZANI', 'Hafsa OUAZZANI'],
      [],
    ]);
  });

  it('keeps a written HTML body, gives its text, lists recipients To, Cc and Bcc', async () => {
    const host = new MemoryMailboxHost(sampleCompose);
    expect(host.mode).toBe('compose');
    expect(await host.bodyText()).toContain('Moussa TRAORÉ');
    await host.setBodyHtml('<p>Au sujet de <b>PRE-2025-002</b>.</p>');
    expect(await host.bodyText()).toBe('Au sujet de PRE-2025-002.');
    host.setRecipients({ bcc: [{ name: '', address: 'Direction@Nimes.fr' }] });
    expect(recipientAddresses(await host.recipients())).toEqual([
      'secretariat@cmp-nimes.org',
      's.martel@nimes.fr',
      'direction@nimes.fr',
    ]);
    // The seed itself is never changed.
    expect(sampleCompose.html).toContain('Moussa');
  });

  it('refuses to write into a received message', async () => {
    const host = new MemoryMailboxHost(sampleReceived[0]!);
    await expect(host.setBodyHtml('<p>x</p>')).rejects.toThrow('Ce message est en lecture');
    expect(await host.bodyText()).toContain('Lyna GHALEM');
  });
});
