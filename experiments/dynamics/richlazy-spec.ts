/**
 * Rich and lazy learning set by layer-wise initialisation scales (Kunin, Raventós, Dominé, Chen,
 * Klindt, Saxe and Ganguli, "Get rich quick", NeurIPS 2024): in a two-layer ReLU network an
 * upstream initialisation (small first layer, large readout) moves the network's kernel and fits
 * fast; a balanced one of the same small scale is rich but slow; a large or a downstream one stays
 * lazy.
 */
import { ParamError } from '../core/params';
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  tau: {
    kind: 'number',
    default: 0.1,
    min: 0.01,
    max: 4,
    scale: 'log',
    label: 'Scale tau',
    doc: 'Overall initialisation scale: first-layer norms tau * alpha, readouts tau / alpha.',
    group: 'initialisation',
  },
  delta: {
    kind: 'number',
    default: 0.9999,
    min: -4,
    max: 4,
    scale: 'lin',
    label: 'Conserved delta = a^2 - |w|^2',
    doc: 'Positive: upstream (small first layer, large readout); 0: balanced; negative: downstream. Conserved by gradient flow.',
    group: 'initialisation',
  },
  width: {
    kind: 'int',
    default: 50,
    min: 2,
    max: 400,
    scale: 'log',
    label: 'Student neurons m',
    doc: 'Hidden ReLU units of the student, in pairs with opposite readouts so that the initial function is 0.',
    group: 'model',
  },
  samples: {
    kind: 'int',
    default: 20,
    min: 4,
    max: 400,
    scale: 'log',
    label: 'Training inputs n',
    doc: 'Points on the unit circle labelled by the 3-neuron ReLU teacher.',
    group: 'data',
  },
  lr: {
    kind: 'number',
    default: 1e-3,
    min: 1e-5,
    max: 1e-2,
    scale: 'log',
    label: 'Learning rate',
    doc: 'Full-batch gradient descent on the mean squared error.',
    group: 'run',
  },
  steps: {
    kind: 'int',
    default: 30000,
    min: 1000,
    max: 300000,
    scale: 'log',
    label: 'Steps',
    doc: 'Gradient steps (at least 1 000: the claims read step 1 000).',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type RichLazyTable = typeof params;
export type RichLazyParams = ParamsOf<RichLazyTable>;

/** The snapshot steps the claims read (the paper's "rapid" is early in training). */
export const EARLY_STEP = 1000;

export const spec = defineSpec({
  id: 'dynamics-rich-lazy',
  title: 'Rich and lazy learning from layer-wise initialisation scales',
  family: 'dynamics',
  summary:
    'A two-layer ReLU student learns a 3-neuron ReLU teacher on the unit circle by full-batch gradient descent. ' +
    'The per-neuron quantity delta = a^2 - |w|^2 is conserved; with a small overall scale, delta > 0 (upstream: small first layer, large readout) ' +
    'lets the first layer move fast, so the kernel changes (rich learning) and the teacher is fitted quickly; delta = 0 is rich but slow; ' +
    'a large scale or delta < 0 keeps the kernel fixed (lazy).',
  params,
  check: (p) =>
    p.width % 2 === 0
      ? []
      : [new ParamError('width', 'an even number (neurons come in pairs)', String(p.width))],
  metrics: {
    'loss/mse': {
      label: 'Training MSE',
      doc: 'Mean squared error on the n training inputs.',
      better: 'lower',
    },
    'metric/test_mse': {
      label: 'Test MSE',
      doc: 'Mean squared error against the teacher over 720 evenly spaced points of the circle.',
      better: 'lower',
    },
    'metric/log10_test_mse_1k': {
      label: 'log10 test MSE at step 1 000',
      doc: 'log10 of the test MSE at step min(t, 1 000): how fast the teacher is fitted. Errors span orders of magnitude across initialisations, so the claims read them on a log scale.',
      better: 'lower',
    },
    'metric/test_mse_zero': {
      label: 'Test MSE of f = 0',
      short: 'f = 0',
      doc: "The teacher's mean square: the test MSE of the symmetrised student at initialisation.",
      better: 'none',
    },
    'metric/kernel_distance': {
      label: 'Kernel distance from initialisation',
      short: 'kernel distance',
      doc: '1 - <K0, Kt>_F / (|K0| |Kt|) of the empirical NTK on the training inputs: 0 while the kernel only rescales (lazy).',
      better: 'none',
    },
    'metric/log10_kernel_distance_1k': {
      label: 'log10 kernel distance at step 1 000',
      doc: 'log10 of the kernel distance at step min(t, 1 000): how early the features move (lazy runs sit near -5, rich ones near -1; floored at -8).',
      better: 'none',
    },
    'metric/kernel_distance_max': {
      label: 'Largest kernel distance so far',
      doc: 'The largest kernel distance over the run, checked every 100 steps.',
      better: 'none',
    },
    'metric/hamming': {
      label: 'Activation patterns changed',
      doc: 'Summed over neurons, the fraction of training inputs whose ReLU on/off state differs from initialisation.',
      better: 'none',
    },
    'metric/delta_drift': {
      label: 'max |delta_t - delta_0|',
      doc: "Largest change of a neuron's a^2 - |w|^2: zero under gradient flow, small under gradient descent with a small step.",
      better: 'lower',
    },
  },
  lossMetric: 'loss/mse',
  charts: [
    {
      kind: 'curves',
      id: 'kernel',
      title: 'How far the kernel moved (rich learning)',
      metrics: ['metric/kernel_distance'],
      yRange: [0, 0.5],
    },
    {
      kind: 'curves',
      id: 'fit',
      title: 'Fit to the teacher',
      metrics: ['metric/test_mse', 'loss/mse'],
      references: ['metric/test_mse_zero'],
      logY: true,
    },
    {
      kind: 'curves',
      id: 'patterns',
      title: 'Activation patterns changed',
      metrics: ['metric/hamming'],
    },
    {
      kind: 'view',
      id: 'function',
      view: 'lines',
      title: 'Teacher and student around the circle',
      xTitle: 'angle of x (degrees)',
      yTitle: 'f(x)',
    },
    {
      kind: 'view',
      id: 'neurons',
      view: 'scatter-grid',
      title: 'Student neurons |a_i| w_i: at initialisation, now, and the teacher',
      wide: true,
    },
  ],
  presets: {
    upstream: {
      label: 'Upstream: small first layer, large readout',
      reason:
        "The paper's accelerated rich regime (Fig. 1a, alpha = 0.1): tau 0.1, delta = +0.9999, first-layer norms 0.01 and readouts 1.",
      params: { tau: 0.1, delta: 0.9999 },
    },
    'balanced-small': {
      label: 'Balanced, small scale',
      reason: 'The same scale with delta = 0: rich, but the first layer starts slowly.',
      params: { tau: 0.1, delta: 0 },
    },
    'lazy-large': {
      label: 'Balanced, large scale (negative control)',
      reason: 'tau = 2: the network fits by linearisation around its initialisation (lazy).',
      params: { tau: 2, delta: 0 },
    },
    downstream: {
      label: 'Downstream: large first layer, small readout (negative control)',
      reason:
        'delta = -0.9999 at tau 0.1: first-layer norms 1, readouts 0.01; the first layer barely moves.',
      params: { tau: 0.1, delta: -0.9999 },
    },
  },
  defaultPreset: 'upstream',
  claimNeutralParams: ['seed'],
  assumptions: [
    {
      param: 'delta',
      broken: (p) => p.delta <= 0,
      text: 'delta <= 0: the first layer does not learn faster than the readout, so rich learning is not accelerated.',
    },
    {
      param: 'tau',
      broken: (p) => p.tau >= 1,
      text: 'A large overall scale: the network stays near its linearisation (lazy).',
    },
  ],
  stepsPerTick: 500,
  claims: [
    {
      id: 'upstream-rich-early',
      preset: 'upstream',
      text: 'An upstream initialisation moves the kernel early: kernel distance at step 1 000 >= 0.02 (log10 >= -1.7).',
      metric: 'metric/log10_kernel_distance_1k',
      op: '>=',
      value: -1.7,
      expect: 'holds',
    },
    {
      id: 'upstream-fits-fast',
      preset: 'upstream',
      text: 'An upstream initialisation fits the teacher fast: test MSE at step 1 000 <= 0.03 (log10 <= -1.5).',
      metric: 'metric/log10_test_mse_1k',
      op: '<=',
      value: -1.5,
      expect: 'holds',
    },
    {
      id: 'balanced-slow',
      preset: 'balanced-small',
      text: 'A balanced initialisation of the same scale fits as fast (test MSE at step 1 000 <= 0.03); the paper predicts it does not.',
      metric: 'metric/log10_test_mse_1k',
      op: '<=',
      value: -1.5,
      expect: 'fails',
    },
    {
      id: 'lazy-large-kernel-fixed',
      preset: 'lazy-large',
      text: 'Negative control: a large balanced initialisation moves the kernel (largest kernel distance >= 0.02).',
      metric: 'metric/kernel_distance_max',
      op: '>=',
      value: 0.02,
      expect: 'fails',
    },
    {
      id: 'downstream-kernel-fixed',
      preset: 'downstream',
      text: 'Negative control: a downstream initialisation moves the kernel (largest kernel distance >= 0.02).',
      metric: 'metric/kernel_distance_max',
      op: '>=',
      value: 0.02,
      expect: 'fails',
    },
  ],
  flops: (p) => p.samples * p.width * 12,
  load: () => import('./richlazy-train').then((m) => m.trainer),
});
