/**
 * Linear ICA: x = A s with independent sources s; recover W ~ A^{-1} up to permutation and
 * scale. Identifiable iff at most one source is Gaussian (Comon 1994, "Independent component
 * analysis, a new concept?", Theorem 11); non-Gaussian sources stay identifiable even when
 * several Gaussians are present (Eriksson & Koivunen 2004).
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { contrastParam, seedParam, tolParam } from '../core/common-params';

const fastica = (p: Record<string, unknown>) => p.algorithm === 'fastica';
const infomax = (p: Record<string, unknown>) => p.algorithm === 'infomax';

const params = {
  sources: {
    kind: 'choice',
    default: 'laplace',
    choices: ['laplace', 'uniform', 'student-t', 'bimodal', 'gaussian', 'mixed'],
    label: 'Sources',
    doc: 'Distribution of every source (unit variance); mixed = one Gaussian source, the rest Laplace and uniform in turn.',
    group: 'data',
  },
  dim: {
    kind: 'int',
    default: 4,
    min: 2,
    max: 32,
    scale: 'lin',
    label: 'Sources (dim)',
    doc: 'Number of sources and of observed mixtures.',
    group: 'data',
  },
  samples: {
    kind: 'int',
    default: 5000,
    min: 200,
    max: 50000,
    scale: 'log',
    label: 'Samples',
    doc: 'Number of observations drawn.',
    group: 'data',
  },
  condition: {
    kind: 'number',
    default: 10,
    min: 1,
    max: 1000,
    scale: 'log',
    label: 'Mixing condition number',
    doc: 'Condition number of the random mixing A = U diag(s) V^T (1 = orthogonal).',
    group: 'data',
  },
  algorithm: {
    kind: 'choice',
    default: 'fastica',
    choices: ['fastica', 'infomax'],
    label: 'Algorithm',
    doc: 'FastICA (parallel fixed point, Hyvarinen 1999) or extended infomax by natural gradient (Amari et al. 1996; Lee et al. 1999).',
    group: 'model',
  },
  contrast: { ...contrastParam, when: fastica },
  tol: { ...tolParam, when: fastica },
  optimizer: {
    kind: 'choice',
    default: 'sgd',
    choices: ['sgd', 'adam'],
    label: 'Optimizer',
    doc: 'TF.js optimizer that applies the natural gradient.',
    group: 'model',
    when: infomax,
  },
  lr: {
    kind: 'number',
    default: 0.1,
    min: 1e-4,
    max: 1,
    scale: 'log',
    label: 'Learning rate',
    doc: 'Step size of the natural-gradient update.',
    group: 'model',
    when: infomax,
  },
  steps: {
    kind: 'int',
    default: 200,
    min: 1,
    max: 5000,
    scale: 'log',
    label: 'Iterations',
    doc: 'FastICA iteration cap, or infomax full-batch steps.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type IcaTable = typeof params;
export type IcaParams = ParamsOf<IcaTable>;

export const spec = defineSpec({
  id: 'linear-ica',
  title: 'Linear ICA: FastICA and natural-gradient infomax',
  family: 'ica',
  summary:
    'Independent non-Gaussian sources are mixed by a random matrix; FastICA or infomax unmixes them. ' +
    'Recovery is judged against the true sources (Amari distance, MCC), so the Gaussian negative control shows what no algorithm can do.',
  metrics: {
    'loss/nll': {
      label: 'NLL per sample',
      doc: 'Negative log-likelihood of the whitened data under the extended-infomax source model (constants dropped).',
      better: 'lower',
    },
    'metric/amari': {
      label: 'Amari distance',
      short: 'Amari',
      doc: 'Classic Amari index of P = W A, normalised to [0, 1]: 0 iff W A is a scaled permutation.',
      better: 'lower',
    },
    'metric/mcc': {
      label: 'MCC',
      doc: 'Mean |Pearson correlation| of recovered and true sources after Hungarian matching.',
      better: 'higher',
    },
    'metric/mcc_nongauss': {
      label: 'MCC (non-Gaussian sources)',
      doc: 'MCC restricted to the true sources that are not Gaussian (undefined when all are Gaussian).',
      better: 'higher',
      optional: true,
    },
    'metric/mcc_chance': {
      label: 'MCC of a random rotation',
      doc: 'Chance level: expected MCC of a uniformly random rotation of the whitened data at this dimension.',
      better: 'none',
    },
    'metric/mcc_spearman': {
      label: 'MCC (Spearman)',
      doc: 'As MCC with rank correlation; computed at the end.',
      better: 'higher',
    },
  },
  params,
  lossMetric: 'loss/nll',
  charts: [
    {
      kind: 'curves',
      id: 'recovery',
      title: 'Recovery of the true sources',
      metrics: ['metric/mcc', 'metric/amari'],
      references: ['metric/mcc_chance'],
      yRange: [0, 1.02],
    },
    {
      kind: 'view',
      id: 'heatmap',
      view: 'heatmap',
      title: '|correlation|: true vs recovered',
      xTitle: 'recovered, in matched order',
      yTitle: 'true source',
    },
    {
      kind: 'view',
      id: 'scatter',
      view: 'scatter-grid',
      title: 'True sources, mixtures, recovered sources',
      wide: true,
    },
    { kind: 'curves', id: 'loss', title: 'Training loss', metrics: ['loss/nll'] },
  ],
  presets: {
    'laplace-fastica': {
      label: 'Laplace sources, FastICA',
      reason: 'The textbook identifiable case: super-Gaussian sources.',
      params: { sources: 'laplace', dim: 4, algorithm: 'fastica' },
    },
    'uniform-fastica': {
      label: 'Uniform sources, FastICA',
      reason: 'Sub-Gaussian sources are identifiable too.',
      params: { sources: 'uniform', dim: 6, algorithm: 'fastica' },
    },
    'laplace-infomax': {
      label: 'Laplace sources, infomax',
      reason: 'Maximum likelihood by natural gradient reaches the same solution.',
      params: { sources: 'laplace', dim: 4, algorithm: 'infomax', lr: 0.1, steps: 1000 },
    },
    'uniform-infomax': {
      label: 'Uniform sources, extended infomax',
      reason:
        'The extended rule switches its density model per source, so sub-Gaussian sources are recovered.',
      params: { sources: 'uniform', dim: 4, algorithm: 'infomax', lr: 0.1, steps: 1000 },
    },
    'gaussian-control': {
      label: 'Gaussian sources (negative control)',
      reason:
        'Any rotation of white Gaussian sources is again white Gaussian: nothing singles out A.',
      params: { sources: 'gaussian', dim: 6, algorithm: 'fastica' },
    },
    'one-gaussian': {
      label: 'One Gaussian among non-Gaussian',
      reason: 'A single Gaussian source does not break identifiability.',
      params: { sources: 'mixed', dim: 6, algorithm: 'fastica' },
    },
  },
  defaultPreset: 'laplace-infomax',
  claimNeutralParams: ['seed'],
  assumptions: [
    {
      param: 'sources',
      broken: (p) => p.sources === 'gaussian',
      text: 'Gaussian sources: ICA cannot identify these (any rotation of them is equally likely).',
    },
  ],
  stepsPerTick: 1,
  // W z and E[g(W z) z^T] on the full batch: 2 d^2 N multiply-adds each (multiply-adds count 2).
  flops: (p) => 4 * p.dim ** 2 * p.samples,
  claims: [
    {
      id: 'fastica-laplace-amari',
      preset: 'laplace-fastica',
      text: 'FastICA recovers Laplace sources: Amari distance small.',
      metric: 'metric/amari',
      op: '<=',
      value: 0.05,
      expect: 'holds',
    },
    {
      id: 'fastica-laplace-mcc',
      preset: 'laplace-fastica',
      text: 'FastICA recovers Laplace sources: MCC near 1.',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'holds',
    },
    {
      id: 'fastica-uniform-mcc',
      preset: 'uniform-fastica',
      text: 'FastICA recovers uniform (sub-Gaussian) sources.',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'holds',
    },
    {
      id: 'infomax-laplace-amari',
      preset: 'laplace-infomax',
      text: 'Natural-gradient infomax recovers Laplace sources: Amari distance small.',
      metric: 'metric/amari',
      op: '<=',
      value: 0.05,
      expect: 'holds',
    },
    {
      id: 'infomax-laplace-mcc',
      preset: 'laplace-infomax',
      text: 'Natural-gradient infomax recovers Laplace sources: MCC near 1.',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'holds',
    },
    {
      id: 'infomax-uniform-mcc',
      preset: 'uniform-infomax',
      text: 'Extended infomax recovers uniform sources.',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'holds',
    },
    {
      id: 'gaussian-mcc',
      preset: 'gaussian-control',
      text: 'Negative control: Gaussian sources are not recovered (MCC stays near the random-rotation level).',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.95,
      expect: 'fails',
    },
    {
      id: 'gaussian-amari',
      preset: 'gaussian-control',
      text: 'Negative control: the Amari distance stays large for Gaussian sources.',
      metric: 'metric/amari',
      op: '<=',
      value: 0.05,
      expect: 'fails',
    },
    {
      id: 'one-gaussian-rest',
      preset: 'one-gaussian',
      text: 'With one Gaussian source, the non-Gaussian sources are still recovered.',
      metric: 'metric/mcc_nongauss',
      op: '>=',
      value: 0.98,
      expect: 'holds',
    },
  ],
  load: () => import('./train').then((m) => m.trainer),
});
