/**
 * Causal Component Analysis data (after Liang, Kekić, von Kügelgen, Buchholz, Besserve, Gresele
 * and Schölkopf, NeurIPS 2023, and their generator, akekic/causal-component-analysis
 * `data_generator/`): a linear-Gaussian SCM on the chain z0 -> z1 -> ... , one observational
 * environment and one perfect stochastic intervention per chosen node (parents cut, exogenous
 * mean shifted by +2 standard deviations), mixed by `layers` times x <- leaky_tanh(x M) with
 * leaky_tanh(x) = tanh(x) + 0.1 x and M ~ U(0, 1)^{d x d}, redrawn from N(0, 1) while
 * |det M| < 0.1. Observations are standardised with pooled statistics of the training set (a
 * fixed affine map, harmless for identifiability). Pure and seeded.
 */
import { applyLeakyTanhStack, leakyTanhStack, standardiseLike } from '../core/mixing';
import { Rng } from '../core/rng';
import { rowsOf, type DataTable } from '../core/spec';
import type { CaucaParams } from './cauca-spec';
import { sampleScm } from './scm';

export interface CaucaSplit {
  /** Samples per environment; rows are grouped by environment. */
  perEnv: number;
  z: Float64Array; // [envs * perEnv, d]
  x: Float64Array; // [envs * perEnv, d], standardised
}

export interface CaucaData {
  d: number;
  /** Intervened node of each environment, -1 for the observational one (always first). */
  targets: number[];
  /** Edge weight of z_{j-1} -> z_j at index j (index 0 unused). */
  edges: Float64Array;
  mixing: Float64Array[]; // per layer [d, d]
  train: CaucaSplit;
  test: CaucaSplit;
}

/** The environments of a preset: observational, then do(z0), do(z1), ... as many as asked. */
export function environmentTargets(p: Pick<CaucaParams, 'latents' | 'interventions'>): number[] {
  return [-1, ...Array.from({ length: Math.min(p.interventions, p.latents) }, (_, j) => j)];
}

export function generate(p: CaucaParams): CaucaData {
  const d = p.latents;
  const root = new Rng(p.seed);
  const rs = root.fork('scm');
  const edges = new Float64Array(d);
  for (let j = 1; j < d; j++) {
    // |c| >= 0.5 keeps the causal dependence visible (the authors allow any value in (-1, 1))
    let c = rs.uniform(-1, 1);
    while (Math.abs(c) < 0.5) c = rs.uniform(-1, 1);
    edges[j] = c;
  }
  const mixing = leakyTanhStack(d, p.layers, root.fork('mixing'));
  const targets = environmentTargets(p);
  // the chain: B_{j-1, j} = c_j
  const weights = new Float64Array(d * d);
  for (let j = 1; j < d; j++) weights[(j - 1) * d + j] = edges[j];
  const envs = targets.map((target) => ({ target, mean: target < 0 ? 0 : 2, sd: 1 }));
  const sample = (rng: Rng, perEnv: number): CaucaSplit => {
    const z = sampleScm({ d, weights }, envs, perEnv, rng);
    return { perEnv, z, x: applyLeakyTanhStack(mixing, z, d) };
  };
  const train = sample(root.fork('train'), p.samples);
  const test = sample(root.fork('test'), 1000);
  standardiseLike(d, train.x, test.x);
  return { d, targets, edges, mixing, train, test };
}

/** Every training sample: environment (-1 observational, else the intervened node), x and z; the truth is the SCM and the mixing. */
export function toTable(data: CaucaData): DataTable {
  const { d, targets, train } = data;
  const n = train.x.length / d;
  const cols = 1 + 2 * d;
  const values = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    values[i * cols] = targets[Math.floor(i / train.perEnv)];
    values.set(train.x.subarray(i * d, (i + 1) * d), i * cols + 1);
    values.set(train.z.subarray(i * d, (i + 1) * d), i * cols + 1 + d);
  }
  const names = (p: string) => Array.from({ length: d }, (_, i) => `${p}${i}`);
  return {
    columns: ['target', ...names('x'), ...names('z')],
    rows: n,
    values,
    truth: {
      graph: 'chain z0 -> z1 -> ...',
      edgeWeights: Array.from(data.edges.subarray(1)),
      interventions: 'perfect: parents cut, z_j := u_j + 2',
      mixing: data.mixing.map((m) => rowsOf(m, d, d)),
      mixingLayer: 'x <- tanh(x M) + 0.1 x M',
    },
  };
}
