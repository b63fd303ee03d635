/**
 * The identifiability mechanism of the invariance principle, as a statistic. With invariant
 * mechanisms and Gaussian noises whose scales change, the log density ratio of environment e to
 * the base is r_e(v) = sum_i lambda_{e,i} s_i(v)^2 + c_e, where the noise of the cause depends on
 * the cause alone. Differentiated with respect to the effect, every r_e is a multiple of the same
 * function (the effect's noise term), so the matrix [d r_1 / d v, d r_2 / d v] over samples has rank
 * 1 for the effect and rank 2 for the cause: rank_ratio(v) = sigma_min / sigma_max is smaller for
 * the effect. Each r_e is estimated by logistic regression, base against environment e, on the
 * degree-4 monomials of (v1, v2), fitted by Newton's method (a few iterations per step).
 */
import { inv, mat, svd } from '../core/linalg';

export const DEGREE = 4;
/** Exponents (i, j) of the monomials v1^i v2^j with i + j <= DEGREE. */
export const MONOMIALS: [number, number][] = [];
for (let i = 0; i <= DEGREE; i++) for (let j = 0; j <= DEGREE - i; j++) MONOMIALS.push([i, j]);
const K = MONOMIALS.length;

function features(v1: number, v2: number, out: Float64Array): void {
  MONOMIALS.forEach(([i, j], k) => (out[k] = v1 ** i * v2 ** j));
}

/** d/dv_c of every monomial at (v1, v2). */
function featureGradient(v1: number, v2: number, c: 0 | 1, out: Float64Array): void {
  MONOMIALS.forEach(([i, j], k) => {
    if (c === 0) out[k] = i > 0 ? i * v1 ** (i - 1) * v2 ** j : 0;
    else out[k] = j > 0 ? j * v1 ** i * v2 ** (j - 1) : 0;
  });
}

/** Logistic regression base (0) against one environment (1) on standardised monomials, by Newton steps. */
export class RatioClassifier {
  private readonly f: Float64Array; // standardised features [m, K]
  private readonly label: Uint8Array;
  readonly mean = new Float64Array(K);
  readonly sd = new Float64Array(K);
  /** Weights on the standardised features. */
  readonly w = new Float64Array(K);

  constructor(
    base: Float64Array,
    other: Float64Array,
    private readonly l2 = 1e-4,
  ) {
    const m = (base.length + other.length) / 2;
    this.f = new Float64Array(m * K);
    this.label = new Uint8Array(m);
    const row = new Float64Array(K);
    let r = 0;
    for (const [data, lab] of [
      [base, 0],
      [other, 1],
    ] as const)
      for (let i = 0; i < data.length / 2; i++, r++) {
        features(data[i * 2], data[i * 2 + 1], row);
        this.f.set(row, r * K);
        this.label[r] = lab;
      }
    for (let k = 0; k < K; k++) {
      let s = 0;
      let ss = 0;
      for (let i = 0; i < m; i++) {
        s += this.f[i * K + k];
        ss += this.f[i * K + k] ** 2;
      }
      const mu = k === 0 ? 0 : s / m;
      const sd = k === 0 ? 1 : Math.sqrt(Math.max(ss / m - mu * mu, 1e-18));
      this.mean[k] = mu;
      this.sd[k] = sd;
      for (let i = 0; i < m; i++) this.f[i * K + k] = (this.f[i * K + k] - mu) / sd;
    }
  }

  /** One Newton step on the penalised log-likelihood; returns the mean log loss before it. */
  newtonStep(): number {
    const m = this.label.length;
    const grad = new Float64Array(K);
    const hess = new Float64Array(K * K);
    let loss = 0;
    for (let i = 0; i < m; i++) {
      let z = 0;
      for (let k = 0; k < K; k++) z += this.f[i * K + k] * this.w[k];
      const p = 1 / (1 + Math.exp(-z));
      const y = this.label[i];
      loss -= y ? Math.log(Math.max(p, 1e-300)) : Math.log(Math.max(1 - p, 1e-300));
      const q = p * (1 - p);
      for (let a = 0; a < K; a++) {
        const fa = this.f[i * K + a];
        grad[a] += (p - y) * fa;
        for (let b = a; b < K; b++) hess[a * K + b] += q * fa * this.f[i * K + b];
      }
    }
    for (let a = 0; a < K; a++) {
      grad[a] = grad[a] / m + this.l2 * this.w[a];
      for (let b = a; b < K; b++) {
        hess[a * K + b] = hess[a * K + b] / m + (a === b ? this.l2 : 0);
        hess[b * K + a] = hess[a * K + b];
      }
    }
    const step = inv(mat(K, K, hess));
    for (let a = 0; a < K; a++) {
      let d = 0;
      for (let b = 0; b < K; b++) d += step.data[a * K + b] * grad[b];
      this.w[a] -= d;
    }
    return loss / m;
  }

  /** d r / d v_c at (v1, v2): the log density ratio's gradient in original units. */
  ratioGradient(v1: number, v2: number, c: 0 | 1, scratch: Float64Array): number {
    featureGradient(v1, v2, c, scratch);
    let g = 0;
    for (let k = 1; k < K; k++) g += (this.w[k] / this.sd[k]) * scratch[k];
    return g;
  }
}

/** sigma_min / sigma_max of the [points, environments] matrix of d r_e / d v_c (1 with one environment). */
export function rankRatio(classifiers: RatioClassifier[], points: Float64Array, c: 0 | 1): number {
  const n = points.length / 2;
  const e = classifiers.length;
  const m = mat(n, e);
  const scratch = new Float64Array(K);
  for (let i = 0; i < n; i++)
    classifiers.forEach((cl, j) => {
      m.data[i * e + j] = cl.ratioGradient(points[i * 2], points[i * 2 + 1], c, scratch);
    });
  const { s } = svd(m);
  return s[s.length - 1] / s[0];
}
