/**
 * Per-sample sparse inference on a dictionary, on the device: FISTA for the non-negative lasso and
 * non-negative matching pursuit. The MP encoder of the SAE (model.ts) runs the same pursuit.
 * Dictionaries are [m, dim] with atoms as rows; observations [n, dim]; codes [n, m].
 */
import type * as TF from '@tensorflow/tfjs-core';
import { mat, symEig } from '../core/linalg';
import { matMulT } from '../core/tf-ops';

type Tf = typeof TF;

/** Largest eigenvalue of D^T D [dim, dim]: the Lipschitz constant of the FISTA gradient. */
export function lipschitz(dict: Float32Array | Float64Array, m: number, d: number): number {
  const g = mat(d, d);
  for (let i = 0; i < m; i++)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) g.data[a * d + b] += dict[i * d + a] * dict[i * d + b];
  return Math.max(0, ...symEig(g).values);
}

/**
 * FISTA (Beck & Teboulle 2009, eq. 4.1-4.3) for min_z 1/2 |x - z D|^2 + lambda |z|_1 with z >= 0,
 * batched over samples.
 */
export async function fista(
  tf: Tf,
  dict: Float32Array | Float64Array,
  m: number,
  x: Float32Array | Float64Array,
  n: number,
  d: number,
  lambda: number,
  iters: number,
): Promise<Float32Array> {
  const L = lipschitz(dict, m, d) || 1;
  const D = tf.tensor2d(Float32Array.from(dict), [m, d]);
  const X = tf.tensor2d(Float32Array.from(x), [n, d]);
  const G = tf.tidy(() => tf.matMul(D, D, false, true)); // [m, m]
  const XDt = tf.tidy(() => tf.matMul(X, D, false, true)); // [n, m]
  let z = tf.zeros([n, m]) as TF.Tensor2D;
  let y = z.clone();
  let t = 1;
  for (let it = 0; it < iters; it++) {
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const mom = (t - 1) / tNext;
    const [zNext, yNext] = tf.tidy(() => {
      const grad = tf.sub(tf.matMul(y, G), XDt); // [n, m] gradient of the quadratic at y
      const zN = tf.relu(tf.sub(tf.sub(y, tf.div(grad, L)), lambda / L)) as TF.Tensor2D; // non-negative soft threshold
      const yN = tf.add(zN, tf.mul(tf.sub(zN, z), mom)) as TF.Tensor2D;
      return [zN, yN];
    });
    z.dispose();
    y.dispose();
    z = zNext;
    y = yNext;
    t = tNext;
  }
  const out = (await z.data()) as Float32Array;
  tf.dispose([D, X, G, XDt, z, y]);
  return out;
}

/**
 * k steps of non-negative matching pursuit (Mallat & Zhang 1993) from residuals r [n, dim] on
 * atoms D [m, dim]: each step selects the atom of largest positive correlation, takes it out of
 * the residual and adds its coefficient to the codes. Returns the one-hot selections [n, m] of
 * each step and the codes [n, m]. Call inside tf.tidy.
 */
export function pursuit(
  tf: Tf,
  r0: TF.Tensor2D,
  D: TF.Tensor2D,
  k: number,
): { masks: TF.Tensor2D[]; codes: TF.Tensor2D } {
  const [n, m] = [r0.shape[0], D.shape[0]];
  const masks: TF.Tensor2D[] = [];
  let r = r0;
  let codes = tf.zeros([n, m]) as TF.Tensor2D;
  for (let t = 0; t < k; t++) {
    const c = tf.relu(matMulT(tf, r, D, false, true)); // [n, m] positive correlations with the residual
    const mask = tf.cast(tf.oneHot(tf.argMax(c, 1), m), 'float32') as TF.Tensor2D;
    const coef = tf.sum(tf.mul(c, mask), 1, true); // [n, 1]
    r = tf.sub(r, tf.mul(coef, tf.matMul(mask, D))) as TF.Tensor2D;
    codes = tf.add(codes, tf.mul(coef, mask)) as TF.Tensor2D;
    masks.push(mask);
  }
  return { masks, codes };
}

/** Matching pursuit with k steps on a fixed dictionary [m, dim]: codes [n, m]. */
export async function matchingPursuit(
  tf: Tf,
  dict: Float32Array | Float64Array,
  m: number,
  x: Float32Array | Float64Array,
  n: number,
  d: number,
  k: number,
): Promise<Float32Array> {
  const z = tf.tidy(
    () =>
      pursuit(
        tf,
        tf.tensor2d(Float32Array.from(x), [n, d]),
        tf.tensor2d(Float32Array.from(dict), [m, d]),
        k,
      ).codes,
  );
  const out = (await z.data()) as Float32Array;
  z.dispose();
  return out;
}
