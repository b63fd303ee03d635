/**
 * Linear causal latents behind a nonlinear mixing, seen in an observational environment and
 * under unknown single-node interventions (after Buchholz, Rajendran, Rosenfeld, Aragam, Schölkopf
 * and Ravikumar, NeurIPS 2023): a linear-Gaussian SCM z_j = sum_{i<j} B_ij z_i + u_j on a random
 * DAG (each pair i < j an edge with probability 1/2, weights +-U(0.5, 1)), u ~ N(0, I); the
 * environment of node t is the perfect intervention z_t := sqrt(v_t) u_t with v_t = r or 1/r (a
 * fair coin); x = CauCA's leaky-tanh stack of z, standardised with the training set's statistics.
 * The model is given the environment labels, never the targets. Test rows interleave the
 * environments (row r is in environment r mod E). Pure and seeded.
 */
import { applyLeakyTanhStack, leakyTanhStack, standardiseLike } from '../core/mixing';
import { Rng } from '../core/rng';
import { rowsOf, type DataTable } from '../core/spec';
import { environmentTable, type EnvClassData } from './envclass-data';
import { randomDag, sampleScm } from './scm';
import type { LinCrlParams } from './lincrl-spec';

export interface LinCrlData extends EnvClassData {
  d: number;
  /** Edge weights B [d, d], B_ij the weight of i -> j (zero unless i < j). */
  weights: Float64Array;
  /** Intervened node of each environment, -1 for the observational one (always first). */
  targets: number[];
  /** Variance of the intervened node in each environment (NaN for the observational one). */
  variances: Float64Array;
  mixing: Float64Array[];
  trainZ: Float64Array;
  testZ: Float64Array;
}

const TEST_PER_ENV = 1000;

export function generate(p: LinCrlParams): LinCrlData {
  const d = p.latents;
  const root = new Rng(p.seed);
  const rs = root.fork('scm');
  const { weights } = randomDag(d, 0.5, 0.5, 1, rs);
  const targets = [-1, ...Array.from({ length: Math.min(p.interventions, d) }, (_, t) => t)];
  const envs = targets.length;
  const variances = Float64Array.from(targets, (t) =>
    t < 0 ? NaN : rs.next() < 0.5 ? 1 / p.ratio : p.ratio,
  );
  const mixing = leakyTanhStack(d, p.layers, root.fork('mixing'));
  const scm = { d, weights };
  const interventions = targets.map((target, e) => ({
    target,
    mean: 0,
    sd: target < 0 ? 1 : Math.sqrt(variances[e]),
  }));
  const trainZ = sampleScm(scm, interventions, p.samples, root.fork('train'));
  const testZ = sampleScm(scm, interventions, TEST_PER_ENV, root.fork('test'), true);
  const trainX = applyLeakyTanhStack(mixing, trainZ, d);
  const testX = applyLeakyTanhStack(mixing, testZ, d);
  standardiseLike(d, trainX, testX);
  return {
    envs,
    dx: d,
    trainPerEnv: p.samples,
    trainX,
    testPerEnv: TEST_PER_ENV,
    testX,
    d,
    weights,
    targets,
    variances,
    mixing,
    trainZ,
    testZ,
  };
}

/** Every training sample: its environment label, x and z; the truth is the SCM, the targets and the mixing. */
export function toTable(data: LinCrlData): DataTable {
  const { d } = data;
  return environmentTable(data, {
    edgeWeights: rowsOf(data.weights, d, d),
    targets: data.targets,
    interventionVariances: Array.from(data.variances, (v) => (Number.isNaN(v) ? null : v)),
    mixing: data.mixing.map((m) => rowsOf(m, d, d)),
    mixingLayer: 'x <- tanh(x M) + 0.1 x M',
  });
}
