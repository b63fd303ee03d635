/**
 * Identifying a Gaussian LTI system from several environments of controls (after Rajendran,
 * Reizinger, Brendel and Ravikumar, CLeaR 2024): one passive environment identifies the controls
 * only up to a rotation; environments whose control variances differ identify them up to
 * permutation and scale.
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  states: {
    kind: 'int',
    default: 4,
    min: 2,
    max: 6,
    scale: 'lin',
    label: 'States n',
    doc: 'Dimension of the state x and of the control u.',
    group: 'data',
  },
  environments: {
    kind: 'int',
    default: 4,
    min: 1,
    max: 6,
    scale: 'lin',
    label: 'Environments',
    doc: 'Recordings with their own control variances; the estimator uses the pair whose variance ratios are best separated.',
    group: 'data',
  },
  variances: {
    kind: 'choice',
    default: 'diverse',
    choices: ['diverse', 'equal'],
    label: 'Control variances',
    doc: 'Drawn per environment (|N(0, 1)| / 2 + 0.05 per control), or the same in every environment.',
    group: 'data',
  },
  samples: {
    kind: 'int',
    default: 4000,
    min: 500,
    max: 20000,
    scale: 'log',
    label: 'Time steps per environment',
    doc: 'Length of each recorded trajectory.',
    group: 'data',
  },
  steps: {
    kind: 'int',
    default: 40,
    min: 1,
    max: 400,
    scale: 'log',
    label: 'Batches',
    doc: 'Each trajectory is read in this many batches; the estimate is drawn after each.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type LtiTable = typeof params;
export type LtiParams = ParamsOf<LtiTable>;

export const spec = defineSpec({
  id: 'causal-lti',
  title: 'Gaussian LTI systems: controls identified by environments',
  family: 'causal',
  summary:
    'A linear system x_{t+1} = A x_t + B u_t driven by Gaussian controls. A is estimated by least squares; the controls are Gaussian, so one recording identifies them only up to a rotation, ' +
    'but environments with different control variances identify them (and B) up to permutation and scale.',
  params,
  metrics: {
    'metric/mcc': {
      label: 'MCC of the recovered controls',
      short: 'MCC',
      doc: 'Mean |corr| between the true and the recovered controls after optimal matching.',
      better: 'higher',
    },
    'metric/mcc_raw': {
      label: 'MCC of the innovations',
      short: 'innovations',
      doc: 'The same score for the innovations x_{t+1} - A_hat x_t = B u_t before unmixing: what no environment is needed for.',
      better: 'none',
    },
    'metric/mcc_chance': {
      label: 'MCC of a random rotation',
      short: 'chance',
      doc: 'Expected MCC of a uniformly random rotation of the true controls at this n.',
      better: 'none',
    },
    'metric/a_error': {
      label: 'max |A_hat - A|',
      doc: 'Largest error of the least-squares transition matrix.',
      better: 'lower',
    },
  },
  lossMetric: 'metric/mcc',
  charts: [
    {
      kind: 'curves',
      id: 'recovery',
      title: 'Recovery of the true controls as the recordings arrive',
      metrics: ['metric/mcc'],
      references: ['metric/mcc_raw', 'metric/mcc_chance'],
      yRange: [0, 1.02],
    },
    {
      kind: 'curves',
      id: 'transition',
      title: 'Error of the transition matrix',
      metrics: ['metric/a_error'],
      logY: true,
    },
    {
      kind: 'view',
      id: 'matching',
      view: 'heatmap',
      title: '|corr|: true vs recovered controls',
      xTitle: 'recovered control',
      yTitle: 'true control',
    },
  ],
  presets: {
    'diverse-environments': {
      label: 'Four environments with different control variances',
      reason:
        "The paper's interventional setting: control variances that differ across environments.",
      params: { environments: 4, variances: 'diverse' },
    },
    passive: {
      label: 'One passive recording (negative control)',
      reason: 'A single Gaussian recording: only whitening is possible, any rotation fits as well.',
      params: { environments: 1, variances: 'diverse' },
    },
    'equal-variances': {
      label: 'Four environments, equal variances (negative control)',
      reason: 'More recordings but no diversity: every environment has the same control variances.',
      params: { environments: 4, variances: 'equal' },
    },
  },
  defaultPreset: 'diverse-environments',
  claimNeutralParams: ['seed', 'steps'],
  assumptions: [
    {
      param: 'environments',
      broken: (p) => p.environments < 2,
      text: 'One environment: Gaussian controls are identified only up to a rotation.',
    },
    {
      param: 'variances',
      broken: (p) => p.variances === 'equal',
      text: 'Equal control variances in every environment: no diversity to tell the controls apart.',
    },
  ],
  stepsPerTick: 1,
  claims: [
    {
      id: 'diverse-identifies',
      preset: 'diverse-environments',
      text: 'Environments with different control variances identify the controls: MCC >= 0.98 (a random rotation scores about 0.77 at n = 4).',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'holds',
    },
    {
      id: 'passive-rotation',
      preset: 'passive',
      text: 'Negative control: one passive recording identifies the controls (MCC >= 0.98).',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'fails',
    },
    {
      id: 'equal-variances-fail',
      preset: 'equal-variances',
      text: 'Negative control: four environments with equal control variances identify the controls (MCC >= 0.98).',
      metric: 'metric/mcc',
      op: '>=',
      value: 0.98,
      expect: 'fails',
    },
  ],
  flops: (p) => p.environments * p.samples * p.states * p.states * 40,
  load: () => import('./lti-train').then((m) => m.trainer),
});
