/**
 * Causal direction by compression (after Wendong, Buchholz and Schölkopf, "Algorithmic causal
 * structure emerging through compression", CLeaR 2025): the factorisation that describes the data
 * of several environments in the fewest nats, with one computable two-part bound, is X -> Y; with
 * one environment the two tie.
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  states: {
    kind: 'int',
    default: 6,
    min: 2,
    max: 8,
    scale: 'lin',
    label: 'States of X and Y',
    doc: 'Both variables take this many values.',
    group: 'data',
  },
  environments: {
    kind: 'int',
    default: 5,
    min: 1,
    max: 20,
    scale: 'lin',
    label: 'Environments',
    doc: 'Each redraws P(X) from a Dirichlet(1); which mechanism changed is not told to the learner.',
    group: 'data',
  },
  shift: {
    kind: 'choice',
    default: 'cause-marginal',
    choices: ['cause-marginal', 'all-mechanisms'],
    label: 'What changes across environments',
    doc: 'Only P(X) (the mechanism P(Y | X) is shared), or every mechanism.',
    group: 'data',
  },
  samples: {
    kind: 'int',
    default: 1000,
    min: 200,
    max: 20000,
    scale: 'log',
    label: 'Samples per environment',
    doc: 'Observations of (X, Y) in each environment.',
    group: 'data',
  },
  steps: {
    kind: 'int',
    default: 40,
    min: 1,
    max: 400,
    scale: 'log',
    label: 'Batches',
    doc: 'The samples are read in this many batches; the code lengths are drawn after each.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type CompressionTable = typeof params;
export type CompressionParams = ParamsOf<CompressionTable>;

export const spec = defineSpec({
  id: 'causal-compression',
  title: 'Causal direction by compression',
  family: 'causal',
  summary:
    'Discrete X -> Y in several environments whose P(X) shifts while P(Y | X) stays. A two-part code (BIC: parameters plus data) of all environments is shorter when factorised as X -> Y, which can share its mechanism, than as Y -> X; ' +
    'with one environment the two factorisations tie.',
  params,
  metrics: {
    'metric/advantage': {
      label: 'Code-length advantage of X -> Y (nats per sample)',
      short: 'advantage',
      doc: '(L(Y -> X) - L(X -> Y)) / N: positive when compression picks the causal direction.',
      better: 'higher',
    },
    'metric/code_xy': {
      label: 'Code length, X -> Y (nats per sample)',
      short: 'X -> Y',
      doc: 'Two-part code length of all environments factorised as P_e(X) P(Y | X), sharing the mechanism when that is shorter.',
      better: 'none',
    },
    'metric/code_yx': {
      label: 'Code length, Y -> X (nats per sample)',
      short: 'Y -> X',
      doc: 'The same for P_e(Y) P(X | Y).',
      better: 'none',
    },
  },
  lossMetric: 'metric/code_xy',
  charts: [
    {
      kind: 'curves',
      id: 'advantage',
      title: 'Code-length advantage of the causal factorisation',
      metrics: ['metric/advantage'],
    },
    {
      kind: 'curves',
      id: 'codes',
      title: 'Code length of each factorisation',
      metrics: ['metric/code_xy', 'metric/code_yx'],
    },
  ],
  presets: {
    'several-environments': {
      label: 'Five environments, P(X) shifts',
      reason: 'Several environments with unknown targets, the mechanism P(Y | X) unchanged.',
      params: { environments: 5, shift: 'cause-marginal' },
    },
    'one-environment': {
      label: 'One environment (negative control)',
      reason: 'i.i.d. data: both factorisations describe the same joint at the same cost.',
      params: { environments: 1, shift: 'cause-marginal' },
    },
    'all-mechanisms-shift': {
      label: 'Every mechanism changes (negative control)',
      reason: 'P(Y | X) changes in every environment too: nothing to share in either direction.',
      params: { environments: 5, shift: 'all-mechanisms' },
    },
  },
  defaultPreset: 'several-environments',
  claimNeutralParams: ['seed', 'steps'],
  assumptions: [
    {
      param: 'environments',
      broken: (p) => p.environments < 2,
      text: 'One environment: the two factorisations tie.',
    },
    {
      param: 'shift',
      broken: (p) => p.shift === 'all-mechanisms',
      text: 'Every mechanism shifts: no factorisation can share anything.',
    },
  ],
  stepsPerTick: 1,
  claims: [
    {
      id: 'compression-orients',
      preset: 'several-environments',
      text: 'The causal factorisation X -> Y is shorter by at least 0.05 nats per sample.',
      metric: 'metric/advantage',
      op: '>=',
      value: 0.05,
      expect: 'holds',
    },
    {
      id: 'one-env-ties',
      preset: 'one-environment',
      text: 'Negative control: with one environment X -> Y is shorter by at least 0.05 nats per sample.',
      metric: 'metric/advantage',
      op: '>=',
      value: 0.05,
      expect: 'fails',
    },
    {
      id: 'all-shift-no-direction',
      preset: 'all-mechanisms-shift',
      text: 'Negative control: when every mechanism changes, X -> Y is shorter by at least 0.05 nats per sample.',
      metric: 'metric/advantage',
      op: '>=',
      value: 0.05,
      expect: 'fails',
    },
  ],
  flops: (p) => p.environments * p.samples * 20,
  load: () => import('./compression-train').then((m) => m.trainer),
});
