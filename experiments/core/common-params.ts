/** Parameters several families declare alike, written once. */
import type { ChoiceParam, NumberParam } from './spec';

/** Every experiment's seed: data, initialisation and minibatches all derive from it. */
export const seedParam = {
  kind: 'int',
  default: 0,
  min: 0,
  max: 2 ** 31 - 1,
  scale: 'lin',
  label: 'Seed',
  doc: 'Seeds the data, the mixing and the initialisation: the same seed gives the same run.',
  group: 'run',
} as const satisfies NumberParam;

/** FastICA's contrast and stopping tolerance, shared by every experiment that runs the solver. */
export const contrastParam = {
  kind: 'choice',
  default: 'logcosh',
  choices: ['logcosh', 'exp', 'cube'],
  label: 'FastICA contrast G',
  doc: 'Non-quadratic contrast: log cosh (robust), -exp(-u^2/2) (robust, super-Gaussian), u^4/4 (kurtosis).',
  group: 'model',
} as const satisfies ChoiceParam;
export const tolParam = {
  kind: 'number',
  default: 1e-4,
  min: 1e-8,
  max: 1e-1,
  scale: 'log',
  label: 'FastICA tolerance',
  doc: 'Stop when max |1 - |diag(W_new W^T)|| falls below this (as in scikit-learn).',
  group: 'model',
} as const satisfies NumberParam;
