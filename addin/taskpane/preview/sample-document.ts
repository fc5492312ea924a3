/**
 * The preview's Word document: a référente's working notes before an EPS,
 * written the way the corpus's notes are (invented people): children of the
 * sample caseload by name, a mother's phone, a person the caseload does not
 * know, a table, a header and a footer that name a child.
 */
import type { DocumentSeed } from '../../hosts/word';

export function sampleDocument(): DocumentSeed {
  return {
    header: ['PRE de Salon-de-Provence — notes de préparation de l’EPS'],
    body: [
      'Notes de préparation — EPS du secteur La Monaque',
      'Rédigé par Sonia Martel, référente de parcours.',
      'Situation de Moussa TRAORÉ, 6e SEGPA au collège Jean Bernard. Orienté par le service social : absentéisme et isolement. La mère, Mme Awa TRAORÉ, est joignable au 07 45 12 36 98 après 17 h.',
      'Chloé LEROY : l’école Jean Moulin signale des difficultés de lecture ; un bilan orthophonique est demandé. Sa mère, Sandrine LEROY, est d’accord pour un rendez-vous.',
      'Le voisin de la famille, M. Gérard ZORLAC, accompagne parfois Moussa à l’accueil du soir.',
      {
        rows: [
          ['Enfant', 'Contact', 'Proposition'],
          ['Moussa TRAORÉ', '07 45 12 36 98', 'Entrée au PRE, aide aux devoirs'],
          ['Chloé LEROY', '06 22 33 44 55', 'Bilan orthophonique, atelier lecture'],
        ],
      },
      'À revoir avec l’équipe avant diffusion aux partenaires.',
    ],
    footer: ['Document de travail — suivi de Moussa TRAORÉ et Chloé LEROY'],
  };
}
