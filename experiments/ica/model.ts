/**
 * The device-side pieces of linear ICA. Data lives on the device as whitened z [d, n];
 * every function here is pure in its tensors and runs inside the caller's tidy.
 */
import type * as TF from '@tensorflow/tfjs-core';

type Tf = typeof TF;
export type Contrast = 'logcosh' | 'exp' | 'cube';

/** g = G' and its derivative g' for FastICA's contrasts (Hyvarinen 1999, eq. 8 choices). */
export function contrast(tf: Tf, kind: Contrast, u: TF.Tensor2D): { g: TF.Tensor2D; gPrime: TF.Tensor2D } {
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
export function fastIcaUpdate(tf: Tf, w: TF.Tensor2D, zDN: TF.Tensor2D, kind: Contrast): TF.Tensor2D {
  const n = zDN.shape[1];
  const uDN = tf.matMul(w, zDN); // [d, n]
  const { g, gPrime } = contrast(tf, kind, uDN);
  const egz = tf.div(tf.matMul(g, zDN, false, true), n); // [d, d]
  const egp = tf.mean(gPrime, 1, true); // [d, 1]
  return tf.sub(egz, tf.mul(egp, w));
}

/**
 * Extended infomax (Lee, Girolami & Sejnowski 1999, eq. 2.13 with the switching rule 2.16):
 * the natural gradient dW = [I - K tanh(u) u^T - u u^T] W, k_i = sign(E[sech^2 u] E[u^2] - E[u tanh u]).
 * Returns the gradient of the NLL (= -dW) for an optimizer that minimises, and the
 * per-sample NLL term mean_n sum_i (u^2/2 + k_i log cosh u) without -log|det W| (added on the CPU,
 * TF.js has no determinant).
 */
export function infomaxStep(tf: Tf, w: TF.Tensor2D, zDN: TF.Tensor2D): { grad: TF.Tensor2D; nllData: TF.Scalar } {
  const [d, n] = zDN.shape;
  const uDN = tf.matMul(w, zDN); // [d, n]
  const t = tf.tanh(uDN);
  const sech2 = tf.sub(1, tf.square(t));
  const k = tf.sign(tf.sub(tf.mul(tf.mean(sech2, 1), tf.mean(tf.square(uDN), 1)), tf.mean(tf.mul(uDN, t), 1))); // [d]
  const kCol = tf.reshape(k, [d, 1]);
  const phi = tf.add(uDN, tf.mul(kCol, t)); // [d, n]: -d/du log p(u) for p ∝ exp(-u^2/2) cosh(u)^-k
  const eye = tf.eye(d);
  const naturalDir = tf.matMul(tf.sub(eye, tf.div(tf.matMul(phi, uDN, false, true), n)), w); // [d, d]
  const logCosh = tf.sub(tf.add(tf.abs(uDN), tf.log1p(tf.exp(tf.mul(-2, tf.abs(uDN))))), Math.LN2); // stable log cosh
  const nllData = tf.mean(tf.sum(tf.add(tf.mul(0.5, tf.square(uDN)), tf.mul(kCol, logCosh)), 0)) as TF.Scalar;
  return { grad: tf.neg(naturalDir), nllData };
}

/** The same NLL data term, for any W (used to chart FastICA's progress on the same scale). */
export function nllDataTerm(tf: Tf, w: TF.Tensor2D, zDN: TF.Tensor2D): TF.Scalar {
  return infomaxStep(tf, w, zDN).nllData;
}

/**
 * Recovery statistics read back in one transfer: rows 0..d-1 are W, rows d..2d-1 are
 * corr(u_i, s_j) between recovered rows u = W z and standardised true sources sND [n, d].
 */
export function recoveryPack(tf: Tf, w: TF.Tensor2D, zDN: TF.Tensor2D, sND: TF.Tensor2D, nll: TF.Scalar): TF.Tensor1D {
  const n = zDN.shape[1];
  const uDN = tf.matMul(w, zDN); // [d, n]
  const uc = tf.sub(uDN, tf.mean(uDN, 1, true));
  const std = tf.sqrt(tf.add(tf.mean(tf.square(uc), 1, true), 1e-12)); // [d, 1]
  const corr = tf.div(tf.div(tf.matMul(uc, sND), n), std); // [d_learned, d_true]
  return tf.concat([tf.reshape(w, [-1]), tf.reshape(corr, [-1]), tf.reshape(nll, [1])]) as TF.Tensor1D;
}
