/**
 * Bad and hostile input: truncated MIME, wrong charset labels, a 20 MB
 * attachment, deeply nested multiparts, HTML with scripts and trackers, random
 * bytes. Each gives a clear French error or best-effort text, never a crash,
 * a hang or a network call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractReferrals, htmlToText, readMailFile } from '../../shared/email';
import { isPasserelleError } from '../../shared/parcours';
import { buildEml } from './build-eml';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../fixtures/email', name)));
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Reads and extracts; resolves to the extraction or to the PasserelleError thrown. */
async function attempt(bytes: Uint8Array) {
  try {
    return extractReferrals(await readMailFile(bytes, 'test.eml'));
  } catch (error) {
    if (!isPasserelleError(error)) throw error;
    return error;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('hostile and broken messages', () => {
  it('reads what it can of a truncated message, at every cut', async () => {
    const whole = fixture('exemple-caf-minuit.eml');
    for (let cut = 0; cut < whole.length; cut += 97) {
      const result = await attempt(whole.subarray(0, cut));
      if (isPasserelleError(result)) expect(result.message).toMatch(/courriel|fichier/);
    }
    const half = await attempt(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(isPasserelleError(half) ? [] : half.drafts.map((d) => d.draft.child.firstName)).toEqual([
      'Octave',
    ]);
  });

  it('reads a body whose charset label is unknown or wrong', async () => {
    const unknown = ascii(
      `From: a@ac-nice.fr\r\nSubject: test\r\nContent-Type: text/plain; charset=x-charset-inconnu\r\n\r\nJe vous oriente Lucas DUPONT, 9 ans, en CE2.`,
    );
    const read = await attempt(unknown);
    expect(isPasserelleError(read) ? read.message : read.text).toContain('Lucas DUPONT');
    const latin1AsUtf8 = new Uint8Array([
      ...ascii(
        'From: a@ac-nice.fr\r\nSubject: test\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n',
      ),
      ...ascii('Je vous oriente Lucas DUPONT, n\xe9 le 03/04/2016, \xe9l\xe8ve de CE2.'),
    ]);
    const best = await attempt(latin1AsUtf8);
    expect(isPasserelleError(best)).toBe(false);
    if (!isPasserelleError(best)) expect(best.drafts[0]?.draft.child.firstName).toBe('Lucas');
  });

  it('lists a 20 MB attachment without keeping its bytes', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).map((_, i) => i % 251);
    const bytes = buildEml({
      text: 'Bonjour,\n\nJe vous oriente Lucas DUPONT, 9 ans, en CE2 : il ne lit pas encore.\n\nClaire Roux\nDirectrice',
      attachments: [{ name: 'scan.pdf', type: 'application/pdf', content: big }],
    });
    const message = await readMailFile(bytes);
    expect(message.attachments[0]).toMatchObject({ name: 'scan.pdf', size: big.length });
    expect(message.attachments[0]!.content).toBeUndefined();
    expect(extractReferrals(message).drafts).toHaveLength(1);
  });

  it('refuses deeply nested multiparts in French, and reads reasonable nesting', async () => {
    const nested = (depth: number) => {
      let body =
        'Content-Type: text/plain; charset=utf-8\r\n\r\nJe vous oriente Lucas DUPONT, 9 ans, en CE2.\r\n';
      for (let i = 0; i < depth; i++)
        body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
      return ascii(`From: a@ac-nice.fr\r\nSubject: test\r\n${body}`);
    };
    const deep = await attempt(nested(500));
    expect(isPasserelleError(deep) && deep.code).toBe('email/too-nested');
    expect(isPasserelleError(deep) && deep.message).toMatch(/niveaux de parties imbriquées/);
    const fine = await attempt(nested(10));
    expect(isPasserelleError(fine) ? fine.message : fine.text).toContain('Lucas DUPONT');
  });

  it('never runs scripts nor fetches trackers of an HTML body', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const html =
      '<html><head><script>globalThis.hacked = true; fetch("https://evil.example/x")</script><style>p{color:red}</style></head>' +
      '<body onload="alert(1)"><p>Je vous oriente Lucas DUPONT, 9 ans, en CE2.</p>' +
      '<img src="https://tracker.example/pixel.gif" width="1" height="1"><iframe src="https://evil.example"></iframe>' +
      '<script src="https://evil.example/a.js"></script><noscript>Activez JavaScript</noscript><p>Il ne lit pas encore.</p></body></html>';
    const result = await attempt(buildEml({ html }));
    expect(isPasserelleError(result)).toBe(false);
    if (!isPasserelleError(result)) {
      expect(result.text).toContain('Lucas DUPONT');
      expect(result.text).not.toMatch(/hacked|fetch|tracker|alert|color:red|JavaScript/);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('says in French that a PDF, an empty file or a broken .msg is not a readable message', async () => {
    const pdf = await attempt(ascii('%PDF-1.4\n%\xe2\xe3\n1 0 obj'));
    expect(isPasserelleError(pdf) && pdf.code).toBe('email/not-a-message');
    const empty = await attempt(new Uint8Array());
    expect(isPasserelleError(empty) && empty.message).toMatch(/fichier est vide/);
    const msg = fixture('exemple-outlook-directrice.msg');
    for (const cut of [512, 2048, 8192]) {
      const broken = await attempt(msg.subarray(0, cut));
      if (isPasserelleError(broken)) expect(broken.message).toMatch(/Outlook|courriel|message/);
    }
  });

  it('never crashes on random bytes or random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        await attempt(bytes);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (text) => {
        await attempt(ascii(`From: a@b.fr\r\nSubject: x\r\n\r\n${text}`));
      }),
      { numRuns: 150 },
    );
  });

  it('reads pathological HTML in linear time', () => {
    const hostile = '<a '.repeat(100_000) + '<!--' + '<p>'.repeat(100_000) + '&#99999999;&bogus;';
    const started = performance.now();
    htmlToText(hostile);
    htmlToText('<div>'.repeat(200_000) + 'texte' + '</div>'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
