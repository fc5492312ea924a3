/**
 * The bilan: every indicator of the data dictionary §5 over a period, in one
 * pass to place the records and one per table. Pure: records in, plain data out.
 */
import {
  childIdentityKey,
  domains,
  exitOutcomes,
  exitReasons,
  foldText,
  fundings,
  grades,
  referralSources,
  sexes,
  type ParcoursRecord,
} from '../parcours';
import { NATIONAL, NATIONAL_SOURCE } from './national';
import { frenchOrder } from './order';
import type { Period } from './period';
import { presentIssues, sortIssues, undatedIssue, undatedRefusalIssue } from './quality';
import {
  AGE_BANDS,
  RULES,
  SCHOOL_TYPES,
  actionInPeriod,
  ageBandOf,
  ageReferenceDate,
  exitOutcomeOf,
  monthsBetween,
  presenceIn,
  refusalDate,
  schoolTypeOf,
  type RuleId,
} from './rules';
import type {
  Bilan,
  BilanOptions,
  IndicatorRow,
  IndicatorTable,
  KeyFigure,
  QualityIssue,
} from './types';

const NOT_GIVEN = 'non_renseigne';
const NOT_GIVEN_LABEL = 'Non renseigné';

interface Present {
  record: ParcoursRecord;
  entry: string;
  newEntry: boolean;
  exitInPeriod: boolean;
}

/** A unit counted in a table: the codes it stands for and the row keys it falls in. */
interface Unit {
  codes: string[];
  keys: string[];
}

interface RowSpec {
  key: string;
  label: string;
  national?: number;
}

function enumRows<K extends string>(def: {
  values: readonly K[];
  labels: Readonly<Record<K, string>>;
}): RowSpec[] {
  return def.values.map((key) => ({ key, label: def.labels[key] }));
}

/**
 * Sorts codes in French numeric order through one rank table, then sorts
 * plain numbers: a collator call per comparison is too slow on 10 000 codes.
 */
type CodeOrder = (codes: string[]) => string[];

function codeOrder(allCodes: string[]): CodeOrder {
  const sorted = [...allCodes].sort(frenchOrder);
  const rank = new Map(sorted.map((code, i) => [code, i]));
  return (codes) => {
    const ranks = new Int32Array(codes.length);
    codes.forEach((code, i) => (ranks[i] = rank.get(code)!));
    return Array.from(ranks.sort(), (r) => sorted[r]!);
  };
}

/**
 * Counts units into rows. Fixed rows always show (zeros included); keys met
 * that no spec names (free text such as a neighbourhood) are added after, in
 * alphabetical order; «non renseigné» comes last and only when met.
 */
function tallyUnits(
  spec: {
    id: string;
    title: string;
    shortTitle: string;
    unit: string;
    rules: RuleId[];
    multiValued?: boolean;
  },
  rows: RowSpec[],
  units: Unit[],
  order: CodeOrder,
): IndicatorTable {
  const found = new Map<string, { count: number; codes: string[] }>();
  for (const unit of units) {
    const keys = unit.keys.length > 1 ? new Set(unit.keys) : unit.keys;
    for (const key of keys) {
      let cell = found.get(key);
      if (!cell) found.set(key, (cell = { count: 0, codes: [] }));
      cell.count++;
      for (const code of unit.codes) cell.codes.push(code);
    }
  }
  const named = new Set(rows.map((r) => r.key));
  const free = [...found.keys()]
    .filter((key) => key !== NOT_GIVEN && !named.has(key))
    .sort(frenchOrder)
    .map((key) => ({ key, label: key }));
  const all: RowSpec[] = [
    ...rows,
    ...free,
    ...(found.has(NOT_GIVEN) ? [{ key: NOT_GIVEN, label: NOT_GIVEN_LABEL }] : []),
  ];
  const denominator = units.length;
  return {
    ...spec,
    multiValued: spec.multiValued ?? false,
    denominator,
    rows: all.map((row) => {
      const cell = found.get(row.key);
      const count = cell?.count ?? 0;
      return {
        key: row.key,
        label: row.label,
        count,
        share: denominator ? count / denominator : null,
        codes: cell ? order(cell.codes) : [],
        ...(row.national !== undefined ? { national: row.national } : {}),
      } satisfies IndicatorRow;
    }),
  };
}

function makeFigure(
  base: Omit<KeyFigure, 'value' | 'codes'> & { codes: string[] },
  order: CodeOrder,
  value?: number | null,
): KeyFigure {
  const computed =
    value !== undefined
      ? value
      : base.kind === 'count'
        ? base.numerator
        : base.denominator
          ? base.numerator / base.denominator
          : null;
  return { ...base, value: computed, codes: order([...base.codes]) };
}

export function computeBilan(
  records: readonly ParcoursRecord[],
  period: Period,
  options: BilanOptions = {},
): Bilan {
  const present: Present[] = [];
  const refusals: ParcoursRecord[] = [];
  const quality: QualityIssue[] = [];
  for (const record of records) {
    if (record.status === 'refus') {
      const date = refusalDate(record);
      if (!date) quality.push(undatedRefusalIssue(record));
      else if (date >= period.start && date <= period.end) refusals.push(record);
      continue;
    }
    const presence = presenceIn(record, period);
    if (presence.kind === 'undated') quality.push(undatedIssue(record));
    if (presence.kind !== 'present') continue;
    present.push({
      record,
      entry: presence.entry,
      newEntry: presence.newEntry,
      exitInPeriod: presence.exitInPeriod,
    });
    quality.push(...presentIssues(record, period, presence.exitInPeriod));
  }

  const order = codeOrder([...present.map((p) => p.record.code), ...refusals.map((r) => r.code)]);
  const tally = (spec: Parameters<typeof tallyUnits>[0], rows: RowSpec[], units: Unit[]) =>
    tallyUnits(spec, rows, units, order);
  const figure = (base: Parameters<typeof makeFigure>[0], value?: number | null) =>
    makeFigure(base, order, value);

  // Rule «reentree»: one child, several parcours; the latest parcours describes the child.
  const children = new Map<string, Present[]>();
  for (const p of present) {
    const key = childIdentityKey(p.record.child);
    const parcours = children.get(key);
    if (parcours) parcours.push(p);
    else children.set(key, [p]);
  }
  const childUnits = [...children.values()].map((parcours) => {
    const latest = parcours.reduce((a, b) => (b.entry > a.entry ? b : a));
    const birthDate = latest.record.child.birthDate;
    const band = birthDate && ageBandOf(birthDate, ageReferenceDate(latest.entry, period));
    return { latest, band, codes: parcours.map((p) => p.record.code) };
  });
  const childUnit = (keyOf: (p: Present, band?: string) => string | undefined): Unit[] =>
    childUnits.map(({ latest, band, codes }) => ({
      codes,
      keys: [keyOf(latest, band) ?? NOT_GIVEN],
    }));
  const parcoursUnit = (list: Present[], keysOf: (p: Present) => string[]): Unit[] =>
    list.map((p) => {
      const keys = keysOf(p);
      return { codes: [p.record.code], keys: keys.length ? keys : [NOT_GIVEN] };
    });
  const childrenTable = (
    id: string,
    title: string,
    shortTitle: string,
    rules: RuleId[],
    rows: RowSpec[],
    keyOf: (p: Present, band?: string) => string | undefined,
  ) =>
    tally(
      { id, title, shortTitle, unit: 'enfants', rules: ['en-parcours', 'reentree', ...rules] },
      rows,
      childUnit(keyOf),
    );

  const exits = present.filter((p) => p.exitInPeriod);
  const entries = present.filter((p) => p.newEntry);
  const actions = present.flatMap((p) =>
    (p.record.actions ?? [])
      .filter((a) => actionInPeriod(a, period))
      .map((action) => ({ code: p.record.code, action })),
  );

  const tables: IndicatorTable[] = [
    childrenTable(
      'sexe',
      'Enfants en parcours par sexe',
      'Sexe',
      [],
      [
        { key: 'F', label: sexes.labels.F, national: 1 - NATIONAL.boysShare },
        { key: 'M', label: sexes.labels.M, national: NATIONAL.boysShare },
      ],
      (p) => p.record.child.sex,
    ),
    childrenTable(
      'age',
      'Enfants en parcours par tranche d’âge',
      'Âge',
      ['age'],
      [
        ...AGE_BANDS.map((b) => ({
          key: b.key,
          label: b.label,
          national: NATIONAL.ageBands[b.key],
        })),
      ],
      (_, band) => band,
    ),
    childrenTable(
      'classe',
      'Enfants en parcours par classe',
      'Classe',
      [],
      enumRows(grades),
      (p) => p.record.child.grade,
    ),
    childrenTable(
      'type-etablissement',
      'Enfants en parcours par type d’établissement',
      'Type d’établissement',
      ['type-etablissement'],
      SCHOOL_TYPES.map((t) => ({ key: t.key, label: t.label })),
      (p) => p.record.child.grade && schoolTypeOf(p.record.child.grade),
    ),
    childrenTable(
      'quartier',
      'Enfants en parcours par quartier',
      'Quartier',
      [],
      [],
      (p) => p.record.child.neighbourhood,
    ),
    childrenTable(
      'commune',
      'Enfants en parcours par commune',
      'Commune',
      [],
      [],
      (p) => p.record.child.town,
    ),
    tally(
      {
        id: 'orientation',
        title: 'Parcours de la période selon l’origine de l’orientation',
        shortTitle: 'Orientation',
        unit: 'parcours',
        rules: ['en-parcours'],
      },
      enumRows(referralSources),
      parcoursUnit(present, (p) => (p.record.referral?.source ? [p.record.referral.source] : [])),
    ),
    tally(
      {
        id: 'motifs',
        title: 'Motifs d’orientation (domaines de difficulté)',
        shortTitle: 'Motifs',
        unit: 'parcours',
        rules: ['en-parcours', 'motifs'],
        multiValued: true,
      },
      enumRows(domains),
      parcoursUnit(present, (p) => p.record.domains ?? []),
    ),
    tally(
      {
        id: 'sorties-motif',
        title: 'Sorties de la période par motif',
        shortTitle: 'Sorties par motif',
        unit: 'sorties',
        rules: ['sortie'],
      },
      enumRows(exitReasons),
      parcoursUnit(exits, (p) => (p.record.exit?.reason ? [p.record.exit.reason] : [])),
    ),
    tally(
      {
        id: 'sorties-objectifs',
        title: 'Sorties de la période selon l’atteinte des objectifs',
        shortTitle: 'Sorties et objectifs',
        unit: 'sorties',
        rules: ['sortie'],
      },
      enumRows(exitOutcomes),
      parcoursUnit(exits, (p) => {
        const outcome = exitOutcomeOf(p.record);
        return outcome ? [outcome] : [];
      }),
    ),
    tally(
      {
        id: 'actions-domaine',
        title: 'Actions de la période par domaine',
        shortTitle: 'Actions par domaine',
        unit: 'actions',
        rules: ['actions'],
      },
      enumRows(domains),
      actions.map(({ code, action }) => ({ codes: [code], keys: [action.domain ?? NOT_GIVEN] })),
    ),
    tally(
      {
        id: 'actions-financement',
        title: 'Actions de la période par financement',
        shortTitle: 'Actions par financement',
        unit: 'actions',
        rules: ['actions'],
      },
      enumRows(fundings),
      actions.map(({ code, action }) => ({ codes: [code], keys: [action.funding ?? NOT_GIVEN] })),
    ),
  ];

  const allCodes = present.map((p) => p.record.code);
  const withOutcome = exits.filter((p) => exitOutcomeOf(p.record));
  const positive = withOutcome.filter((p) => exitOutcomeOf(p.record) !== 'non_atteinte');
  const durations = exits.flatMap((p) => {
    const exit = p.record.exit?.date;
    return exit && exit >= p.entry
      ? [{ code: p.record.code, months: monthsBetween(p.entry, exit) }]
      : [];
  });
  const totalMonths = durations.reduce((sum, d) => sum + d.months, 0);
  const referents = new Set(
    present.flatMap((p) => (p.record.referent ? [foldText(p.record.referent)] : [])),
  );
  const fte = options.referentFte ?? referents.size;
  const funded = actions.filter((a) => a.action.funding);
  const commonLaw = funded.filter((a) => a.action.funding === 'droit_commun');

  const keyFigures: KeyFigure[] = [
    figure({
      id: 'enfants',
      label: 'Enfants en parcours',
      kind: 'count',
      numerator: childUnits.length,
      denominator: childUnits.length,
      denominatorLabel: 'enfants en parcours',
      unit: 'enfants',
      codes: allCodes,
      rules: ['en-parcours', 'deux-annees', 'reentree'],
    }),
    figure({
      id: 'parcours',
      label: 'Parcours en cours pendant la période',
      kind: 'count',
      numerator: present.length,
      denominator: present.length,
      denominatorLabel: 'parcours',
      unit: 'parcours',
      codes: allCodes,
      rules: ['en-parcours', 'deux-annees'],
    }),
    figure({
      id: 'nouvelles-entrees',
      label: 'Nouvelles entrées',
      kind: 'count',
      numerator: entries.length,
      denominator: present.length,
      denominatorLabel: 'parcours de la période',
      unit: 'parcours',
      codes: entries.map((p) => p.record.code),
      rules: ['entree', 'deux-annees'],
    }),
    figure({
      id: 'sorties',
      label: 'Sorties',
      kind: 'count',
      numerator: exits.length,
      denominator: present.length,
      denominatorLabel: 'parcours de la période',
      unit: 'sorties',
      codes: exits.map((p) => p.record.code),
      rules: ['sortie', 'sortie-sans-date'],
    }),
    figure({
      id: 'sorties-positives',
      label: 'Part de sorties positives',
      kind: 'share',
      numerator: positive.length,
      denominator: withOutcome.length,
      denominatorLabel: 'sorties dont l’atteinte des objectifs est connue',
      codes: positive.map((p) => p.record.code),
      rules: ['sortie', 'sorties-positives'],
    }),
    figure(
      {
        id: 'duree-moyenne',
        label: 'Durée moyenne des parcours terminés',
        kind: 'mean',
        numerator: totalMonths,
        denominator: durations.length,
        denominatorLabel: 'parcours terminés datés',
        unit: 'mois',
        codes: durations.map((d) => d.code),
        national: `Moyenne nationale : ${NATIONAL.meanMonths}.`,
        rules: ['duree'],
      },
      durations.length ? totalMonths / durations.length : null,
    ),
    figure({
      id: 'enfants-par-referent',
      label: 'Enfants par référent à temps plein',
      kind: 'ratio',
      numerator: childUnits.length,
      denominator: fte,
      denominatorLabel:
        options.referentFte !== undefined
          ? 'référents en ETP (indiqué)'
          : 'référents distincts nommés sur les fiches, ETP non indiqué',
      unit: 'enfants',
      codes: allCodes,
      national: `Repère national : ${NATIONAL.childrenPerFte}.`,
      rules: ['referents'],
    }),
    figure({
      id: 'part-droit-commun',
      label: 'Part des actions financées par le droit commun',
      kind: 'share',
      numerator: commonLaw.length,
      denominator: funded.length,
      denominatorLabel: 'actions dont le financement est renseigné',
      codes: commonLaw.map((a) => a.code),
      rules: ['actions'],
    }),
    figure({
      id: 'taux-refus',
      label: 'Taux de refus des familles',
      kind: 'share',
      numerator: refusals.length,
      denominator: refusals.length + entries.length,
      denominatorLabel: 'refus et nouvelles entrées de la période',
      codes: refusals.map((r) => r.code),
      rules: ['refus'],
    }),
  ];

  // Quasi-identifiers: a child alone in its neighbourhood × sex × age band is recognisable.
  const combinations = new Map<string, number>();
  for (const { latest, band } of childUnits) {
    const child = latest.record.child;
    const key = [child.neighbourhood ?? NOT_GIVEN, child.sex ?? NOT_GIVEN, band ?? NOT_GIVEN].join(
      '|',
    );
    combinations.set(key, (combinations.get(key) ?? 0) + 1);
  }
  const singledOut = [...combinations.values()].filter((n) => n === 1).length;

  return {
    period,
    keyFigures,
    tables,
    quality: sortIssues(quality),
    singledOutCombinations: singledOut,
    rules: RULES,
    nationalSource: NATIONAL_SOURCE,
  };
}
