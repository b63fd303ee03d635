import type { NumberParam } from './spec';

/** Every experiment's seed: data, initialisation and minibatches all derive from it. */
export const seedParam: NumberParam = {
  kind: 'int',
  default: 0,
  min: 0,
  max: 2 ** 31 - 1,
  scale: 'lin',
  label: 'Seed',
  doc: 'Seeds the data, the mixing and the initialisation: the same seed gives the same run.',
  group: 'run',
};
