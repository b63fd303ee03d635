/**
 * Approximate identifiability of ICA under almost-linear mixing x = A s + eps h(s): linear ICA
 * still recovers A and s up to an error that vanishes as eps -> 0 (the ICA part of the paper on
 * robustness of nonlinear representation learning with almost-isometric mixing, ICML 2024).
 */
import { defineSpec, type NumberParam, type ParamsOf, type ParamTable } from '../core/spec';
import { contrastParam, seedParam, tolParam } from '../core/common-params';
import { groupMeans, studyTrainer, type StudyDecl } from '../core/study';
import { spearmanMatrix } from '../core/metrics';
import { epsGrid } from './data';

const params = {
  sources: {
    kind: 'choice',
    default: 'laplace',
    choices: ['laplace', 'uniform', 'student-t', 'bimodal'],
    label: 'Sources',
    doc: 'Distribution of every (non-Gaussian) source.',
    group: 'data',
  },
  dim: {
    kind: 'int',
    default: 4,
    min: 2,
    max: 16,
    scale: 'lin',
    label: 'Sources (dim)',
    doc: 'Number of sources and observed dimensions.',
    group: 'data',
  },
  samples: {
    kind: 'int',
    default: 5000,
    min: 500,
    max: 50000,
    scale: 'log',
    label: 'Samples',
    doc: 'Number of observations drawn.',
    group: 'data',
  },
  condition: {
    kind: 'number',
    default: 3,
    min: 1,
    max: 100,
    scale: 'log',
    label: 'Condition of A',
    doc: 'Condition number of the linear part A.',
    group: 'data',
  },
  epsMax: {
    kind: 'number',
    default: 1,
    min: 0.01,
    max: 3,
    scale: 'log',
    label: 'Largest eps',
    doc: 'Largest perturbation in the sweep, relative to the size of A s.',
    group: 'study',
  },
  points: {
    kind: 'int',
    default: 9,
    min: 3,
    max: 16,
    scale: 'lin',
    label: 'Sweep points',
    doc: 'Number of eps values: 0, then log-spaced from epsMax/100 to epsMax.',
    group: 'study',
  },
  contrast: contrastParam,
  tol: tolParam,
  steps: {
    kind: 'int',
    default: 200,
    min: 1,
    max: 2000,
    scale: 'log',
    label: 'Iterations per eps',
    doc: 'FastICA iteration cap at each value of eps.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type RobustnessTable = typeof params;
export type RobustnessParams = ParamsOf<RobustnessTable>;

/** One solve of the study (train.ts): the experiment's parameters at one eps, the size of h relative to A s. */
export type PerturbedTable = RobustnessTable & { eps: NumberParam };
export type PerturbedParams = ParamsOf<PerturbedTable>;

/**
 * The eps sweep: one FastICA solve per eps (0, then log-spaced from epsMax / 100 to epsMax), each
 * from the same initialisation; the claims read the error at eps = 0, at the smallest and the
 * largest eps, and its rank correlation with eps over the nonzero points.
 */
const epsStudy: StudyDecl<RobustnessTable, PerturbedTable> = {
  unit: () => import('./train').then((m) => m.trainer),
  unitViews: ['mixtures'],
  arms: (p) =>
    epsGrid(p.epsMax, p.points).map((eps, g) => ({
      label: `eps = ${eps.toPrecision(2)}`,
      group: g,
      value: eps,
      params: { ...p, eps },
    })),
  reduce: (done) => {
    const amari = groupMeans(done, 'metric/amari');
    const nonzero = amari.filter((p) => (p.value ?? 0) > 0);
    const n = nonzero.length;
    const rank =
      n >= 2
        ? spearmanMatrix(
            Float64Array.from(nonzero, (p) => p.value ?? NaN),
            Float64Array.from(nonzero, (p) => p.mean),
            n,
            1,
            1,
          ).data[0]
        : NaN;
    return {
      'metric/amari_at_zero': amari.find((p) => p.value === 0)?.mean ?? NaN,
      'metric/amari_smallest_eps': nonzero[0]?.mean ?? NaN,
      'metric/amari_largest_eps': nonzero.at(-1)?.mean ?? NaN,
      'metric/eps_error_rank_corr': rank,
    };
  },
  views: (done) => {
    const amari = groupMeans(done, 'metric/amari');
    const mccs = groupMeans(done, 'metric/mcc');
    const nonzero = amari
      .map((p, i) => ({ ...p, mcc: mccs[i].mean }))
      .filter((p) => (p.value ?? 0) > 0);
    const floor = amari.find((p) => p.value === 0)?.mean ?? NaN;
    return {
      sweep: {
        kind: 'lines',
        x: nonzero.map((p) => p.value ?? NaN),
        series: [
          { name: 'Amari distance', y: nonzero.map((p) => p.mean) },
          { name: 'at eps = 0 (finite-sample floor)', y: nonzero.map(() => floor) },
          { name: '1 - MCC', y: nonzero.map((p) => 1 - p.mcc) },
        ],
      },
    };
  },
};

export const spec = defineSpec({
  id: 'ica-robustness',
  title: 'Robustness of linear ICA to almost-linear mixing',
  family: 'ica',
  summary:
    'Observations are a linear mixture plus a small smooth nonlinear perturbation, x = A s + eps h(s). ' +
    'Linear ICA is solved at each eps of a sweep; its error against the true A should vanish as eps -> 0 and grow gracefully with eps.',
  params: params,
  metrics: {
    'metric/eps': {
      label: 'eps',
      doc: 'The perturbation size being solved.',
      better: 'none',
    },
    'metric/arm': { label: 'Point', doc: 'Index of the eps being solved.', better: 'none' },
    'metric/amari': {
      label: 'Amari distance',
      short: 'Amari',
      doc: 'Classic Amari index of (W K) A normalised to [0, 1], at this eps.',
      better: 'lower',
    },
    'metric/mcc': {
      label: 'MCC',
      doc: 'Mean matched |Pearson correlation| of recovered and true sources, at this eps.',
      better: 'higher',
    },
    'metric/amari_at_zero': {
      label: 'Amari at eps = 0',
      doc: 'The finite-sample floor: the error with no perturbation.',
      better: 'lower',
    },
    'metric/amari_smallest_eps': {
      label: 'Amari at the smallest eps > 0',
      doc: 'Error at epsMax / 100.',
      better: 'lower',
    },
    'metric/amari_largest_eps': {
      label: 'Amari at the largest eps',
      doc: 'Error at epsMax.',
      better: 'lower',
    },
    'metric/eps_error_rank_corr': {
      label: 'Rank correlation eps vs error',
      doc: 'Spearman correlation between eps and the Amari distance over the nonzero sweep points.',
      better: 'higher',
    },
  },
  lossMetric: 'metric/amari',
  charts: [
    {
      kind: 'view',
      id: 'sweep',
      view: 'lines',
      title: 'Linear ICA error against the perturbation size',
      xTitle: 'eps (size of h relative to A s)',
      yTitle: 'Amari distance',
      logX: true,
    },
    {
      kind: 'view',
      id: 'mixtures',
      view: 'scatter-grid',
      title: 'Observations without and with the perturbation',
    },
    {
      kind: 'curves',
      id: 'progress',
      title: 'Error while solving, one eps after the other',
      metrics: ['metric/amari', 'metric/mcc'],
      yRange: [0, 1.02],
    },
  ],
  presets: {
    'smooth-perturbation': {
      label: 'Smooth perturbation, Laplace sources',
      reason: "The paper's ICA setting: A invertible, h a small smooth nonlinearity.",
      params: { sources: 'laplace', dim: 4, epsMax: 1, points: 9 },
    },
  },
  defaultPreset: 'smooth-perturbation',
  claimNeutralParams: ['seed'],
  stepsPerTick: 1,
  claims: [
    {
      id: 'error-vanishes-small-eps',
      preset: 'smooth-perturbation',
      text: 'At a small perturbation (eps = 0.01) linear ICA still recovers A: the error is at the finite-sample level.',
      metric: 'metric/amari_smallest_eps',
      op: '<=',
      value: 0.05,
      expect: 'holds',
    },
    {
      id: 'error-grows-with-eps',
      preset: 'smooth-perturbation',
      text: 'The error grows with the size of the perturbation (rank correlation of eps and Amari distance).',
      metric: 'metric/eps_error_rank_corr',
      op: '>=',
      value: 0.8,
      expect: 'holds',
    },
    {
      id: 'large-eps-not-recovered',
      preset: 'smooth-perturbation',
      text: 'Negative control: when the perturbation is as large as the linear part (eps = 1), linear ICA no longer recovers A.',
      metric: 'metric/amari_largest_eps',
      op: '<=',
      value: 0.05,
      expect: 'fails',
    },
  ],
  load: () => studyTrainer(epsStudy),
});
