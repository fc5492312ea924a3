/**
 * A 20-situation EPS session into the shipped compte rendu (shared version,
 * checked against a caseload), beside unzipping and re-zipping the same
 * template with PizZip in the same run.
 */
import PizZip from 'pizzip';
import { fillTemplate, findDefaultTemplate } from '../../shared/minutes';
import type { EpsSession, ParcoursDraft } from '../../shared/parcours';
import { time, type Bench } from './harness';

const decisions = ['entree_validee', 'ajournee', 'poursuite', 'sortie_validee'] as const;
const kinds = ['entree', 'entree', 'suivi', 'sortie'] as const;

function twentySituations(): { session: EpsSession; caseload: ParcoursDraft[] } {
  const caseload: ParcoursDraft[] = [];
  const session: EpsSession = {
    date: '2026-01-27',
    place: 'Maison de projet de Pissevin',
    territory: 'Nîmes – Pissevin',
    chair: 'Samir Khaldi',
    members: Array.from({ length: 8 }, (_, i) => ({
      name: `Partenaire ${i + 1}`,
      role: 'Directeur',
      institution: 'École Jean Zay',
    })),
    apologies: [{ name: 'Estelle Marin', role: 'CESF', institution: 'Caf du Gard' }],
    situations: Array.from({ length: 20 }, (_, i) => {
      const code = `PRE-2025-${String(200 + i)}`;
      caseload.push({ code, child: { firstName: `Prénom${i}`, lastName: `NOM${i}` } });
      return {
        code,
        age: 6 + (i % 10),
        grade: 'CM1' as const,
        referent: 'Marion Lopez',
        kind: kinds[i % 4],
        summary:
          'Difficultés en lecture et agitation en classe ; la mère est d’accord pour un accompagnement.',
        decision: decisions[i % 4],
        actions: [
          { label: 'Club Coup de pouce CLÉ', domain: 'scolaire' as const },
          { label: 'Activité théâtre au centre social', domain: 'culture_sport_loisirs' as const },
        ],
        nextReview: '2026-03-24',
      };
    }),
    nextSessionDate: '2026-02-24',
  };
  return { session, caseload };
}

export const minutesBench: Bench = {
  name: 'Compte rendu d’EPS (modèle par défaut)',
  async run() {
    const template = findDefaultTemplate('defaut')!.docx();
    const { session, caseload } = twentySituations();
    const rezip = await time(() => {
      const zip = new PizZip(template);
      for (const name of Object.keys(zip.files)) zip.file(name, zip.file(name)!.asUint8Array());
      return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
    });
    const fill = await time(() => fillTemplate(template, session, { caseload }));
    return [
      {
        name: '20 situations, version partagée contrôlée (médiane)',
        value: fill.median,
        unit: 'ms',
        baseline: { name: 'dézipper + rezipper le modèle (PizZip)', value: rezip.median },
        target: '< 200 ms',
        pass: fill.median < 200,
      },
    ];
  },
};
