/**
 * Non-identifiability of autoregressive models (Reizinger, Ujváry, Mészáros, Kerekes, Brendel and
 * Huszár, ICML 2024 position paper, arXiv 2405.01964, Sec. 4, and the authors' runner
 * rpatrik96/llm-non-identifiability): models with the same (near-minimal) loss on a^n b^n can
 * complete prompts outside its support in opposite ways, so the in-distribution loss does not
 * identify the rule a model extrapolates. Three copies of one Transformer from one initialisation:
 * trained plainly, with extra completions of OOD prompts that keep #a = #b, or with completions
 * that miss it by one.
 */
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

export const NONID_ARMS = [
  { key: 'plain', name: 'plain' },
  { key: 'extrapolate', name: 'extrapolating completions' },
  { key: 'adversarial', name: 'adversarial completions' },
] as const;

const params = {
  maxN: {
    kind: 'int',
    default: 10,
    min: 6,
    max: 14,
    scale: 'lin',
    label: 'Longest training string n',
    doc: 'The training set is every SOS a^n b^n EOS for n = 1 .. N.',
    group: 'task',
  },
  promptLength: {
    kind: 'int',
    default: 6,
    min: 4,
    max: 8,
    scale: 'lin',
    label: 'Prompt length',
    doc: 'Test prompts are all 2^length strings over {a, b} after SOS; the OOD ones also carry the extra completions.',
    group: 'task',
  },
  extraWeight: {
    kind: 'number',
    default: 1,
    min: 0,
    max: 10,
    scale: 'lin',
    label: 'Weight of the completion term',
    doc: 'The extra loss on the completions of OOD prompts is added with this weight (0 makes all three arms plain).',
    group: 'task',
  },
  dim: {
    kind: 'int',
    default: 16,
    min: 4,
    max: 32,
    scale: 'log',
    label: 'Model width d',
    doc: 'Embedding and residual width.',
    group: 'model',
  },
  layers: {
    kind: 'int',
    default: 1,
    min: 1,
    max: 3,
    scale: 'lin',
    label: 'Transformer layers',
    doc: 'Blocks of 4-head self-attention and a ReLU feed-forward layer.',
    group: 'model',
  },
  hidden: {
    kind: 'int',
    default: 32,
    min: 8,
    max: 256,
    scale: 'log',
    label: 'Feed-forward width',
    doc: 'Of each block.',
    group: 'model',
  },
  steps: {
    kind: 'int',
    default: 300,
    min: 20,
    max: 4000,
    scale: 'log',
    label: 'Steps',
    doc: 'Adam steps of each arm, on the whole training set plus, for two arms, a minibatch of completions.',
    group: 'run',
  },
  extraBatch: {
    kind: 'int',
    default: 16,
    min: 1,
    max: 256,
    scale: 'log',
    label: 'Completions per step',
    doc: 'OOD prompts drawn (with replacement) for the completion term of each step.',
    group: 'run',
  },
  lr: {
    kind: 'number',
    default: 3e-3,
    min: 1e-5,
    max: 0.1,
    scale: 'log',
    label: 'Learning rate',
    doc: 'Adam, the same for every arm.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type NonidTable = typeof params;
export type NonidParams = ParamsOf<NonidTable>;

const arm = (key: string, name: string) =>
  ({
    [`loss/id_kl_${key}`]: {
      label: `In-distribution KL to the data, ${name}`,
      short: name,
      doc: 'Next-token cross-entropy on the training strings minus their entropy (the authors’ Val/kl).',
      better: 'lower',
    },
    [`metric/ood_r1_${key}`]: {
      label: `OOD R1, ${name}`,
      short: name,
      doc: 'Fraction of the OOD prompts whose greedy completion has as many a’s as b’s.',
      better: 'none',
    },
    [`metric/id_grammatical_${key}`]: {
      label: `ID prompts completed into the language, ${name}`,
      short: name,
      doc: 'Fraction of the in-distribution prompts completed to some a^n b^n EOS.',
      better: 'higher',
    },
  }) as const;

export const spec = defineSpec({
  id: 'sequence-nonid',
  title: 'Same loss, opposite extrapolation: in-distribution loss does not identify the rule',
  family: 'sequence',
  summary:
    'Three copies of one tiny Transformer learn a^n b^n (n = 1 ... 10) from the same start. One trains plainly; one also learns completions of the prompts outside the language that balance the a’s and b’s; one learns completions that miss the balance by one. ' +
    'All three reach the same loss on the language, yet complete the same OOD prompts in opposite ways.',
  params,
  metrics: {
    ...arm('plain', 'plain'),
    ...arm('extrapolate', 'extrapolating'),
    ...arm('adversarial', 'adversarial'),
    'metric/max_id_kl': {
      label: 'Largest in-distribution KL of the three arms',
      doc: 'All three fit the language alike when this is near 0.',
      better: 'lower',
    },
    'metric/ood_r1_gap': {
      label: 'OOD R1, extrapolating minus adversarial',
      doc: 'How differently two models of the same in-distribution loss complete the same OOD prompts.',
      better: 'none',
    },
    'metric/id_gap': {
      label: 'ID grammatical, largest difference between arms',
      doc: 'On the prompts inside the language the arms should agree.',
      better: 'none',
    },
    'loss/train': {
      label: 'Training loss of the plain arm',
      short: 'plain',
      doc: 'Next-token cross-entropy per token on the training strings.',
      better: 'lower',
    },
  },
  lossMetric: 'loss/train',
  charts: [
    {
      kind: 'curves',
      id: 'ood',
      title: 'OOD prompts completed with #a = #b, per arm',
      metrics: ['metric/ood_r1_plain', 'metric/ood_r1_extrapolate', 'metric/ood_r1_adversarial'],
      yRange: [0, 1.05],
    },
    {
      kind: 'curves',
      id: 'kl',
      title: 'In-distribution KL to the data, per arm',
      metrics: ['loss/id_kl_plain', 'loss/id_kl_extrapolate', 'loss/id_kl_adversarial'],
    },
    {
      kind: 'curves',
      id: 'id',
      title: 'ID prompts completed into the language, per arm',
      metrics: [
        'metric/id_grammatical_plain',
        'metric/id_grammatical_extrapolate',
        'metric/id_grammatical_adversarial',
      ],
      yRange: [0, 1.05],
    },
  ],
  presets: {
    'three-arms': {
      label: 'Plain, extrapolating and adversarial arms',
      reason:
        'The runner of the authors’ repository: the extra completions added to the plain loss with weight 1.',
      params: {},
    },
    'no-extra': {
      label: 'No completion term (negative control)',
      reason:
        'With the completion term switched off, the three arms are one model: nothing can tell their extrapolations apart.',
      params: { extraWeight: 0 },
    },
  },
  defaultPreset: 'three-arms',
  claimNeutralParams: ['seed'],
  assumptions: [
    {
      param: 'extraWeight',
      broken: (p) => p.extraWeight === 0,
      text: 'Without the completion term the three arms are the same model.',
    },
  ],
  stepsPerTick: 75,
  claims: [
    {
      id: 'same-id-loss',
      preset: 'three-arms',
      text: "All three arms fit the language alike: each one's next-token cross-entropy on the training strings is within 0.02 nats per token of the data's entropy.",
      metric: 'metric/max_id_kl',
      op: '<=',
      value: 0.02,
      expect: 'holds',
    },
    {
      id: 'opposite-ood-behaviour',
      preset: 'three-arms',
      text: 'Yet on the same OOD prompts the extrapolating arm keeps #a = #b at least 0.5 more often than the adversarial arm.',
      metric: 'metric/ood_r1_gap',
      op: '>=',
      value: 0.5,
      expect: 'holds',
    },
    {
      id: 'id-behaviour-differs',
      preset: 'three-arms',
      text: 'On the prompts inside the language the arms also disagree: their fractions of completions in the language differ by at least 0.5 (the loss pins behaviour there, so this should fail).',
      metric: 'metric/id_gap',
      op: '>=',
      value: 0.5,
      expect: 'fails',
    },
    {
      id: 'no-extra-opposite-ood',
      preset: 'no-extra',
      text: 'Negative control: with no completion term, the "extrapolating" arm still keeps #a = #b at least 0.5 more often than the "adversarial" one.',
      metric: 'metric/ood_r1_gap',
      op: '>=',
      value: 0.5,
      expect: 'fails',
    },
  ],
  flops: (p) => {
    const L = 2 * p.maxN + 2;
    const perToken = p.layers * (4 * p.dim * p.dim + 2 * p.dim * p.hidden + 2 * L * p.dim);
    return p.steps * 6 * L * perToken * (3 * p.maxN + 2 * p.extraBatch);
  },
  load: () => import('./nonid-train').then((m) => m.trainer),
});
