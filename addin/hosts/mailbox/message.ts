/**
 * The open item as the email core's `MailMessage`, so «Créer un parcours
 * depuis ce message» runs the same extractor as `passerelle extract`.
 */
import type { MailMessage } from '../../../shared/email';
import type { MailboxHost } from './mailbox-host';

const isCalendar = (a: { name: string; type: string }) =>
  a.type === 'text/calendar' || /\.ics$/i.test(a.name);

export async function messageFromHost(host: MailboxHost): Promise<MailMessage> {
  const [subject, from, date, recipients, html, text, attachments] = await Promise.all([
    host.subject(),
    host.from(),
    host.date(),
    host.recipients(),
    host.bodyHtml(),
    host.bodyText(),
    host.attachments(),
  ]);
  return {
    subject,
    ...(from ? { from } : {}),
    ...(date ? { date } : {}),
    to: recipients.to,
    cc: recipients.cc,
    ...(html.trim() ? { html } : {}),
    ...(text.trim() ? { text } : {}),
    attachments,
    ...(attachments.some(isCalendar) ? { calendar: true } : {}),
  };
}
