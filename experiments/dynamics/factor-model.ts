/**
 * The two learners of the factor-model toy (Ge et al., ICLR 2024, Sec. 5). Pretraining: the top-k
 * principal subspace of the unlabelled x, the maximum-likelihood subspace of probabilistic PCA
 * (Tipping and Bishop 1999); downstream: least squares on the k projected features. Supervised
 * baseline: ridge regression on the raw D-dimensional x, for a grid of penalties at once.
 */
import { choleskySolve, covariance, lstsq, mat, symEig, type Mat } from '../core/linalg';

/** [D, k]: the top-k eigenvectors of the (centred) covariance of x [n, D]. */
export function principalSubspace(x: Float64Array, n: number, dim: number, k: number): Mat {
  const { vectors } = symEig(covariance(x, n, dim).cov);
  const p = mat(dim, k);
  for (let i = 0; i < dim; i++)
    for (let c = 0; c < k; c++) p.data[i * k + c] = vectors.data[i * dim + c];
  return p;
}

/** x [n, D] times p [D, k]: [n, k]. */
export function project(x: Float64Array, n: number, p: Mat): Float64Array {
  const { rows: dim, cols: k } = p;
  const out = new Float64Array(n * k);
  for (let s = 0; s < n; s++)
    for (let i = 0; i < dim; i++) {
      const v = x[s * dim + i];
      if (v === 0) continue;
      for (let c = 0; c < k; c++) out[s * k + c] += v * p.data[i * k + c];
    }
  return out;
}

/** Least-squares weights [k] of y on features f [n, k] (minimum-norm when n < k). */
export function leastSquares(f: Float64Array, y: Float64Array, k: number): Float64Array {
  const n = y.length;
  return Float64Array.from(lstsq(mat(n, k, f.slice()), mat(n, 1, y.slice())).data);
}

/**
 * Ridge weights [D] for every penalty, through the dual form w = X^T (X X^T + lambda I)^-1 y
 * (n <= D here, so the n x n system is the small one).
 */
export function ridgePath(
  x: Float64Array,
  y: Float64Array,
  dim: number,
  lambdas: readonly number[],
): Float64Array[] {
  const n = y.length;
  const gram = mat(n, n);
  for (let s = 0; s < n; s++)
    for (let t = s; t < n; t++) {
      let v = 0;
      for (let i = 0; i < dim; i++) v += x[s * dim + i] * x[t * dim + i];
      gram.data[s * n + t] = v;
      gram.data[t * n + s] = v;
    }
  const rhs = mat(n, 1, y.slice());
  return lambdas.map((lambda) => {
    const sys = mat(n, n, gram.data.slice());
    for (let s = 0; s < n; s++) sys.data[s * n + s] += lambda;
    const alpha = choleskySolve(sys, rhs).data;
    const w = new Float64Array(dim);
    for (let s = 0; s < n; s++) for (let i = 0; i < dim; i++) w[i] += x[s * dim + i] * alpha[s];
    return w;
  });
}

/** Mean squared error of the linear predictor w [p] on features f [n, p] against y [n]. */
export function mse(f: Float64Array, w: Float64Array, y: Float64Array): number {
  const p = w.length;
  let s = 0;
  for (let r = 0; r < y.length; r++) {
    let v = -y[r];
    for (let j = 0; j < p; j++) v += f[r * p + j] * w[j];
    s += v * v;
  }
  return s / y.length;
}
