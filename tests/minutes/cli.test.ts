/** `passerelle minutes` through the command line's main(), with in-memory streams. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../shared/cli';
import { fixtures, visibleText } from './helpers';
import { memoryIO } from '../helpers/memory-io';

const work = mkdtempSync(join(tmpdir(), 'passerelle-minutes-'));
const corpus = (name: string) => join(fixtures, name);

describe('passerelle minutes', () => {
  it('fills the shared version of a corpus template', async () => {
    const m = memoryIO();
    const out = join(work, 'tableau.docx');
    const code = await main(
      [
        'minutes',
        '--template',
        corpus('modele-eps-tableau.docx'),
        '--session',
        corpus('modele-eps-tableau.session.json'),
        '--caseload',
        corpus('modele-eps-tableau.caseload.json'),
        '--version',
        'partagee',
        '--out',
        out,
      ],
      m.io,
    );
    expect(code).toBe(0);
    expect(m.out()).toContain('version partagée, contrôlée, 4 situations');
    expect(visibleText(new Uint8Array(readFileSync(out)))).toContain('mardi 27 janvier 2026');
  });

  it('fills a shipped template by its name, internal version', async () => {
    const m = memoryIO();
    const out = join(work, 'interne.docx');
    const args = ['minutes', '--template', 'defaut', '--version', 'interne', '--out', out];
    const code = await main(
      [
        ...args,
        '--session',
        corpus('modele-eps-tableau.session.json'),
        '--caseload',
        corpus('modele-eps-tableau.caseload.json'),
      ],
      m.io,
    );
    expect(code).toBe(0);
    const text = visibleText(new Uint8Array(readFileSync(out)));
    expect(text).toContain('Version interne');
    expect(text).toContain('PRE-2025-201 (L. G.)');
  });

  it('writes nothing and exits 1 when the shared version would name a child', async () => {
    const session = JSON.parse(readFileSync(corpus('modele-eps-tableau.session.json'), 'utf8'));
    session.situations[0].summary = 'Mory est absent le lundi.';
    const path = join(work, 'fuite.session.json');
    writeFileSync(path, JSON.stringify(session));
    const out = join(work, 'fuite.docx');
    const m = memoryIO();
    const code = await main(
      [
        'minutes',
        '--template',
        'defaut',
        '--session',
        path,
        '--caseload',
        corpus('modele-eps-tableau.caseload.json'),
        '--out',
        out,
      ],
      m.io,
    );
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(m.err()).toContain('prénom de l’enfant PRE-2025-202');
    expect(m.err()).not.toContain('Mory');
  });

  it('still guards the names of a caseload entry that fails validation', async () => {
    const path = join(work, 'file-active-abimee.json');
    const records = JSON.parse(readFileSync(corpus('modele-eps-tableau.caseload.json'), 'utf8'));
    records.records[1].child.birthDate = '31/02/2013';
    writeFileSync(path, JSON.stringify(records));
    const session = JSON.parse(readFileSync(corpus('modele-eps-tableau.session.json'), 'utf8'));
    session.situations[0].summary = 'BARRY absent.';
    const sessionPath = join(work, 'fuite2.session.json');
    writeFileSync(sessionPath, JSON.stringify(session));
    const m = memoryIO();
    const args = ['minutes', '--template', 'defaut', '--session', sessionPath, '--caseload', path];
    expect(await main([...args, '--out', join(work, 'fuite2.docx')], m.io)).toBe(1);
    expect(m.err()).toContain('1 fiche de la file active n’est pas valide');
    expect(m.err()).toContain('nom de l’enfant PRE-2025-202');
  });

  it('--check-template lists the tags and exits 0 on a good template', async () => {
    const m = memoryIO();
    expect(
      await main(['minutes', '--check-template', corpus('modele-eps-paragraphes.docx')], m.io),
    ).toBe(0);
    expect(m.out()).toContain('{decision}');
    expect(m.out()).toContain('pied de page 1');
    expect(m.out()).toContain('Aucun problème');
  });

  it('--check-template exits 1 and names the broken tags', async () => {
    const m = memoryIO();
    expect(await main(['minutes', '--check-template', corpus('modele-eps-casse.docx')], m.io)).toBe(
      1,
    );
    expect(m.err()).toContain('{#presents}');
    expect(m.err()).toContain('{date_naissance}');
  });

  it('refuses an unknown version and missing options with exit 2', async () => {
    const m = memoryIO();
    const base = ['minutes', '--template', 'defaut', '--session', 'x.json', '--out', 'y.docx'];
    expect(await main([...base, '--version', 'publique'], m.io)).toBe(2);
    expect(m.err()).toContain('version inconnue « publique »');
    expect(await main(['minutes', '--template', 'defaut'], m.io)).toBe(2);
    expect(m.err()).toContain('indiquez --template, --session et --out');
  });

  it('says clearly when the template file is not a .docx', async () => {
    const path = join(work, 'faux.docx');
    writeFileSync(path, 'pas un document');
    const m = memoryIO();
    expect(await main(['minutes', '--check-template', path], m.io)).toBe(2);
    expect(m.err()).toContain('n’est pas un document Word .docx lisible');
  });
});
