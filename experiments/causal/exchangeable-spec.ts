/**
 * The causal direction from exchangeable data (after Reizinger, Guo, Huszár et al.,
 * "Identifiable Exchangeable Mechanisms for Causal Structure and Representation Learning"): with
 * mechanisms drawn independently per environment, conditional independences between two samples
 * of one environment orient X -> Y; i.i.d. data carry no such information, and dependent
 * mechanisms break the test.
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  environments: {
    kind: 'int',
    default: 5000,
    min: 500,
    max: 50000,
    scale: 'log',
    label: 'Environments',
    doc: 'Each draws its own mechanism parameters and yields two samples.',
    group: 'data',
  },
  mechanisms: {
    kind: 'choice',
    default: 'exchangeable',
    choices: ['exchangeable', 'dependent', 'iid'],
    label: 'Mechanisms',
    doc: 'Independent mechanism parameters per environment; dependent ones (psi = theta + 0.3 N(0, 1)); or no environment-level variation (i.i.d.).',
    group: 'data',
  },
  causeSpread: {
    kind: 'number',
    default: 2,
    min: 0.5,
    max: 4,
    scale: 'lin',
    label: 'Spread of the cause mechanism s',
    doc: 'Standard deviation of theta across environments (at s = 1 the backward partial correlation vanishes by coincidence).',
    group: 'data',
  },
  steps: {
    kind: 'int',
    default: 40,
    min: 1,
    max: 500,
    scale: 'log',
    label: 'Batches',
    doc: 'The environments are read in this many batches; the statistics are drawn after each.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type ExchangeableTable = typeof params;
export type ExchangeableParams = ParamsOf<ExchangeableTable>;

export const spec = defineSpec({
  id: 'causal-exchangeable',
  title: 'Causal direction from exchangeable mechanisms',
  family: 'causal',
  summary:
    'Many environments each draw their own mechanisms and give two samples. With independent mechanisms, Y1 is independent of X2 given X1 while X1 is not independent of Y2 given Y1: the direction X -> Y is identified. ' +
    'i.i.d. data carry no such signal, and dependent mechanisms break the test.',
  params,
  metrics: {
    'metric/pcor_forward': {
      label: '|pcor(Y1, X2 | X1)|',
      short: 'forward',
      doc: 'Partial correlation that vanishes in the causal direction X -> Y.',
      better: 'lower',
    },
    'metric/pcor_backward': {
      label: '|pcor(X1, Y2 | Y1)|',
      short: 'backward',
      doc: 'Partial correlation that would vanish if Y -> X.',
      better: 'higher',
    },
  },
  lossMetric: 'metric/pcor_forward',
  charts: [
    {
      kind: 'curves',
      id: 'independences',
      title: 'Conditional independences between two samples of an environment',
      metrics: ['metric/pcor_forward', 'metric/pcor_backward'],
      yRange: [0, 0.6],
    },
  ],
  presets: {
    exchangeable: {
      label: 'Independent mechanisms per environment',
      reason: 'Exchangeable data with independent mechanisms: the causal de Finetti setting.',
      params: { mechanisms: 'exchangeable' },
    },
    iid: {
      label: 'i.i.d. data (negative control)',
      reason: 'No environment-level variation: both partial correlations vanish, no direction.',
      params: { mechanisms: 'iid' },
    },
    'dependent-mechanisms': {
      label: 'Dependent mechanisms (negative control)',
      reason: 'The effect’s mechanism follows the cause’s: the forward independence fails.',
      params: { mechanisms: 'dependent' },
    },
  },
  defaultPreset: 'exchangeable',
  claimNeutralParams: ['seed', 'steps'],
  assumptions: [
    {
      param: 'mechanisms',
      broken: (p) => p.mechanisms !== 'exchangeable',
      text: 'The causal de Finetti test needs exchangeable data with independent mechanisms.',
    },
  ],
  stepsPerTick: 1,
  claims: [
    {
      id: 'forward-independent',
      preset: 'exchangeable',
      text: 'In the causal direction, Y1 is independent of X2 given X1: |pcor| <= 0.05.',
      metric: 'metric/pcor_forward',
      op: '<=',
      value: 0.05,
      expect: 'holds',
    },
    {
      id: 'backward-dependent',
      preset: 'exchangeable',
      text: 'In the anticausal direction, X1 is not independent of Y2 given Y1: |pcor| >= 0.1, so the test orients X -> Y.',
      metric: 'metric/pcor_backward',
      op: '>=',
      value: 0.1,
      expect: 'holds',
    },
    {
      id: 'iid-no-direction',
      preset: 'iid',
      text: 'Negative control: i.i.d. data show the anticausal dependence (|pcor| >= 0.1).',
      metric: 'metric/pcor_backward',
      op: '>=',
      value: 0.1,
      expect: 'fails',
    },
    {
      id: 'dependent-breaks-forward',
      preset: 'dependent-mechanisms',
      text: 'Negative control: with dependent mechanisms Y1 is still independent of X2 given X1 (|pcor| <= 0.05).',
      metric: 'metric/pcor_forward',
      op: '<=',
      value: 0.05,
      expect: 'fails',
    },
  ],
  flops: (p) => p.environments * 40,
  load: () => import('./exchangeable-train').then((m) => m.trainer),
});
