/**
 * The intrinsic dimension of an objective landscape (Li, Farkhoor, Liu and Yosinski, ICLR 2018):
 * train inside a random d-dimensional subspace theta = theta_0 + P v and raise d until the problem
 * is solved. The paper's own toy, D = 1 000 parameters in 10 groups whose sums must equal 1..10,
 * has intrinsic dimension exactly 10, however large D is.
 */
import { ParamError } from '../core/params';
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  groups: {
    kind: 'int',
    default: 10,
    min: 2,
    max: 40,
    scale: 'lin',
    label: 'Groups',
    doc: 'Constraints: group g of the parameters must sum to g. The intrinsic dimension.',
    group: 'task',
  },
  groupSize: {
    kind: 'int',
    default: 100,
    min: 2,
    max: 1000,
    scale: 'log',
    label: 'Parameters per group',
    doc: 'D = groups x this; the paper uses 100 (D = 1 000).',
    group: 'task',
  },
  subspace: {
    kind: 'choice',
    default: 'random',
    choices: ['random', 'confined'],
    label: 'Subspace',
    doc: 'random: dense N(0, 1) directions with unit norm (the paper); confined: the directions move only the first half of the groups.',
    group: 'subspace',
  },
  maxDim: {
    kind: 'int',
    default: 20,
    min: 2,
    max: 80,
    scale: 'lin',
    label: 'Largest subspace dimension',
    doc: 'The run raises d = 1, 2, ... up to this, one per step.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type IntrinsicTable = typeof params;
export type IntrinsicParams = ParamsOf<IntrinsicTable>;

/** Solved: the subspace minimum below this fraction of the starting loss (float64 round-off is ~1e-30). */
export const SOLVED = 1e-12;

export const spec = defineSpec({
  id: 'dynamics-intrinsic-dim',
  title: 'Intrinsic dimension of an objective: training in random subspaces',
  family: 'dynamics',
  summary:
    'The parameters theta (D = 1 000) are confined to a random d-dimensional affine subspace theta_0 + P v, and d is raised until the objective can be solved. ' +
    'The objective asks 10 groups of 100 parameters to sum to 1, 2, ..., 10: its solutions form a (D - 10)-dimensional set, so a random subspace meets it once d = 10, never before, whatever D is. ' +
    'The best v for each d is found by least squares, the point gradient descent in the subspace converges to.',
  params,
  check: (p) =>
    p.maxDim > p.groups
      ? []
      : [new ParamError('maxDim', `more than the groups (${p.groups})`, String(p.maxDim))],
  metrics: {
    'metric/log10_min_loss': {
      label: 'log10 subspace minimum of the loss',
      short: 'best loss',
      doc: 'log10 of min_v loss(theta_0 + P v) at the current d (floored at -16).',
      better: 'lower',
    },
    'metric/log10_start_loss': {
      label: 'log10 loss at theta_0',
      short: 'at theta_0',
      doc: 'The loss before training: what d = 0 gives.',
      better: 'none',
    },
    'metric/d_int': {
      label: 'Intrinsic dimension found',
      doc: 'The smallest d whose subspace minimum is below 1e-12 of the starting loss; d + 1 while none has been (so maxDim + 1 means not solved).',
      better: 'none',
    },
    'metric/loss_one_short': {
      label: 'Subspace minimum at d = groups - 1',
      doc: 'The loss one dimension short of the intrinsic one (the current d until it is reached).',
      better: 'none',
    },
  },
  lossMetric: 'metric/log10_min_loss',
  charts: [
    {
      kind: 'curves',
      id: 'minimum',
      title: 'Best loss inside a d-dimensional random subspace (step = d)',
      metrics: ['metric/log10_min_loss'],
      references: ['metric/log10_start_loss'],
    },
    {
      kind: 'view',
      id: 'sums',
      view: 'bars',
      title: 'Group sums at the subspace optimum, against their targets',
      xTitle: 'group',
      yTitle: 'sum of its parameters',
    },
  ],
  presets: {
    'sums-toy': {
      label: "The paper's toy: 10 groups of 100",
      reason: 'Li et al. Sec. 2: D = 1 000, intrinsic dimension 10.',
      params: { groups: 10, groupSize: 100, subspace: 'random' },
    },
    confined: {
      label: 'Confined subspace (negative control)',
      reason:
        'The directions touch only groups 1-5: no number of them solves the other five constraints.',
      params: { groups: 10, groupSize: 100, subspace: 'confined' },
    },
  },
  defaultPreset: 'sums-toy',
  claimNeutralParams: ['seed'],
  assumptions: [
    {
      param: 'subspace',
      broken: (p) => p.subspace === 'confined',
      text: 'The subspace is not random: it misses whole constraints, so d no longer measures the problem.',
    },
  ],
  stepsPerTick: 1,
  claims: [
    {
      id: 'toy-dint-exact',
      preset: 'sums-toy',
      text: 'The toy is solved at d = 10 and not at d = 9 (best loss below 1e-12 of the start): its intrinsic dimension is the number of constraints, not D = 1 000.',
      metric: 'metric/d_int',
      op: 'between',
      value: [9.5, 10.5],
      expect: 'holds',
    },
    {
      id: 'confined-unsolved',
      preset: 'confined',
      text: 'Negative control: a subspace confined to half the groups solves the toy within d = 20 (d_int <= 20).',
      metric: 'metric/d_int',
      op: '<=',
      value: 20,
      expect: 'fails',
    },
  ],
  flops: (p) => p.groups * p.groupSize * p.maxDim * 2,
  load: () => import('./intrinsic-train').then((m) => m.trainer),
});
