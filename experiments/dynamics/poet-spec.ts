/**
 * Reparameterised training by orthogonal equivalence transformation (POET; Qiu, Buchholz, Xiao,
 * Dax, Schölkopf and Liu, arXiv 2506.08001): W = R W0 P with learned orthogonal R, P keeps the
 * singular values of the fixed W0 through training and still fits; standard training moves them.
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  teacherGain: {
    kind: 'number',
    default: 1,
    min: 0.1,
    max: 10,
    scale: 'log',
    label: "Teacher's first-layer gain",
    doc: "Scales the teacher's first layer: at 1 its singular values are distributed like W0's; far from 1, POET's fixed spectrum cannot match them.",
    group: 'data',
  },
  inputs: {
    kind: 'int',
    default: 8,
    min: 2,
    max: 32,
    scale: 'log',
    label: 'Inputs',
    doc: 'Input dimension of teacher and students.',
    group: 'model',
  },
  hidden: {
    kind: 'int',
    default: 32,
    min: 2,
    max: 64,
    scale: 'log',
    label: 'Hidden units',
    doc: 'tanh units of teacher and students.',
    group: 'model',
  },
  samples: {
    kind: 'int',
    default: 2048,
    min: 64,
    max: 8192,
    scale: 'log',
    label: 'Training samples',
    doc: 'Gaussian inputs labelled by the teacher (as many test inputs).',
    group: 'data',
  },
  batch: {
    kind: 'int',
    default: 256,
    min: 16,
    max: 2048,
    scale: 'log',
    label: 'Batch size',
    doc: 'Minibatch per Adam step, drawn with replacement.',
    group: 'run',
  },
  lr: {
    kind: 'number',
    default: 3e-3,
    min: 1e-4,
    max: 3e-2,
    scale: 'log',
    label: 'Learning rate',
    doc: 'Adam, for both students.',
    group: 'run',
  },
  steps: {
    kind: 'int',
    default: 3000,
    min: 10,
    max: 30000,
    scale: 'log',
    label: 'Steps',
    doc: 'Adam steps of each student.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type PoetTable = typeof params;
export type PoetParams = ParamsOf<PoetTable>;

export const spec = defineSpec({
  id: 'dynamics-poet',
  title: 'POET: training that keeps the spectrum of the weights',
  family: 'dynamics',
  summary:
    'Two students of a tanh teacher (8 -> 32 -> 1) start from the same random weights W0. The POET student trains W = R W0 P, ' +
    'R and P orthogonal (products of Householder reflections), so every singular value of W stays that of W0; the standard student trains W itself. ' +
    'Both fit the teacher; only the standard student changes its spectrum.',
  params,
  metrics: {
    'loss/mse_poet': {
      label: 'Training MSE (POET, minibatch)',
      doc: 'Mean squared error of the POET student on the current minibatch.',
      better: 'lower',
    },
    'metric/test_mse_poet': {
      label: 'Test MSE, POET',
      doc: 'Mean squared error of the POET student on the test inputs.',
      better: 'lower',
    },
    'metric/test_mse_standard': {
      label: 'Test MSE, standard training',
      short: 'standard',
      doc: 'The same for the student trained directly.',
      better: 'none',
    },
    'metric/test_mse_zero': {
      label: 'Test MSE of f = 0',
      short: 'f = 0',
      doc: "The teacher's mean square on the test inputs.",
      better: 'none',
    },
    'metric/mse_ratio': {
      label: 'Test MSE, POET / standard',
      doc: 'Above 1: POET fits worse than standard training.',
      better: 'none',
    },
    'metric/log10_sv_drift_poet': {
      label: 'log10 singular-value drift of W1, POET',
      short: 'POET',
      doc: 'log10 of max_i |s_i(W1) - s_i(W0)| / s_i(W0) (floored at -16: float64 round-off).',
      better: 'lower',
    },
    'metric/log10_sv_drift_standard': {
      label: 'log10 singular-value drift of W1, standard',
      short: 'standard',
      doc: 'The same for the standard student.',
      better: 'none',
    },
  },
  lossMetric: 'loss/mse_poet',
  charts: [
    {
      kind: 'curves',
      id: 'fit',
      title: 'Test MSE of both students',
      metrics: ['metric/test_mse_poet'],
      references: ['metric/test_mse_standard', 'metric/test_mse_zero'],
      logY: true,
    },
    {
      kind: 'curves',
      id: 'drift',
      title: 'Singular-value drift of the first layer (log10)',
      metrics: ['metric/log10_sv_drift_poet', 'metric/log10_sv_drift_standard'],
    },
    {
      kind: 'view',
      id: 'spectrum',
      view: 'lines',
      title: 'Singular values of the first layer',
      xTitle: 'index',
      yTitle: 'singular value',
    },
  ],
  presets: {
    'teacher-student': {
      label: 'Teacher-student, matched spectra',
      reason:
        "The planning simulation's setting: teacher and W0 drawn alike, Adam 3e-3, batch 256, 3 000 steps.",
      params: { teacherGain: 1 },
    },
  },
  defaultPreset: 'teacher-student',
  claimNeutralParams: ['seed'],
  stepsPerTick: 100,
  claims: [
    {
      id: 'spectrum-preserved',
      preset: 'teacher-student',
      text: "POET keeps the singular values of W0: the largest relative change of the first layer's is at most 1e-4 (log10 <= -4).",
      metric: 'metric/log10_sv_drift_poet',
      op: '<=',
      value: -4,
      expect: 'holds',
    },
    {
      id: 'poet-fits',
      preset: 'teacher-student',
      text: 'POET fits the teacher about as well as standard training: test MSE within 3x of it.',
      metric: 'metric/mse_ratio',
      op: '<=',
      value: 3,
      expect: 'holds',
    },
    {
      id: 'standard-changes-spectrum',
      preset: 'teacher-student',
      text: 'Negative control: standard training keeps the singular values too (relative change <= 1e-4).',
      metric: 'metric/log10_sv_drift_standard',
      op: '<=',
      value: -4,
      expect: 'fails',
    },
  ],
  flops: (p) => 6 * p.batch * p.inputs * p.hidden * 2 + 12 * p.hidden ** 3,
  load: () => import('./poet-train').then((m) => m.trainer),
});
