/** Mixing matrices for linear generative models x = A s. */
import { logAbsDet, mat, matmul, transpose, type Mat } from './linalg';
import { QrDecomposition, Matrix } from 'ml-matrix';
import type { Rng } from './rng';

/**
 * Haar-distributed orthogonal matrix: Q from the QR of a matrix of iid standard normals, each
 * column's sign flipped so that R's diagonal is positive; without the flip Q is not Haar
 * (Mezzadri 2007, "How to generate random matrices from the classical compact groups").
 */
export function randomOrthogonal(n: number, rng: Rng): Mat {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`randomOrthogonal: expected a size >= 1, got ${n}`);
  const g = new Matrix(n, n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) g.set(r, c, rng.normal());
  const qr = new QrDecomposition(g);
  const q = qr.orthogonalMatrix;
  const rDiag = qr.upperTriangularMatrix;
  const out = mat(n, n);
  for (let c = 0; c < n; c++) {
    const sign = rDiag.get(c, c) < 0 ? -1 : 1;
    for (let r = 0; r < n; r++) out.data[r * n + c] = sign * q.get(r, c);
  }
  return out;
}

/**
 * U diag(s) V^T with U, V Haar-orthogonal and singular values log-spaced from 1 down to
 * 1/condition, so cond_2(A) = condition exactly. n = 1 gives [[1]] without drawing: a 1x1
 * matrix has condition 1 whatever is asked.
 */
export function randomWithCondition(n: number, condition: number, rng: Rng): Mat {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`randomWithCondition: expected a size >= 1, got ${n}`);
  if (!(condition >= 1) || !Number.isFinite(condition))
    throw new Error(`randomWithCondition: expected a condition number >= 1, got ${condition}`);
  if (n === 1) return mat(1, 1, Float64Array.of(1));
  const u = randomOrthogonal(n, rng);
  const v = randomOrthogonal(n, rng);
  const us = mat(n, n);
  for (let c = 0; c < n; c++) {
    const s = Math.pow(condition, -c / (n - 1));
    for (let r = 0; r < n; r++) us.data[r * n + c] = u.data[r * n + c] * s;
  }
  return matmul(us, transpose(v));
}

/** x_i = A s_i for every row of s [n, d]; A is [m, d]; returns [n, m]. */
export function mixSamples(s: Float64Array, n: number, d: number, a: Mat): Float64Array {
  if (a.cols !== d)
    throw new Error(`mixSamples: expected A with ${d} columns, got ${a.rows}x${a.cols}`);
  if (s.length !== n * d)
    throw new Error(`mixSamples: expected ${n * d} source values, got ${s.length}`);
  const m = a.rows;
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < m; r++) {
      let acc = 0;
      for (let c = 0; c < d; c++) acc += a.data[r * d + c] * s[i * d + c];
      x[i * m + r] = acc;
    }
  }
  return x;
}

/**
 * The mixing of Causal Component Analysis's generator (Liang et al. 2023; akekic/causal-component-
 * analysis `data_generator/mixing_function.py`): `layers` matrices M ~ U(0, 1)^{d x d}, each
 * redrawn from N(0, 1) while |det M| < 0.1, applied as x <- tanh(x M) + 0.1 x M. Invertible:
 * tanh(v) + 0.1 v is strictly increasing.
 */
export function leakyTanhStack(d: number, layers: number, rng: Rng): Float64Array[] {
  const out: Float64Array[] = [];
  for (let l = 0; l < layers; l++) {
    let m = Float64Array.from({ length: d * d }, () => rng.next());
    while (logAbsDet(mat(d, d, m)) < Math.log(0.1))
      m = Float64Array.from({ length: d * d }, () => rng.normal());
    out.push(m);
  }
  return out;
}

/** x = the stack applied to each row of z [n, d]; returns [n, d]. */
export function applyLeakyTanhStack(stack: readonly Float64Array[], z: Float64Array, d: number) {
  const x = Float64Array.from(z);
  const h = new Float64Array(d);
  for (let i = 0; i < x.length / d; i++)
    for (const m of stack) {
      for (let c = 0; c < d; c++) {
        let v = 0;
        for (let r = 0; r < d; r++) v += x[i * d + r] * m[r * d + c];
        h[c] = Math.tanh(v) + 0.1 * v;
      }
      x.set(h, i * d);
    }
  return x;
}

/** Standardise the columns of every array with the mean and sd of the first (in place). */
export function standardiseLike(d: number, reference: Float64Array, ...others: Float64Array[]) {
  const n = reference.length / d;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += reference[i * d + j] / n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) sd[j] += (reference[i * d + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  for (const a of [reference, ...others])
    for (let i = 0; i < a.length; i++) a[i] = (a[i] - mean[i % d]) / sd[i % d];
}
