/**
 * The preview's mailbox (invented people): the sample referral emails of the
 * email corpus, read from `tests/fixtures/email` by the email core into
 * `sample-mail.json` (three referrals and a meeting invitation), and a
 * message being written to a partner outside the team that still names a
 * child of the sample caseload.
 */
import { MemoryMailboxHost, type MailSeed } from '../../hosts/mailbox';
import type { OutlookAdapters } from '../../hosts/mailbox/outlook-adapters';
import { memoryStorage, writeInternalDomains } from '../../onsend/settings';
import received from './sample-mail.json';

export const sampleReceived: readonly MailSeed[] = received as MailSeed[];

/** The team's domain in the sample data (the sample referrals go to …@nimes.fr). */
export const sampleInternalDomains: readonly string[] = ['nimes.fr'];

export const sampleCompose: MailSeed = {
  mode: 'compose',
  subject: 'Point sur la situation de Moussa',
  to: [{ name: 'Secrétariat CMP', address: 'secretariat@cmp-nimes.org' }],
  cc: [{ name: 'Sonia Martel', address: 's.martel@nimes.fr' }],
  html: [
    '<p>Bonjour,</p>',
    '<p>Je vous écris au sujet de <b>Moussa TRAORÉ</b>, élève au collège Jean Bernard.</p>',
    '<p>Sa mère souhaite un rendez-vous au CMP&nbsp;; elle est joignable au 06 12 34 56 78.</p>',
    '<p>Bien cordialement,</p>',
    '<p>Sonia Martel<br>Référente de parcours, PRE de Nîmes</p>',
  ].join('\n'),
  attachments: [{ name: 'compte-rendu-eps.pdf', type: 'application/pdf', size: 48_213 }],
};

/** The preview's Outlook: the samples, and an in-memory stand-in for `OfficeRuntime.storage`. */
export function previewOutlook(): OutlookAdapters & { compose: MemoryMailboxHost } {
  const storage = memoryStorage();
  void writeInternalDomains({ storage }, sampleInternalDomains);
  return {
    received: sampleReceived.map((seed) => ({
      label: seed.subject,
      host: new MemoryMailboxHost(seed),
    })),
    compose: new MemoryMailboxHost(sampleCompose),
    onSend: { storage },
  };
}
