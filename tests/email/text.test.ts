/** HTML to text (Outlook's Word HTML included), compressed RTF, Paris offsets, docx forms. */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import {
  decompressRtf,
  describeAttachments,
  docxText,
  domainsOf,
  htmlToText,
  parisOffsetMinutes,
  rtfToHtmlOrText,
} from '../../shared/email';

describe('htmlToText', () => {
  it('reads Outlook’s Word HTML: one line per MsoNormal paragraph, &nbsp; before «:»', () => {
    const html =
      '<html><head><style><!-- p.MsoNormal {margin:0cm} --></style><!--[if gte mso 9]><xml><o:shapedefaults/></xml><![endif]--></head>' +
      '<body><div class=WordSection1><p class=MsoNormal>Bonjour,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>' +
      '<p class=MsoNormal>Classe&nbsp;: 6<sup>e</sup> &amp; SEGPA<o:p></o:p></p><p class=MsoNormal>T&eacute;l&nbsp;: 06&#160;12 34 56 78</p></div></body></html>';
    expect(htmlToText(html)).toBe('Bonjour,\n\nClasse : 6e & SEGPA\nTél : 06 12 34 56 78');
  });

  it('marks blockquote lines as quoted and lists as dashes', () => {
    expect(
      htmlToText(
        '<p>Merci</p><blockquote type="cite"><p>Lyna</p><p>CE2</p></blockquote><ul><li>un</li><li>deux</li></ul>',
      ),
    ).toBe('Merci\n\n> Lyna\n> CE2\n>\n- un\n- deux');
  });

  it('keeps text with stray «<» and quoted «>» in attributes', () => {
    expect(htmlToText('<p title="a > b">3 < 4</p>')).toBe('3 < 4');
  });
});

/** A literal-only LZFu stream: every control byte says «8 literals», then the end reference. */
function lzfuLiterals(raw: string): Uint8Array {
  const body: number[] = [];
  const bytes = [...Buffer.from(raw, 'latin1')];
  for (let i = 0; i < bytes.length; i += 8) body.push(0, ...bytes.slice(i, i + 8));
  const end = (207 + bytes.length) % 4096;
  body.push(1, end >> 4, (end & 0xf) << 4);
  const header = Buffer.alloc(16);
  header.writeUInt32LE(body.length + 12, 0);
  header.writeUInt32LE(bytes.length, 4);
  header.writeUInt32LE(0x75465a4c, 8);
  return new Uint8Array([...header, ...body]);
}

describe('compressed RTF', () => {
  it('decompresses LZFu, including back-references into the preset dictionary', () => {
    const rtf = '{\\rtf1\\ansi Bonjour}';
    expect(Buffer.from(decompressRtf(lzfuLiterals(rtf))!).toString('latin1')).toBe(rtf);
    // «{\rtf1\ansi» sits at offset 0 of the preset dictionary: one reference of 11 bytes.
    const ref = (0 << 4) | (11 - 2);
    const stream = [
      1 | 8,
      ref >> 8,
      ref & 0xff,
      ...Buffer.from(' x'),
      (207 + 13) >> 4,
      ((207 + 13) & 0xf) << 4,
    ];
    const header = Buffer.alloc(16);
    header.writeUInt32LE(stream.length + 12, 0);
    header.writeUInt32LE(13, 4);
    header.writeUInt32LE(0x75465a4c, 8);
    expect(
      Buffer.from(decompressRtf(new Uint8Array([...header, ...stream]))!).toString('latin1'),
    ).toBe('{\\rtf1\\ansi x');
  });

  it('refuses what is not compressed RTF', () => {
    expect(decompressRtf(new Uint8Array(10))).toBeUndefined();
    expect(decompressRtf(new Uint8Array(32))).toBeUndefined();
  });

  it('reads the HTML encapsulated in RTF, or the text of a native RTF body', () => {
    const encapsulated =
      "{\\rtf1\\ansi\\fromhtml1 {\\fonttbl{\\f0 Arial;}}{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 Je vous oriente L\\'e9a\\htmlrtf }\\htmlrtf0 {\\*\\htmltag72 </p>}}";
    expect(rtfToHtmlOrText(encapsulated).html).toBe('<p>Je vous oriente Léa</p>');
    expect(
      rtfToHtmlOrText('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}Ligne 1\\par Ligne \\u233?2}').text,
    ).toBe('Ligne 1\nLigne é2');
  });
});

describe('Paris offset', () => {
  it.each([
    ['2026-03-29T00:59:59Z', 60],
    ['2026-03-29T01:00:00Z', 120],
    ['2026-10-25T00:59:59Z', 120],
    ['2026-10-25T01:00:00Z', 60],
    ['2027-03-28T01:00:00Z', 120],
  ])('%s → UTC+%i min', (instant, offset) => {
    expect(parisOffsetMinutes(new Date(instant))).toBe(offset);
  });
});

describe('attachments', () => {
  it('reads the text of a .docx referral form and notes it', () => {
    const zip = new PizZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>Nom : KURT</w:t></w:r></w:p><w:p><w:r><w:t>Classe : 4e &amp; SEGPA</w:t></w:r></w:p></w:body></w:document>',
    );
    const content = zip.generate({ type: 'uint8array' });
    expect(docxText(content)).toBe('Nom : KURT\nClasse : 4e & SEGPA');
    const [summary] = describeAttachments([
      {
        name: 'fiche-saisine.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: content.length,
        content,
      },
    ]);
    expect(summary).toMatchObject({
      note: expect.stringMatching(/fiche jointe \(Word\)/),
      text: expect.stringContaining('KURT'),
    });
  });

  it('gives up quietly on a broken .docx and lists other files without a note', () => {
    expect(docxText(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(describeAttachments([{ name: 'photo.jpg', type: 'image/jpeg', size: 10 }])).toEqual([
      { name: 'photo.jpg', type: 'image/jpeg', size: 10 },
    ]);
  });
});

describe('domainsOf', () => {
  it.each([
    ['Elle est très agitée en classe et se met en conflit.', ['educatif_social']],
    ['Il s’agit de Selma, en CM2 à l’école Les Olivades.', []],
    ['À la suite du conseil des maîtres, je vous oriente Lyna.', []],
    ['Sa mère reconnaît avoir besoin de conseils.', ['parentalite']],
    [
      'Il n’a jamais fait d’activité sportive et ne part jamais en vacances.',
      ['culture_sport_loisirs'],
    ],
    ['Retard de langage, pas vu de médecin.', ['sante']],
  ])('«%s» → %j', (text, domains) => {
    expect(domainsOf(text)).toEqual(domains);
  });
});
