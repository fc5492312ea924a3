/** National figures of the data dictionary §5 (ANCT survey, 2021 data), for orders of magnitude. */
export const NATIONAL_SOURCE =
  'Enquête nationale ANCT (données 2021) : 530 PRE, environ 85 000 enfants, environ 1 000 référents à temps plein.';

export const NATIONAL = {
  boysShare: 0.58,
  ageBands: { '2-5': 0.15, '6-10': 0.52, '11-16': 0.32, '17+': 0.015 } as Record<string, number>,
  meanMonths: '12 à 19 mois',
  childrenPerFte: 'environ 100 enfants par référent à temps plein',
  sources: 'la plupart des orientations viennent de l’école',
} as const;
