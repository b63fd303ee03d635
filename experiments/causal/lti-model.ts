/**
 * Identifying the controls of a Gaussian LTI system from several environments, in closed form.
 *   1. A by pooled least squares: A_hat = S10 S00^-1 with S00 = sum x_t x_t^T, S10 = sum x_{t+1} x_t^T;
 *   2. the innovations e_t = x_{t+1} - A_hat x_t = B u_t, with covariance per environment
 *      C_e = S11 - A S01 - S10 A^T + A S00 A^T (zero-mean controls);
 *   3. B^-1 up to permutation and scale from the generalised eigenvectors W of C_e w = lambda C_0 w:
 *      C_e = B V_e B^T with V_e diagonal, so W^T B is a scaled permutation when the variance ratios
 *      of the two environments are distinct (the ICA-style diversity condition); of the
 *      pairs of environments, the one whose ratios are best separated is used. One environment allows only
 *      whitening, which leaves any rotation.
 */
import {
  generalizedSymEig,
  inv,
  mat,
  matmul,
  transpose,
  whiteningMatrix,
  type Mat,
} from '../core/linalg';

export class LtiMoments {
  readonly s00: Float64Array[];
  readonly s01: Float64Array[];
  readonly s11: Float64Array[];
  readonly count: number[];
  constructor(
    readonly n: number,
    envs: number,
  ) {
    const z = () => Array.from({ length: envs }, () => new Float64Array(n * n));
    this.s00 = z();
    this.s01 = z();
    this.s11 = z();
    this.count = Array.from({ length: envs }, () => 0);
  }

  /** One transition (x_t, x_{t+1}) of environment e. */
  add(e: number, x0: ArrayLike<number>, x1: ArrayLike<number>): void {
    const n = this.n;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        this.s00[e][i * n + j] += x0[i] * x0[j];
        this.s01[e][i * n + j] += x0[i] * x1[j];
        this.s11[e][i * n + j] += x1[i] * x1[j];
      }
    this.count[e]++;
  }

  /** Pooled least-squares A_hat [n, n]. */
  transition(): Mat {
    const n = this.n;
    const s00 = mat(n, n);
    const s10 = mat(n, n);
    this.s00.forEach((s, e) => {
      for (let k = 0; k < n * n; k++) s00.data[k] += s[k];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) s10.data[i * n + j] += this.s01[e][j * n + i];
    });
    return matmul(s10, inv(s00));
  }

  /** Innovation covariance of environment e under the transition a. */
  innovationCov(e: number, a: Mat): Mat {
    const n = this.n;
    const c = this.count[e];
    const s00 = mat(
      n,
      n,
      Float64Array.from(this.s00[e], (v) => v / c),
    );
    const s01 = mat(
      n,
      n,
      Float64Array.from(this.s01[e], (v) => v / c),
    );
    const s11 = mat(
      n,
      n,
      Float64Array.from(this.s11[e], (v) => v / c),
    );
    const as01 = matmul(a, s01);
    const out = mat(n, n);
    const aS00aT = matmul(matmul(a, s00), transpose(a));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        out.data[i * n + j] =
          s11.data[i * n + j] -
          as01.data[i * n + j] -
          as01.data[j * n + i] +
          aS00aT.data[i * n + j];
    return out;
  }

  /**
   * The unmixing of the innovations, [n, n] with rows as filters (u_hat = W e): generalised
   * eigenvectors of environments 1 and 0, or, with one environment, its whitening.
   */
  unmixing(a: Mat): Mat {
    const envs = this.count.length;
    const covs = Array.from({ length: envs }, (_, e) => this.innovationCov(e, a));
    if (envs < 2) return whiteningMatrix(covs[0]);
    // The pair of environments whose variance ratios are best separated (the largest smallest gap
    // between log generalised eigenvalues): distinct ratios are what identify the controls.
    let best: { gap: number; w: Mat } | null = null;
    for (let e = 0; e < envs; e++)
      for (let f = e + 1; f < envs; f++) {
        const { values, vectors } = generalizedSymEig(covs[f], covs[e]);
        const logs = Array.from(values, (v) => Math.log(v));
        let gap = Infinity;
        for (let i = 1; i < logs.length; i++) gap = Math.min(gap, Math.abs(logs[i - 1] - logs[i]));
        if (!best || gap > best.gap) best = { gap, w: transpose(vectors) };
      }
    return best!.w;
  }
}
