/**
 * Small TF.js helpers shared by the trainers.
 *
 * matMul with transposes: TF.js's WASM backend sends a product through XNNPACK only when neither
 * operand is transposed; a transposed one falls to a scalar triple loop that ran 4-8x slower on
 * the shapes of these toys (a [512, 64] backward product: about 2 ms against 0.3 ms with an
 * explicit transpose first; npm run bench, scratch measurements in the issue 7 note). WebGL and
 * WebGPU read transposed operands natively, so there the flags are passed through.
 */
import type * as TF from '@tensorflow/tfjs-core';

/** Rows of x [rows, cols] scaled to unit norm, x_r / (|x_r| + 1e-8) (an SAE's atoms). Call inside tf.tidy. */
export function unitRows(tf: typeof TF, x: TF.Tensor2D): TF.Tensor2D {
  return tf.div(x, tf.add(tf.sqrt(tf.sum(tf.square(x), 1, true)), 1e-8));
}

/** Call inside tf.tidy: on WASM the transposed copies are intermediates the caller's scope frees. */
export function matMulT(
  tf: typeof TF,
  a: TF.Tensor2D,
  b: TF.Tensor2D,
  transposeA = false,
  transposeB = false,
): TF.Tensor2D {
  if (tf.getBackend() !== 'wasm' || (!transposeA && !transposeB))
    return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** A variable holding t's values; t itself is disposed (the variable keeps its own reference to the data). */
export function variable(tf: typeof TF, t: TF.Tensor, trainable = true): TF.Variable {
  const v = tf.variable(t, trainable);
  t.dispose();
  return v;
}
