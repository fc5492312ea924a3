import { describe, expect, it } from 'vitest';
import { htmlText, replaceInHtml } from '../../addin/taskpane/outlook/html-body';
import {
  correctedDraft,
  draftFields,
  markValue,
  newRecordInput,
  withChanges,
} from '../../addin/taskpane/outlook/draft-fields';
import { MemoryMailboxHost, messageFromHost } from '../../addin/hosts/mailbox';
import { sampleReceived } from '../../addin/taskpane/preview/sample-mailbox';
import { decideOnSend } from '../../addin/onsend/decide';
import { plainSpaces } from '../../addin/onsend/outgoing-text';
import { extractReferrals } from '../../shared/email';
import { namesIndexFromPeople, pseudonymise } from '../../shared/anonymisation';
import { peopleFromRecords, type ParcoursRecord } from '../../shared/parcours';
import { sampleCaseload } from '../../shared/samples';

const records = sampleCaseload.records as ParcoursRecord[];
const names = namesIndexFromPeople(peopleFromRecords(records));

describe('HTML body rewritten through its text', () => {
  const html =
    '<html><head><style>p{color:red}</style></head><body><p class=MsoNormal>Au sujet de <b>Moussa</b>&nbsp;TRAOR&Eacute;, coll&egrave;ge Jean Bernard.<o:p></o:p></p><p>Sa m&egrave;re&nbsp;: 06&nbsp;12 34 56 78</p><!-- <p>Moussa</p> --></body></html>';

  it('reads the text a person sees: entities decoded, one line per paragraph, no style or comment', () => {
    expect(htmlText(html).text).toBe(
      'Au sujet de Moussa\u00a0TRAORÉ, collège Jean Bernard.\nSa mère\u00a0: 06\u00a012 34 56 78\n',
    );
  });

  it('pseudonymises keeping the markup: a bold name becomes a bold code', () => {
    const body = htmlText(html);
    const result = pseudonymise(plainSpaces(body.text), { names, referenceDate: '2026-03-02' });
    const out = replaceInHtml(body, result.replacements);
    expect(out).toContain('<b>PRE-2025-002</b>');
    expect(out.replace('<!-- <p>Moussa</p> -->', '')).not.toMatch(/Moussa|TRAOR|06 12/);
    expect(out).toContain('<p class=MsoNormal>');
    expect(out).toContain('<style>p{color:red}</style>');
    expect(out).toContain('<!-- <p>Moussa</p> -->'); // a comment is not shown, left as written
    expect(plainSpaces(htmlText(out).text)).toBe(result.text);
  });

  it('leaves an untouched body byte for byte', () => {
    expect(replaceInHtml(htmlText(html), [])).toBe(html);
  });
});

describe('a referral in the pane', () => {
  it('lists each value with the sentence it came from, the value marked', async () => {
    const extraction = extractReferrals(
      await messageFromHost(new MemoryMailboxHost(sampleReceived[0]!)),
    );
    const [proposal] = extraction.drafts;
    const fields = draftFields(proposal!.draft, proposal!.provenance);
    const birth = fields.find((f) => f.path === 'child.birthDate');
    expect(birth).toMatchObject({
      label: 'Date de naissance',
      value: '2017-02-08',
      editable: true,
    });
    expect(birth?.provenance?.excerpt).toContain('née le 08/02/2017');
    const lastName = fields.find((f) => f.path === 'child.lastName')!;
    expect(markValue(lastName.provenance!.excerpt, 'Ghalem')?.match).toBe('GHALEM');
    expect(markValue(birth!.provenance!.excerpt, '2017-02-08')?.match).toBe('08/02/2017');
    const phone = fields.find((f) => f.path === 'guardians.0.phone')!;
    expect(markValue(phone.provenance!.excerpt, '+33658312740')?.match).toBe('06 58 31 27 40');
    expect(markValue('rien à voir', 'Lyna')).toBeNull();
    expect(fields.find((f) => f.path === 'guardians.0.phone')?.label).toMatch(/Téléphone/);
  });

  it('applies corrections by key, makes a new «repéré» record without the stated age', () => {
    const draft = {
      child: { firstName: 'Lina', lastName: 'Ghalem', age: 8 },
      guardians: [{ firstName: 'Siham', phone: '+33658312740' }],
    };
    const corrected = correctedDraft(draft, { 'child.firstName': 'Lyna', 'guardians.0.phone': '' });
    expect(corrected).toEqual({
      child: { firstName: 'Lyna', lastName: 'Ghalem', age: 8 },
      guardians: [{ firstName: 'Siham' }],
    });
    expect(newRecordInput(corrected)).toEqual({
      child: { firstName: 'Lyna', lastName: 'Ghalem' },
      guardians: [{ firstName: 'Siham' }],
      status: 'repere',
    });
  });

  it('updates an existing record with the accepted changes only', () => {
    const record = records[1]!;
    const updated = withChanges(record, [
      { field: 'child.grade', current: record.child.grade, proposed: '5e' },
    ]);
    expect(updated.child.grade).toBe('5e');
    expect(updated.code).toBe(record.code);
    expect(updated.child.firstName).toBe(record.child.firstName);
  });
});

describe('the preview’s compose message', () => {
  it('is blocked as written, and passes once pseudonymised', async () => {
    const { sampleCompose } = await import('../../addin/taskpane/preview/sample-mailbox');
    const host = new MemoryMailboxHost(sampleCompose);
    const recipients = ['secretariat@cmp-nimes.org', 's.martel@nimes.fr'];
    const message = async () => ({
      subject: await host.subject(),
      body: await host.bodyText(),
      attachmentNames: (await host.attachments()).map((a) => a.name),
      recipients,
    });
    const context = { internalDomains: ['nimes.fr'], names, referenceDate: '2026-03-02' };
    expect(decideOnSend(await message(), context).action).toBe('block');
    const body = htmlText(await host.bodyHtml());
    await host.setBodyHtml(replaceInHtml(body, pseudonymise(body.text, context).replacements));
    await host.setSubject(pseudonymise(await host.subject(), context).text);
    expect(decideOnSend(await message(), context).action).not.toBe('block');
  });
});
