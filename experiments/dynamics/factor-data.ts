/**
 * A linear factor model after Ge, Tang, Fan and Jin, "On the Provable Advantage of Unsupervised
 * Pretraining" (ICLR 2024), Sec. 5: x = A z + sigma eps with k factors in D dimensions, unlabelled
 * draws for pretraining, and a target that is linear in the factors (informative) or in a
 * direction of x orthogonal to the factor subspace (uninformative).
 */
import { mat, svd, type Mat } from '../core/linalg';
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { FactorParams } from './factor-spec';

/** Label noise sd of both targets (the planning simulation's 0.1). */
export const LABEL_NOISE = 0.1;
/** Scale of the uninformative target's direction. */
export const UNINFORMATIVE_SCALE = 3;
/** The labelled sizes every run fits, and the test set. */
export const LABELLED_SIZES = [10, 20, 50, 100, 200] as const;
export const TEST_SIZE = 2000;

export interface FactorModel {
  dim: number;
  k: number;
  /** [D, k] loadings, an orthonormal basis [D, k] of their column space, and [k] target weights. */
  a: Mat;
  basis: Mat;
  beta: Float64Array;
  /** [D] unit direction orthogonal to the loadings' column space. */
  q: Float64Array;
}

export interface Sample {
  n: number;
  /** [n, D], [n, k], [n]. */
  x: Float64Array;
  z: Float64Array;
  y: Float64Array;
}

export function model(p: Pick<FactorParams, 'dim' | 'factors' | 'seed'>): FactorModel {
  const r = new Rng(p.seed).fork('model');
  const { dim, factors: k } = p;
  const a = mat(
    dim,
    k,
    Float64Array.from({ length: dim * k }, () => r.normal()),
  );
  const beta = Float64Array.from({ length: k }, () => r.normal());
  // A random direction with its component in span(A) removed.
  const q = Float64Array.from({ length: dim }, () => r.normal());
  const basis = svd(a).u;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    for (let i = 0; i < dim; i++) dot += basis.data[i * k + c] * q[i];
    for (let i = 0; i < dim; i++) q[i] -= dot * basis.data[i * k + c];
  }
  const norm = Math.hypot(...q);
  for (let i = 0; i < dim; i++) q[i] /= norm;
  return { dim, k, a, basis, beta, q };
}

export function sample(
  m: FactorModel,
  p: Pick<FactorParams, 'noise' | 'target'>,
  n: number,
  rng: Rng,
): Sample {
  const { dim, k, a, beta, q } = m;
  const x = new Float64Array(n * dim);
  const z = new Float64Array(n * k);
  const y = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    for (let c = 0; c < k; c++) z[s * k + c] = rng.normal();
    for (let i = 0; i < dim; i++) {
      let v = p.noise * rng.normal();
      for (let c = 0; c < k; c++) v += a.data[i * k + c] * z[s * k + c];
      x[s * dim + i] = v;
    }
    let t = LABEL_NOISE * rng.normal();
    if (p.target === 'informative') for (let c = 0; c < k; c++) t += beta[c] * z[s * k + c];
    else for (let i = 0; i < dim; i++) t += UNINFORMATIVE_SCALE * q[i] * x[s * dim + i];
    y[s] = t;
  }
  return { n, x, z, y };
}

/** The unlabelled pretraining draw and the test set, seeded apart from the labelled draws. */
export function generate(p: FactorParams) {
  const m = model(p);
  const root = new Rng(p.seed);
  return {
    model: m,
    unlabelled: sample(m, p, p.unlabelled, root.fork('unlabelled')),
    test: sample(m, p, TEST_SIZE, root.fork('test')),
  };
}

/** The unlabelled draw (with its latent factors and the target they would get). */
export function toTable(p: FactorParams): DataTable {
  const { model: m, unlabelled: u } = generate(p);
  const cols = m.dim + m.k + 1;
  const values = new Float64Array(u.n * cols);
  for (let s = 0; s < u.n; s++) {
    values.set(u.x.subarray(s * m.dim, (s + 1) * m.dim), s * cols);
    values.set(u.z.subarray(s * m.k, (s + 1) * m.k), s * cols + m.dim);
    values[s * cols + cols - 1] = u.y[s];
  }
  return {
    columns: [
      ...Array.from({ length: m.dim }, (_, i) => `x${i + 1}`),
      ...Array.from({ length: m.k }, (_, c) => `z${c + 1}`),
      'y',
    ],
    rows: u.n,
    values,
    truth: {
      loadings: Array.from({ length: m.dim }, (_, i) =>
        Array.from({ length: m.k }, (_, c) => m.a.data[i * m.k + c]),
      ),
      target_weights: Array.from(m.beta),
      uninformative_direction: Array.from(m.q),
      target: p.target,
      note: 'x = loadings z + noise * eps; informative y = target_weights . z + 0.1 eps, uninformative y = 3 direction . x + 0.1 eps',
    },
  };
}
