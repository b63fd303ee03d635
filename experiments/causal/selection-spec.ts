/**
 * Identifying a causal effect under selection bias (after "Towards a holistic understanding of
 * Selection Bias for Causal Effect Identification", arXiv 2605.13430). The toy is the classical
 * identifiable case the paper generalises: selection on treatment and covariates, with the
 * population's covariates known; selection on the outcome is the negative control.
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  samples: {
    kind: 'int',
    default: 50000,
    min: 2000,
    max: 200000,
    scale: 'log',
    label: 'Population',
    doc: 'Number of units in the population; only the selected ones report treatment and outcome.',
    group: 'data',
  },
  selection: {
    kind: 'choice',
    default: 'treatment-covariate',
    choices: ['treatment-covariate', 'outcome'],
    label: 'Selection depends on',
    doc: 'Who reports: selection on (T, X), sigmoid(-1 + a T + X), keeps Y independent of S given (T, X); selection on the outcome, sigmoid(-1 + a Y), does not.',
    group: 'data',
  },
  selectionStrength: {
    kind: 'number',
    default: 1.2,
    min: 0,
    max: 3,
    scale: 'lin',
    label: 'Selection strength a',
    doc: 'Weight of T (or of Y) in the selection probability.',
    group: 'data',
  },
  confounding: {
    kind: 'number',
    default: 0.8,
    min: 0,
    max: 3,
    scale: 'lin',
    label: 'Confounding c',
    doc: 'Weight of X in the treatment probability sigmoid(c X).',
    group: 'data',
  },
  modification: {
    kind: 'number',
    default: 0.5,
    min: 0,
    max: 2,
    scale: 'lin',
    label: 'Effect modification m',
    doc: 'The individual effect is 1 + m X: with m > 0, who is selected changes the average effect.',
    group: 'data',
  },
  steps: {
    kind: 'int',
    default: 50,
    min: 1,
    max: 500,
    scale: 'log',
    label: 'Batches',
    doc: 'The population is read in this many batches; the estimates are drawn after each.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type SelectionTable = typeof params;
export type SelectionParams = ParamsOf<SelectionTable>;

const errorMetric = (what: string, doc: string) => ({
  label: `${what} |ATE error|`,
  short: what,
  doc,
  better: 'lower' as const,
});

export const spec = defineSpec({
  id: 'causal-selection',
  title: 'Causal effects under selection bias',
  family: 'causal',
  summary:
    'Only selected units report treatment and outcome. The naive contrast in the selected sample is biased; ' +
    'regression on (T, X) averaged over the population covariates (the identification formula) recovers the population ATE when selection depends on T and X, not when it depends on the outcome.',
  params,
  metrics: {
    'metric/formula_error': errorMetric(
      'formula',
      'The identification formula: the effect from Y ~ T + X + TX on the selected units, averaged over the population covariates.',
    ),
    'metric/selected_error': errorMetric(
      'selected-X',
      'The same regression averaged over the selected units’ covariates (adjusts for confounding, not for who was selected).',
    ),
    'metric/naive_error': errorMetric(
      'naive',
      'Difference of mean outcomes between treated and untreated selected units.',
    ),
    'metric/formula_ate': {
      label: 'Formula ATE',
      doc: 'The identification formula’s estimate of the population ATE.',
      better: 'none',
    },
    'metric/naive_ate': {
      label: 'Naive ATE',
      doc: 'The naive contrast in the selected sample.',
      better: 'none',
    },
    'metric/selected_fraction': {
      label: 'Selected fraction',
      doc: 'Share of the population that reports (T, Y).',
      better: 'none',
    },
  },
  lossMetric: 'metric/formula_error',
  charts: [
    {
      kind: 'curves',
      id: 'errors',
      title: 'Error of the ATE estimates as units arrive',
      metrics: ['metric/formula_error'],
      references: ['metric/selected_error', 'metric/naive_error'],
      logY: true,
    },
    {
      kind: 'view',
      id: 'estimates',
      view: 'bars',
      title: 'Population ATE: truth and estimates from the selected units',
      yTitle: 'ATE',
    },
  ],
  presets: {
    'treatment-selection': {
      label: 'Selection on treatment and covariates',
      reason:
        'The identifiable case: selection depends on (T, X) only, and the population covariates are known.',
      params: { selection: 'treatment-covariate' },
    },
    'outcome-selection': {
      label: 'Selection on the outcome (negative control)',
      reason:
        'Selection depends on Y itself: Y is no longer independent of S given (T, X), and the formula is biased.',
      params: { selection: 'outcome' },
    },
  },
  defaultPreset: 'treatment-selection',
  claimNeutralParams: ['seed', 'steps'],
  assumptions: [
    {
      param: 'selection',
      broken: (p) => p.selection === 'outcome',
      text: 'Selection on the outcome: E[Y | T, X] differs between the selected units and the population.',
    },
  ],
  stepsPerTick: 1,
  claims: [
    {
      id: 'naive-biased',
      preset: 'treatment-selection',
      text: 'The naive treated-minus-untreated contrast in the selected sample misses the population ATE by at least 0.5.',
      metric: 'metric/naive_error',
      op: '>=',
      value: 0.5,
      expect: 'holds',
    },
    {
      id: 'formula-recovers',
      preset: 'treatment-selection',
      text: 'Regression on (T, X) in the selected sample, averaged over the population covariates, recovers the population ATE to within 0.05.',
      metric: 'metric/formula_error',
      op: '<=',
      value: 0.05,
      expect: 'holds',
    },
    {
      id: 'outcome-selection-biased',
      preset: 'outcome-selection',
      text: 'Negative control: with selection on the outcome the same formula is within 0.05 of the ATE.',
      metric: 'metric/formula_error',
      op: '<=',
      value: 0.05,
      expect: 'fails',
    },
  ],
  flops: (p) => p.samples * 40,
  load: () => import('./selection-train').then((m) => m.trainer),
});
