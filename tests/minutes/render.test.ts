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
import { decisions, labelOf, situationKinds } from '../../shared/parcours';
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
      // The table of situations: its column headers (first line of the header row) and one
      // row per situation of the session, with the decision's French label.
      expect(text).toMatch(
        /Code parcours\s+Passage\s+Âge,\s+Référent\(e\)\s+Synthèse des échanges\s+Décision\s+Actions décidées\s+Prochaine/,
      );
      const shown = session('modele-eps-tableau');
      for (const situation of shown.situations) {
        // A row's first line: code, passage, and the first word of the decision (it may wrap).
        const row = text.split('\n').find((line) => line.includes(situation.code)) ?? '';
        expect(row).toMatch(
          new RegExp(`${situation.code}\\s+${labelOf(situationKinds, situation.kind!)}`),
        );
        if (situation.decision)
          expect(row).toContain(labelOf(decisions, situation.decision).split(' ')[0]);
      }
      // Every page ends with the confidential footer and its number.
      const pages = text.split('\f').filter((page) => page.trim());
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) =>
        expect(page).toMatch(
          new RegExp(
            `Confidentiel — diffusion limitée aux membres de l’EPS — page ${i + 1} sur ${pages.length}\\s*$`,
          ),
        ),
      );
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
