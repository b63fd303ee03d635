/**
 * The advantage of unsupervised pretraining in a factor model (after Ge, Tang, Fan and Jin, "On
 * the Provable Advantage of Unsupervised Pretraining", ICLR 2024): the principal subspace of many
 * unlabelled samples, then least squares on k features from a few labels, beats ridge regression
 * on the raw observations when the target is informative (a function of the factors); when it is
 * not, pretraining discards what the target needs.
 */
import { ParamError } from '../core/params';
import { defineSpec, type ParamsOf, type ParamTable } from '../core/spec';
import { seedParam } from '../core/common-params';

const params = {
  target: {
    kind: 'choice',
    default: 'informative',
    choices: ['informative', 'uninformative'],
    label: 'Target',
    doc: 'informative: y = beta . z + noise; uninformative: y depends on a direction of x orthogonal to the factor loadings.',
    group: 'data',
  },
  dim: {
    kind: 'int',
    default: 200,
    min: 10,
    max: 400,
    scale: 'log',
    label: 'Ambient dimension D',
    doc: 'Dimension of the observations x = A z + sigma eps.',
    group: 'data',
  },
  factors: {
    kind: 'int',
    default: 3,
    min: 1,
    max: 20,
    scale: 'lin',
    label: 'Factors k',
    doc: 'Latent factors z ~ N(0, I_k); the loadings A are N(0, 1).',
    group: 'data',
  },
  noise: {
    kind: 'number',
    default: 2,
    min: 0.05,
    max: 5,
    scale: 'log',
    label: 'Noise sigma',
    doc: 'Isotropic observation noise. At 1 the best-penalty ridge nearly catches up (ratio 0.6-0.85 at n = 20); at 2 the labelled samples alone cannot find the factor subspace.',
    group: 'data',
  },
  unlabelled: {
    kind: 'int',
    default: 5000,
    min: 50,
    max: 20000,
    scale: 'log',
    label: 'Unlabelled samples m',
    doc: 'The pretraining draw: its top-k principal subspace is the learned representation.',
    group: 'data',
  },
  steps: {
    kind: 'int',
    default: 20,
    min: 1,
    max: 200,
    scale: 'log',
    label: 'Repetitions',
    doc: 'Labelled draws per size (n = 10, 20, 50, 100, 200); the metrics are medians over those so far.',
    group: 'run',
  },
  seed: seedParam,
} as const satisfies ParamTable;
export type FactorTable = typeof params;
export type FactorParams = ParamsOf<FactorTable>;

/** Ridge penalties the baseline may pick from, per draw, by its test error (in hindsight). */
export const RIDGE_LAMBDAS = [0.01, 0.1, 1, 10, 100, 1000, 10000] as const;

export const spec = defineSpec({
  id: 'dynamics-factor-pretraining',
  title: 'Unsupervised pretraining in a factor model',
  family: 'dynamics',
  summary:
    'Observations x = A z + sigma eps in D = 200 dimensions from k = 3 factors (sigma = 2). Pretraining finds the principal subspace of 5 000 unlabelled x; ' +
    'least squares on the k projected features then learns the target from a few labels. The baseline is ridge regression on the raw x with its best penalty chosen in hindsight. ' +
    'Pretraining wins at small n when the target is a function of the factors, and loses when it is not.',
  params,
  check: (p) =>
    p.factors < p.dim
      ? []
      : [new ParamError('factors', `fewer than the dimension (${p.dim})`, String(p.factors))],
  metrics: {
    'metric/pretrained_20': {
      label: 'Test MSE, pretrained, n = 20',
      doc: 'Median over the repetitions of the test MSE of least squares on the principal-subspace features, 20 labels.',
      better: 'lower',
    },
    'metric/ridge_20': {
      label: 'Test MSE, ridge on x, n = 20',
      short: 'ridge on x',
      doc: 'The same for ridge regression on the raw x, each draw at its best penalty.',
      better: 'none',
    },
    'metric/oracle_20': {
      label: 'Test MSE, least squares on the true z, n = 20',
      short: 'oracle on z',
      doc: 'The same for least squares on the true factors: the floor an ideal representation reaches.',
      better: 'none',
    },
    'metric/ratio_20': {
      label: 'Pretrained / ridge MSE, n = 20',
      short: 'n = 20',
      doc: 'Below 1: pretraining helps at 20 labels.',
      better: 'none',
    },
    'metric/ratio_200': {
      label: 'Pretrained / ridge MSE, n = 200',
      short: 'n = 200',
      doc: 'The same ratio at 200 labels.',
      better: 'none',
    },
    'metric/subspace_overlap': {
      label: 'Subspace recovered',
      doc: '|P_pca^T U_A|_F^2 / k: 1 when the principal subspace is span(A).',
      better: 'higher',
    },
  },
  lossMetric: 'metric/pretrained_20',
  charts: [
    {
      kind: 'curves',
      id: 'ratios',
      title: 'Pretrained / ridge test MSE (median so far)',
      metrics: ['metric/ratio_20', 'metric/ratio_200'],
    },
    {
      kind: 'view',
      id: 'sizes',
      view: 'lines',
      title: 'Test MSE against the number of labels (medians)',
      xTitle: 'labelled samples n',
      yTitle: 'test MSE',
      logX: true,
    },
  ],
  presets: {
    informative: {
      label: 'Informative target',
      reason: 'y = beta . z + 0.1 eps: what the target needs is what the unlabelled data reveal.',
      params: { target: 'informative' },
    },
    uninformative: {
      label: 'Uninformative target (negative control)',
      reason:
        'y = 3 q . x + 0.1 eps with q orthogonal to the loadings: the principal subspace drops q.',
      params: { target: 'uninformative' },
    },
  },
  defaultPreset: 'informative',
  claimNeutralParams: ['seed'],
  assumptions: [
    {
      param: 'target',
      broken: (p) => p.target === 'uninformative',
      text: "The target is not a function of the factors: the paper's informativeness condition fails.",
    },
  ],
  stepsPerTick: 1,
  claims: [
    {
      id: 'pretraining-helps-small-n',
      preset: 'informative',
      text: 'With 20 labels, least squares on the pretrained features beats ridge on the raw x at its best penalty: MSE ratio <= 0.8.',
      metric: 'metric/ratio_20',
      op: '<=',
      value: 0.8,
      expect: 'holds',
    },
    {
      id: 'subspace-recovered',
      preset: 'informative',
      text: 'Pretraining recovers the factor subspace: overlap >= 0.99.',
      metric: 'metric/subspace_overlap',
      op: '>=',
      value: 0.99,
      expect: 'holds',
    },
    {
      id: 'uninformative-no-help',
      preset: 'uninformative',
      text: 'Negative control: with an uninformative target, pretraining still helps at 20 labels (MSE ratio <= 0.8).',
      metric: 'metric/ratio_20',
      op: '<=',
      value: 0.8,
      expect: 'fails',
    },
    {
      id: 'uninformative-reverses',
      preset: 'uninformative',
      text: 'With an uninformative target and 200 labels, ridge on x is at least 5x better than the pretrained features (ratio >= 5).',
      metric: 'metric/ratio_200',
      op: '>=',
      value: 5,
      expect: 'holds',
    },
  ],
  flops: (p) => 5 * (200 * 200 * p.dim + 2000 * p.dim * RIDGE_LAMBDAS.length),
  load: () => import('./factor-train').then((m) => m.trainer),
});
