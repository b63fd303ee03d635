/**
 * The SAE family's parameter table, declared once. Each experiment of the family (recovery lab,
 * comparisons, sweeps, alignment) takes this table and adds its own few parameters.
 */
import type { ParamTable, Params, ParamsOf } from '../core/spec';
import { ParamError } from '../core/params';
import { seedParam } from '../core/common-params';

const structured = (p: Params) => p.structure !== 'none';

export const sparseCodingParams = {
  features: {
    kind: 'int',
    default: 50,
    min: 4,
    max: 1024,
    scale: 'log',
    label: 'True features n',
    doc: 'Number of ground-truth features (dictionary atoms); superposition when n > d.',
    group: 'data',
  },
  dim: {
    kind: 'int',
    default: 33,
    min: 2,
    max: 512,
    scale: 'log',
    label: 'Dimensions d',
    doc: 'Dimension of the observations the features are embedded in.',
    group: 'data',
  },
  coherence: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 0.9,
    scale: 'lin',
    label: 'Atom coherence',
    doc: 'Expected |cos| between two atoms through a shared direction (0 = independent random unit vectors).',
    group: 'data',
  },
  support: {
    kind: 'choice',
    default: 'exact-k',
    choices: ['exact-k', 'bernoulli'],
    label: 'Support',
    doc: 'Exactly k features active per sample, or each feature active with probability p.',
    group: 'data',
  },
  k: {
    kind: 'int',
    default: 10,
    min: 1,
    max: 64,
    scale: 'lin',
    label: 'Active features k',
    doc: 'Features active per sample (exact-k support).',
    group: 'data',
    when: (p) => p.support === 'exact-k',
  },
  p: {
    kind: 'number',
    default: 0.05,
    min: 0.001,
    max: 0.5,
    scale: 'log',
    label: 'Activation probability p',
    doc: 'Probability that each feature is active (bernoulli support).',
    group: 'data',
    when: (p) => p.support === 'bernoulli',
  },
  magnitude: {
    kind: 'choice',
    default: 'uniform',
    choices: ['uniform', 'half-normal', 'exponential', 'lognormal'],
    label: 'Magnitudes',
    doc: "Law of an active feature's value: U(0, 1), |N(0, 1)|, Exp(1) or LogNormal(0, 0.5).",
    group: 'data',
  },
  noise: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 0.5,
    scale: 'lin',
    label: 'Noise sd',
    doc: 'Standard deviation of isotropic Gaussian noise added to x.',
    group: 'data',
  },
  structure: {
    kind: 'choice',
    default: 'none',
    choices: ['none', 'groups', 'correlated', 'hierarchy'],
    label: 'Feature structure',
    doc: 'Independent features; co-occurring groups; correlated concepts (Gaussian copula); or parents gating their children.',
    group: 'data',
  },
  groupSize: {
    kind: 'int',
    default: 2,
    min: 2,
    max: 16,
    scale: 'lin',
    label: 'Group size',
    doc: 'Features per group (groups, correlated) or per parent-and-children family (hierarchy).',
    group: 'data',
    when: structured,
  },
  cooccur: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 1,
    scale: 'lin',
    label: 'Co-occurrence probability',
    doc: 'Probability that each group mate of an active feature is active with it.',
    group: 'data',
    when: (p) => p.structure === 'groups',
  },
  rho: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 0.99,
    scale: 'lin',
    label: 'Concept correlation',
    doc: 'Correlation of the Gaussian copula that draws the supports within a group.',
    group: 'data',
    when: (p) => p.structure === 'correlated',
  },
  childCos: {
    kind: 'number',
    default: 0.6,
    min: 0,
    max: 0.95,
    scale: 'lin',
    label: 'Parent-child cosine',
    doc: 'Cosine between a parent atom and each of its children (hierarchy).',
    group: 'data',
    when: (p) => p.structure === 'hierarchy',
  },
  anisotropy: {
    kind: 'number',
    default: 1,
    min: 1,
    max: 100,
    scale: 'log',
    label: 'Input anisotropy',
    doc: 'Condition number of a random linear map applied to every observation: a correlated, anisotropic input covariance.',
    group: 'data',
  },
  split: {
    kind: 'choice',
    default: 'iid',
    choices: ['iid', 'compositional'],
    label: 'Test split',
    doc: 'Compositional: training combines features only within one of two halves; the OOD test set combines both.',
    group: 'data',
  },
  projection: {
    kind: 'choice',
    default: 'first',
    choices: ['first', 'second'],
    label: 'Projection',
    doc: 'Which random dictionary holds the features: the second is an independent one for the same codes (a second system, as in the alignment study).',
    group: 'data',
  },
  samples: {
    kind: 'int',
    default: 4096,
    min: 256,
    max: 20000,
    scale: 'log',
    label: 'Training samples',
    doc: 'Number of training observations.',
    group: 'data',
  },
  testSamples: {
    kind: 'int',
    default: 1024,
    min: 128,
    max: 4096,
    scale: 'log',
    label: 'Test samples',
    doc: 'Observations in each test set (in and out of distribution).',
    group: 'data',
  },
  variant: {
    kind: 'choice',
    default: 'topk',
    choices: ['relu', 'topk', 'stable', 'mp'],
    label: 'SAE variant',
    doc: 'ReLU + L1; TopK; stabilised TopK (our reading of the identifiable SAE); matching-pursuit encoder.',
    group: 'model',
  },
  decoder: {
    kind: 'choice',
    default: 'learned',
    choices: ['learned', 'oracle'],
    label: 'Decoder',
    doc: 'Learn the dictionary, or fix it to the true atoms and train only the encoder (relu / topk).',
    group: 'model',
  },
  width: {
    kind: 'int',
    default: 50,
    min: 2,
    max: 2048,
    scale: 'log',
    label: 'SAE width',
    doc: 'Number of learned atoms (latents).',
    group: 'model',
  },
  saeK: {
    kind: 'int',
    default: 10,
    min: 1,
    max: 64,
    scale: 'lin',
    label: 'SAE k',
    doc: 'Latents kept per sample (topk, stable) or pursuit steps (mp).',
    group: 'model',
    when: (p) => p.variant !== 'relu',
  },
  l1: {
    kind: 'number',
    default: 0.3,
    min: 1e-4,
    max: 3,
    scale: 'log',
    label: 'L1 coefficient',
    doc: 'Weight of E|z|_1 in the ReLU SAE loss.',
    group: 'model',
    when: (p) => p.variant === 'relu',
  },
  lr: {
    kind: 'number',
    default: 3e-3,
    min: 1e-5,
    max: 3e-2,
    scale: 'log',
    label: 'Learning rate',
    doc: 'Adam step size.',
    group: 'model',
  },
  batch: {
    kind: 'int',
    default: 256,
    min: 16,
    max: 2048,
    scale: 'log',
    label: 'Batch size',
    doc: 'Minibatch size (drawn with replacement).',
    group: 'model',
  },
  whiten: {
    kind: 'bool',
    default: false,
    label: 'PCA-whiten inputs',
    doc: 'Centre and whiten x before the SAE; atoms are mapped back to observation space for scoring.',
    group: 'model',
  },
  fistaL1: {
    kind: 'number',
    default: 0.05,
    min: 1e-3,
    max: 1,
    scale: 'log',
    label: 'FISTA lambda',
    doc: 'L1 weight of per-sample inference: min 1/2 |x - zD|^2 + lambda |z|_1, z >= 0.',
    group: 'inference',
  },
  fistaIters: {
    kind: 'int',
    default: 300,
    min: 10,
    max: 2000,
    scale: 'log',
    label: 'FISTA iterations',
    doc: 'Iterations of per-sample inference.',
    group: 'inference',
  },
  steps: {
    kind: 'int',
    default: 2000,
    min: 1,
    max: 20000,
    scale: 'log',
    label: 'Training steps',
    doc: 'Minibatch steps per SAE.',
    group: 'run',
  },
  init: {
    kind: 'int',
    default: 0,
    min: 0,
    max: 100000,
    scale: 'lin',
    label: 'Initialisation offset',
    doc: 'The SAE is initialised and its minibatches drawn from seed + this; the data from the seed alone, so several initialisations share one data set.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type SaeTable = typeof sparseCodingParams;
export type SaeParams = ParamsOf<SaeTable>;

/** The rules across the family's parameters: every SAE spec's `check`, and the generator's guard. */
export function sparseCodingRules(
  p: Pick<
    SaeParams,
    | 'structure'
    | 'features'
    | 'groupSize'
    | 'support'
    | 'k'
    | 'split'
    | 'decoder'
    | 'variant'
    | 'width'
    | 'whiten'
  >,
): ParamError[] {
  const out: ParamError[] = [];
  if (p.structure !== 'none' && p.features % p.groupSize !== 0) {
    out.push(
      new ParamError(
        'features',
        `a multiple of the group size ${p.groupSize} with structure "${p.structure}"`,
        String(p.features),
      ),
    );
  }
  const compositional = p.split === 'compositional';
  if (p.support === 'exact-k' && p.k > p.features / (compositional ? 2 : 1)) {
    out.push(
      new ParamError(
        'k',
        `at most ${Math.floor(p.features / (compositional ? 2 : 1))} active features (features${compositional ? ' / 2 under the compositional split' : ''})`,
        String(p.k),
      ),
    );
  }
  if (p.decoder === 'oracle' && p.variant !== 'relu' && p.variant !== 'topk') {
    out.push(
      new ParamError(
        'decoder',
        `"learned" for the ${p.variant} variant (its encoder is the decoder)`,
        '"oracle"',
      ),
    );
  } else if (p.decoder === 'oracle' && (p.whiten || p.width !== p.features)) {
    out.push(
      new ParamError(
        'decoder',
        `"learned" unless width = features (${p.features}) and whitening is off`,
        `"oracle" with width ${p.width}${p.whiten ? ' and whitening' : ''}`,
      ),
    );
  }
  return out;
}
