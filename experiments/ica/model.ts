/**
 * The device-side pieces of linear ICA. Data lives on the device as whitened z [d, n];
 * every function here is pure in its tensors and runs inside the caller's tidy.
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  covariance,
  mat,
  matmul,
  symmetricDecorrelation,
  whiteningMatrix,
  type Mat,
} from '../core/linalg';
import type { Rng } from '../core/rng';

type Tf = typeof TF;
export type Contrast = 'logcosh' | 'exp' | 'cube';

/** g = G' and its derivative g' for FastICA's contrasts (Hyvarinen 1999, eq. 8 choices). */
export function contrast(
  tf: Tf,
  kind: Contrast,
  u: TF.Tensor2D,
): { g: TF.Tensor; gPrime: TF.Tensor } {
  switch (kind) {
    case 'logcosh': {
      const t = tf.tanh(u);
      return { g: t, gPrime: tf.sub(1, tf.square(t)) };
    }
    case 'exp': {
      const e = tf.exp(tf.mul(-0.5, tf.square(u)));
      return { g: tf.mul(u, e), gPrime: tf.mul(tf.sub(1, tf.square(u)), e) };
    }
    case 'cube':
      return { g: tf.pow(u, 3), gPrime: tf.mul(3, tf.square(u)) };
  }
}

/**
 * One parallel FastICA fixed point before decorrelation (Hyvarinen 1999, eq. 20 in matrix form):
 * W+ = E[g(W z) z^T] - diag(E[g'(W z)]) W.
 */
export function fastIcaUpdate(
  tf: Tf,
  w: TF.Tensor2D,
  zDN: TF.Tensor2D,
  kind: Contrast,
): TF.Tensor2D {
  const n = zDN.shape[1];
  const uDN = tf.matMul(w, zDN) as TF.Tensor2D; // [d, n]
  const { g, gPrime } = contrast(tf, kind, uDN);
  const egz = tf.div(tf.matMul(g as TF.Tensor2D, zDN, false, true), n); // [d, d]
  const egp = tf.mean(gPrime, 1, true); // [d, 1]
  return tf.sub(egz, tf.mul(egp, w));
}

/**
 * Extended infomax (Lee, Girolami & Sejnowski 1999): source density p(u) ∝ exp(-u^2/2) cosh(u)^(-k),
 * super-Gaussian for k = +1 and sub-Gaussian for k = -1, with the switching rule
 * k_i = sign(E[sech^2 u_i] E[u_i^2] - E[u_i tanh u_i]). Returns the score phi = -d/du log p(u)
 * and the per-sample NLL data term mean_n sum_i (u^2/2 + k_i log cosh u), without -log|det W|
 * (TF.js has no determinant; the caller adds it on the CPU).
 */
function extendedInfomaxTerms(tf: Tf, uDN: TF.Tensor2D): { phi: TF.Tensor2D; nllData: TF.Scalar } {
  const d = uDN.shape[0];
  const t = tf.tanh(uDN);
  const sech2 = tf.sub(1, tf.square(t));
  const k = tf.sign(
    tf.sub(tf.mul(tf.mean(sech2, 1), tf.mean(tf.square(uDN), 1)), tf.mean(tf.mul(uDN, t), 1)),
  ); // [d]
  const kCol = tf.reshape(k, [d, 1]);
  const phi = tf.add(uDN, tf.mul(kCol, t)) as TF.Tensor2D; // [d, n]
  const absU = tf.abs(uDN);
  const logCosh = tf.sub(tf.add(absU, tf.log1p(tf.exp(tf.mul(-2, absU)))), Math.LN2); // log cosh, stable for large |u|
  const nllData = tf.mean(
    tf.sum(tf.add(tf.mul(0.5, tf.square(uDN)), tf.mul(kCol, logCosh)), 0),
  ) as TF.Scalar;
  return { phi, nllData };
}

/**
 * The natural gradient of the NLL (Amari, Cichocki & Yang 1996; extended rule of Lee et al. 1999, eq. 2.13):
 * -dW = -[I - E[phi(u) u^T]] W = -[I - K tanh(u) u^T - u u^T] W, for an optimizer that minimises.
 */
export function infomaxGradient(tf: Tf, w: TF.Tensor2D, zDN: TF.Tensor2D): TF.Tensor2D {
  const [d, n] = zDN.shape;
  const uDN = tf.matMul(w, zDN) as TF.Tensor2D; // [d, n]
  const { phi } = extendedInfomaxTerms(tf, uDN);
  const naturalDir = tf.matMul(tf.sub(tf.eye(d), tf.div(tf.matMul(phi, uDN, false, true), n)), w); // [d, d]
  return tf.neg(naturalDir) as TF.Tensor2D;
}

/** The NLL data term for any W, so FastICA's progress is charted on the same scale. */
export function nllDataTerm(tf: Tf, w: TF.Tensor2D, zDN: TF.Tensor2D): TF.Scalar {
  return extendedInfomaxTerms(tf, tf.matMul(w, zDN) as TF.Tensor2D).nllData;
}

/**
 * Recovery statistics read back in one transfer: rows 0..d-1 are W, rows d..2d-1 are
 * corr(u_i, s_j) between recovered rows u = W z and standardised true sources sND [n, d].
 */
export function recoveryPack(
  tf: Tf,
  w: TF.Tensor2D,
  zDN: TF.Tensor2D,
  sND: TF.Tensor2D,
  nll: TF.Scalar,
): TF.Tensor1D {
  const n = zDN.shape[1];
  const uDN = tf.matMul(w, zDN) as TF.Tensor2D; // [d, n]
  const uc = tf.sub(uDN, tf.mean(uDN, 1, true));
  const std = tf.sqrt(tf.add(tf.mean(tf.square(uc), 1, true), 1e-12)); // [d, 1]
  const corr = tf.div(tf.div(tf.matMul(uc, sND), n), std); // [d_learned, d_true]
  return tf.concat([
    tf.reshape(w, [-1]),
    tf.reshape(corr, [-1]),
    tf.reshape(nll, [1]),
  ]) as TF.Tensor1D;
}

/** The solver's settings, read straight from an experiment's parameters (their defaults live in the spec). */
export type SolverOptions =
  | { algorithm: 'fastica'; contrast: Contrast; tol: number }
  | { algorithm: 'infomax'; lr: number; optimizer: 'sgd' | 'adam' };

/**
 * Linear ICA on the device: PCA whitening (CPU, d x d), then FastICA iterations or
 * extended-infomax natural-gradient steps on W [d, d] in whitened space. Owns its tensors.
 */
export class IcaSolver {
  readonly k: Mat; // [d, d] whitening, z = K (x - mean)
  readonly mean: Float64Array;
  readonly zDN: TF.Tensor2D; // [d, n] whitened observations
  readonly w: TF.Variable<TF.Rank.R2>; // [d, d] unmixing in whitened space
  converged = false;
  private readonly optimizer?: TF.Optimizer;

  constructor(
    private readonly tf: Tf,
    x: Float64Array,
    readonly n: number,
    readonly d: number,
    init: Rng,
    private readonly opts: SolverOptions,
  ) {
    const { mean, cov } = covariance(x, n, d);
    this.mean = mean;
    this.k = whiteningMatrix(cov);
    const xc = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xc[i * d + j] = x[i * d + j] - mean[j];
    // W starts at a random orthogonal matrix, as in scikit-learn's FastICA (w_init ~ N(0, 1), decorrelated).
    const w0 = symmetricDecorrelation(
      mat(
        d,
        d,
        Float64Array.from({ length: d * d }, () => init.normal()),
      ),
    );
    this.zDN = tf.tidy(
      () =>
        tf.matMul(
          tf.tensor2d(Float32Array.from(this.k.data), [d, d]),
          tf.tensor2d(xc, [n, d]),
          false,
          true,
        ) as TF.Tensor2D,
    );
    const w0Tensor = tf.tensor2d(Float32Array.from(w0.data), [d, d]);
    this.w = tf.variable(w0Tensor, true, undefined, 'float32');
    w0Tensor.dispose();
    if (opts.algorithm === 'infomax')
      this.optimizer = opts.optimizer === 'adam' ? tf.train.adam(opts.lr) : tf.train.sgd(opts.lr);
  }

  /** One iteration; FastICA reads back W+ (d x d) because TF.js has no eig for the decorrelation. */
  async iterate(): Promise<void> {
    const { tf, d, opts } = this;
    if (opts.algorithm === 'infomax') {
      // W <- W - lr * (-[I - K tanh(u) u^T - u u^T] W): natural gradient (Lee et al. 1999, eq. 2.13)
      tf.tidy(() =>
        this.optimizer!.applyGradients({ [this.w.name]: infomaxGradient(tf, this.w, this.zDN) }),
      );
      return;
    }
    const wPlus = tf.tidy(() => fastIcaUpdate(tf, this.w, this.zDN, opts.contrast));
    const wPlusData = await wPlus.data();
    wPlus.dispose();
    const wOld = await this.w.data();
    const wNew = symmetricDecorrelation(mat(d, d, Float64Array.from(wPlusData)));
    // Convergence as in scikit-learn: max_i | |<w_new_i, w_old_i>| - 1 |.
    let lim = 0;
    for (let r = 0; r < d; r++) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += wNew.data[r * d + c] * wOld[r * d + c];
      lim = Math.max(lim, Math.abs(Math.abs(dot) - 1));
    }
    tf.tidy(() => this.w.assign(tf.tensor2d(Float32Array.from(wNew.data), [d, d])));
    if (lim < opts.tol) this.converged = true;
  }

  /** Iterate until converged or `maxIter` iterations. */
  async solve(maxIter: number): Promise<number> {
    let it = 0;
    while (it < maxIter && !this.converged) {
      await this.iterate();
      it++;
    }
    return it;
  }

  /** Unmixing in observation space, W K (rows give recovered sources). */
  async unmixing(): Promise<Mat> {
    const w = mat(this.d, this.d, Float64Array.from(await this.w.data()));
    return matmul(w, this.k);
  }

  /** Recovered sources u = (W K)(x - mean) for the first `rows` rows of x [n, d]: [rows, d]. */
  recover(unmixing: Mat, x: Float64Array, rows: number): Float64Array {
    const { d, mean } = this;
    const u = new Float64Array(rows * d);
    for (let i = 0; i < rows; i++) {
      for (let r = 0; r < d; r++) {
        let acc = 0;
        for (let c = 0; c < d; c++) acc += unmixing.data[r * d + c] * (x[i * d + c] - mean[c]);
        u[i * d + r] = acc;
      }
    }
    return u;
  }

  dispose(): void {
    this.zDN.dispose();
    this.w.dispose();
    this.optimizer?.dispose();
  }
}
