/**
 * What a filled shipped template really looks like: LibreOffice renders it to
 * PDF, poppler to PNG (kept under tests/artifacts/minutes for a person to look
 * at) and to text (checked here). Skipped only where LibreOffice is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillTemplate, findDefaultTemplate } from '../../shared/minutes';
import { caseload, session } from './helpers';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const artifacts = join(import.meta.dirname, '../artifacts/minutes');
const profile = mkdtempSync(join(tmpdir(), 'passerelle-soffice-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

async function render(template: string, version: 'interne' | 'partagee'): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const name = `${template}-${version}`;
  const docx = join(artifacts, `${name}.docx`);
  writeFileSync(
    docx,
    await fillTemplate(findDefaultTemplate(template)!.docx(), session('modele-eps-tableau'), {
      version,
      caseload: caseload('modele-eps-tableau'),
    }),
  );
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      artifacts,
      docx,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(artifacts, `${name}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(artifacts, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

describe.skipIf(!has('soffice') || !has('pdftoppm'))(
  'shipped templates rendered by LibreOffice',
  () => {
    it('compte rendu: title, participants, table of situations, confidential footer, page numbers', async () => {
      const text = await render('compte-rendu-eps', 'partagee');
      expect(text).toContain('Compte rendu de l’équipe pluridisciplinaire de soutien');
      expect(text).toContain('Situations examinées');
      expect(text).toContain('PRE-2024-140');
      expect(text).toMatch(/Confidentiel — diffusion limitée aux membres de l’EPS — page 1 sur \d/);
      expect(text).not.toMatch(/[{}]/);
      expect(
        readdirSync(artifacts).some((f) => /^compte-rendu-eps-partagee-\d+\.png$/.test(f)),
      ).toBe(true);
    }, 180_000);

    it('fiche de synthèse: one page per situation', async () => {
      const text = await render('fiche-synthese', 'interne');
      expect(text.match(/Fiche de synthèse — PRE-/g)).toHaveLength(4);
      expect(text).toMatch(/page 4 sur 4/);
      expect(existsSync(join(artifacts, 'fiche-synthese-interne-1.png'))).toBe(true);
    }, 180_000);
  },
);
