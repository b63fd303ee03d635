/**
 * POET's reparameterisation (Qiu, Buchholz, Xiao, Dax, Schölkopf and Liu, arXiv 2506.08001,
 * Eq. 2): each weight matrix is W = R W0 P with W0 fixed and R, P orthogonal, so W keeps the
 * singular values of W0 whatever R and P become. Here R and P are products of Householder
 * reflections (exactly orthogonal in any arithmetic, where the paper uses a Cayley-Neumann
 * approximation with periodic merging); their gradients are derived by hand below and checked
 * against finite differences in tests/unit/dynamics-poet.test.ts.
 */
import { mat, matmul as matmulMat, transpose } from '../core/linalg';

/** Row-major [rows, cols] product of a [rows, inner] and an [inner, cols] matrix. */
export const matmul = (
  a: Float64Array,
  b: Float64Array,
  rows: number,
  inner: number,
  cols: number,
): Float64Array => matmulMat(mat(rows, inner, a), mat(inner, cols, b)).data;

/** Row-major transpose of a [rows, cols] matrix. */
export const transposed = (a: Float64Array, rows: number, cols: number): Float64Array =>
  transpose(mat(rows, cols, a)).data;

/**
 * Y = X H_{o(0)} H_{o(1)} ... H_{o(k-1)} for X [m, n] and reflections H_r = I - 2 u_r u_r^T,
 * u_r = v_r / |v_r| from the rows of v [k, n]; o is 0..k-1, or k-1..0 when `reversed`. Applying
 * the reflections costs O(k m n) where forming the orthogonal matrix would cost O(k n^2): the
 * matrices here are thin (8 x 32, 1 x 32). The intermediates are kept for the backward pass.
 */
export function reflectRight(
  x: Float64Array,
  m: number,
  n: number,
  v: Float64Array,
  k: number,
  reversed = false,
) {
  const order = Array.from({ length: k }, (_, r) => (reversed ? k - 1 - r : r));
  const units: Float64Array[] = [];
  const norms: number[] = [];
  const inputs: Float64Array[] = [];
  const y = x.slice();
  const yu = new Float64Array(m);
  for (const r of order) {
    inputs.push(y.slice());
    let n2 = 0;
    for (let j = 0; j < n; j++) n2 += v[r * n + j] ** 2;
    const norm = Math.sqrt(n2) || 1e-12;
    const u = new Float64Array(n);
    for (let j = 0; j < n; j++) u[j] = v[r * n + j] / norm;
    units.push(u);
    norms.push(norm);
    // Y <- Y H = Y - 2 (Y u) u^T.
    for (let i = 0, o = 0; i < m; i++, o += n) {
      let t = 0;
      for (let j = 0; j < n; j++) t += y[o + j] * u[j];
      yu[i] = 2 * t;
    }
    for (let i = 0, o = 0; i < m; i++, o += n) {
      const c = yu[i];
      for (let j = 0; j < n; j++) y[o + j] -= c * u[j];
    }
  }
  return { y, m, n, k, order, units, norms, inputs };
}

/**
 * dL/dv [k, n] from dL/dY [m, n]. For one reflection Y = X - 2 (X u) u^T: dL/dX = G H and
 * dL/du = -2 (X^T G u + G^T X u); then dL/dv = (I - u u^T) dL/du / |v|.
 */
export function reflectRightBackward(f: ReturnType<typeof reflectRight>, gy: Float64Array) {
  const { m, n, k, order, units, norms, inputs } = f;
  const grad = new Float64Array(k * n);
  const g = gy.slice();
  const gu = new Float64Array(m);
  const xu = new Float64Array(m);
  const du = new Float64Array(n);
  for (let step = k - 1; step >= 0; step--) {
    const r = order[step];
    const u = units[step];
    const x = inputs[step];
    for (let i = 0, o = 0; i < m; i++, o += n) {
      let a = 0;
      let b = 0;
      for (let j = 0; j < n; j++) {
        a += g[o + j] * u[j];
        b += x[o + j] * u[j];
      }
      gu[i] = a;
      xu[i] = b;
    }
    du.fill(0);
    for (let i = 0, o = 0; i < m; i++, o += n)
      for (let j = 0; j < n; j++) du[j] -= 2 * (x[o + j] * gu[i] + g[o + j] * xu[i]);
    let dot = 0;
    for (let j = 0; j < n; j++) dot += u[j] * du[j];
    for (let j = 0; j < n; j++) grad[r * n + j] = (du[j] - dot * u[j]) / norms[step];
    // dL/dX = G H = G - 2 (G u) u^T.
    for (let i = 0, o = 0; i < m; i++, o += n) {
      const c = 2 * gu[i];
      for (let j = 0; j < n; j++) g[o + j] -= c * u[j];
    }
  }
  return { grad, gx: g };
}

/** The orthogonal matrix H_0 H_1 ... H_{k-1} [n, n] itself (for views and tests). */
export function householder(v: Float64Array, k: number, n: number): Float64Array {
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return reflectRight(eye, n, n, v, k).y;
}

/** The two-layer tanh network f(x) = tanh(x W1) W2 of the teacher and both students (no biases). */
export interface Weights {
  /** [inputs, hidden] and [hidden] (a single output). */
  w1: Float64Array;
  w2: Float64Array;
}

/**
 * Mean squared error of f on (x [b, inputs], y [b]) and its gradients with respect to W1 and W2.
 */
export function mseAndGrad(
  w: Weights,
  x: Float64Array,
  y: Float64Array,
  inputs: number,
  hidden: number,
): { loss: number; g1: Float64Array; g2: Float64Array } {
  const b = y.length;
  const pre = matmul(x, w.w1, b, inputs, hidden);
  const g1 = new Float64Array(inputs * hidden);
  const g2 = new Float64Array(hidden);
  const ga = new Float64Array(b * hidden);
  let loss = 0;
  for (let s = 0; s < b; s++) {
    let f = 0;
    for (let j = 0; j < hidden; j++) {
      const hj = Math.tanh(pre[s * hidden + j]);
      pre[s * hidden + j] = hj;
      f += hj * w.w2[j];
    }
    const r = f - y[s];
    loss += r * r;
    const c = (2 * r) / b;
    for (let j = 0; j < hidden; j++) {
      const hj = pre[s * hidden + j];
      g2[j] += c * hj;
      ga[s * hidden + j] = c * w.w2[j] * (1 - hj * hj);
    }
  }
  for (let s = 0; s < b; s++)
    for (let i = 0; i < inputs; i++) {
      const xi = x[s * inputs + i];
      for (let j = 0; j < hidden; j++) g1[i * hidden + j] += xi * ga[s * hidden + j];
    }
  return { loss: loss / b, g1, g2 };
}

export function predict(w: Weights, x: Float64Array, inputs: number, hidden: number): Float64Array {
  const b = x.length / inputs;
  const pre = matmul(x, w.w1, b, inputs, hidden);
  const f = new Float64Array(b);
  for (let s = 0; s < b; s++) {
    let v = 0;
    for (let j = 0; j < hidden; j++) v += Math.tanh(pre[s * hidden + j]) * w.w2[j];
    f[s] = v;
  }
  return f;
}

/**
 * The POET student: W1 = R1 W01 P1 (R1 [in, in], P1 [hidden, hidden]) and W2 = R2 W02 (R2
 * [hidden, hidden]); the trained parameters are the reflection vectors, one per row, as many as
 * the matrix's size (which spans the orthogonal matrices of one determinant sign).
 */
export class PoetStudent {
  readonly r1: Float64Array;
  readonly p1: Float64Array;
  readonly r2: Float64Array;

  constructor(
    readonly w01: Float64Array,
    readonly w02: Float64Array,
    readonly inputs: number,
    readonly hidden: number,
    reflections: { r1: Float64Array; p1: Float64Array; r2: Float64Array },
  ) {
    this.r1 = reflections.r1;
    this.p1 = reflections.p1;
    this.r2 = reflections.r2;
  }

  /**
   * forward: W1 = R1 W01 P1 and W2 = R2 W02, with R X = (X^T R^T)^T and R^T = H_{k-1} ... H_0,
   * so every product is a right application of reflections to a thin matrix.
   */
  weights() {
    const { inputs: a, hidden: h } = this;
    const left = reflectRight(transposed(this.w01, a, h), h, a, this.r1, a, true); // (R1 W01)^T [h, a]
    const rw = transposed(left.y, h, a); // R1 W01 [a, h]
    const p1 = reflectRight(rw, a, h, this.p1, h);
    const r2 = reflectRight(this.w02, 1, h, this.r2, h, true); // (R2 W02)^T [1, h]
    return { w: { w1: p1.y, w2: r2.y }, left, p1, r2 };
  }

  /** loss and gradients with respect to the three sets of reflection vectors. */
  lossAndGrad(x: Float64Array, y: Float64Array) {
    const { inputs: a, hidden: h } = this;
    const f = this.weights();
    const { loss, g1, g2 } = mseAndGrad(f.w, x, y, a, h);
    const bp = reflectRightBackward(f.p1, g1);
    const bl = reflectRightBackward(f.left, transposed(bp.gx, a, h));
    const br = reflectRightBackward(f.r2, g2);
    return { loss, grads: [bl.grad, bp.grad, br.grad] };
  }
}
