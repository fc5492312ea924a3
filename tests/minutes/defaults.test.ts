/** The shipped .docx files and the base64 the core hands out never drift apart. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../shared/minutes';

const folder = join(import.meta.dirname, '../../shared/minutes/templates');

describe('shipped templates', () => {
  it.each(defaultTemplates.map((t) => t.name))('%s.docx matches the embedded copy', (name) => {
    const onDisk = new Uint8Array(readFileSync(join(folder, `${name}.docx`)));
    const embedded = defaultTemplates.find((t) => t.name === name)!.docx();
    expect(embedded).toEqual(onDisk);
  });

  it('name no author in their properties', () => {
    for (const template of defaultTemplates) {
      const core = new PizZip(template.docx()).file('docProps/core.xml')!.asText();
      expect(core).toContain('<dc:creator></dc:creator>');
      expect(core).not.toMatch(/<cp:lastModifiedBy>[^<]+</);
    }
  });
});
