/**
 * A ReLU MLP 32 -> h -> h -> 10 trained in random subspaces (Li, Farkhoor, Liu and Yosinski,
 * ICLR 2018, Sec. 2, Eq. 2): theta = theta_0 + P_d c, with P_d the first d columns of one
 * [D, dMax] matrix of unit-norm N(0, 1) columns, c in R^d the only trained parameters. Every
 * subspace dimension of the grid trains at once, as one batched network of `dims.length` members
 * (member k masks c beyond d_k), next to the same network trained directly (theta itself): one
 * step is a handful of batched kernels whatever the grid, which is what keeps the sweep live.
 */
import type * as TF from '@tensorflow/tfjs-core';
import '../core/tf-gradients';
import { FlatAdam } from '../core/adam';
import { Rng } from '../core/rng';
import { variable } from '../core/tf-ops';
import { countOf, layerShapes, parameterCount } from './subspace-data';

export interface SubspaceOptions {
  width: number;
  dims: readonly number[];
  lrSubspace: number;
  lrFull: number;
  /** theta_0 [D]; by default drawn as the authors' code does (initialTheta). */
  theta0?: Float32Array;
}

/** theta_0 as in the authors' code: weights uniform in +-1/sqrt(fan_in), biases zero. */
export function initialTheta(shapes: number[][], rng: Rng): Float32Array {
  const theta = new Float32Array(countOf(shapes));
  let off = 0;
  for (const s of shapes) {
    const n = s.reduce((a, b) => a * b, 1);
    if (s.length === 2)
      for (let i = 0; i < n; i++) theta[off + i] = rng.uniform(-1, 1) / Math.sqrt(s[0]);
    off += n;
  }
  return theta;
}

export class SubspaceMLP {
  readonly dim: number; // D
  private readonly shapes: number[][];
  private readonly theta0: TF.Tensor1D; // [D]
  private readonly directions: TF.Tensor2D; // [D, dMax] P, unit-norm columns
  private readonly directionsT: TF.Tensor2D; // [dMax, D] P^T, kept so the gradient is a plain matmul
  private readonly project: (c: TF.Tensor2D) => TF.Tensor2D;
  private readonly mask: TF.Tensor2D; // [dMax, K] 1 where row < d_k
  private readonly c: TF.Variable<TF.Rank.R2>; // [dMax, K] subspace coordinates, one column per d
  private readonly full: TF.Variable<TF.Rank.R1>; // [D] the directly trained network
  private readonly optSubspace: FlatAdam;
  private readonly optFull: FlatAdam;

  constructor(
    private readonly tf: typeof TF,
    opts: SubspaceOptions,
    rng: Rng,
  ) {
    const { width, dims } = opts;
    this.shapes = layerShapes(width);
    const D = parameterCount(width);
    this.dim = D;
    const dMax = Math.max(...dims);
    const theta0 = opts.theta0 ?? initialTheta(this.shapes, rng.fork('init'));
    if (theta0.length !== D)
      throw new Error(`theta_0: expected ${D} parameters, got ${theta0.length}`);
    const rp = rng.fork('subspace');
    const p = new Float32Array(D * dMax);
    for (let col = 0; col < dMax; col++) {
      let norm = 0;
      const v = Float64Array.from({ length: D }, () => rp.normal());
      for (const a of v) norm += a * a;
      norm = Math.sqrt(norm);
      for (let i = 0; i < D; i++) p[i * dMax + col] = v[i] / norm;
    }
    const K = dims.length;
    const mask = new Float32Array(dMax * K);
    for (let r = 0; r < dMax; r++)
      for (let k = 0; k < K; k++) mask[r * K + k] = r < dims[k] ? 1 : 0;
    this.theta0 = tf.tensor1d(theta0);
    this.directions = tf.tensor2d(p, [D, dMax]);
    this.directionsT = tf.transpose(this.directions);
    // P c with the gradient P^T g written out: TF.js's own (a transposed-operand matmul) was
    // two thirds of a step on WASM.
    this.project = tf.customGrad(((c: TF.Tensor) => {
      return {
        value: tf.matMul(this.directions, c as TF.Tensor2D),
        gradFunc: (dy: TF.Tensor) => tf.matMul(this.directionsT, dy as TF.Tensor2D),
      };
    }) as unknown as Parameters<typeof TF.customGrad>[0]) as unknown as (
      c: TF.Tensor2D,
    ) => TF.Tensor2D;
    this.mask = tf.tensor2d(mask, [dMax, K]);
    this.c = variable(tf, tf.zeros([dMax, K])) as TF.Variable<TF.Rank.R2>;
    this.full = variable(tf, this.theta0.clone()) as TF.Variable<TF.Rank.R1>;
    this.optSubspace = new FlatAdam(tf, [this.c], opts.lrSubspace);
    this.optFull = new FlatAdam(tf, [this.full], opts.lrFull);
  }

  /** theta_0 + P_{d_k} c_k for every member k: [K, D] (Eq. 2). */
  private subspaceThetas(): TF.Tensor2D {
    const { tf } = this;
    return tf.transpose(
      tf.add(tf.expandDims(this.theta0, 1), this.project(tf.mul(this.c, this.mask) as TF.Tensor2D)),
    ) as TF.Tensor2D;
  }

  /** Logits of M networks with flat parameters thetas [M, D] on x [B, 32]: [M, B, 10]. */
  private logits(thetas: TF.Tensor2D, x: TF.Tensor2D): TF.Tensor3D {
    const { tf } = this;
    const M = thetas.shape[0];
    let off = 0;
    const p = this.shapes.map((s) => {
      const n = s.reduce((a, b) => a * b, 1);
      const flat = tf.slice(thetas, [0, off], [M, n]);
      off += n;
      return tf.reshape(flat, s.length === 2 ? [M, s[0], s[1]] : [M, 1, s[0]]) as TF.Tensor3D;
    });
    const xs = tf.expandDims(x, 0) as TF.Tensor3D; // [1, B, 32], broadcast over the members
    const h1 = tf.relu(tf.add(tf.matMul(xs, p[0]), p[1])) as TF.Tensor3D; // [M, B, h]
    const h2 = tf.relu(tf.add(tf.matMul(h1, p[2]), p[3])) as TF.Tensor3D; // [M, B, h]
    return tf.add(tf.matMul(h2, p[4]), p[5]) as TF.Tensor3D; // [M, B, 10]
  }

  /**
   * The subspace members' loss (the sum of their mean cross-entropies) and its gradient in c
   * [dMax, K]: the step's first half, exposed for the finite-difference test.
   */
  subspaceLossAndGrad(x: TF.Tensor2D, onehot: TF.Tensor2D): { loss: TF.Scalar; grad: TF.Tensor2D } {
    const { tf } = this;
    const { value, grads } = tf.variableGrads(
      () => this.crossEntropy(this.logits(this.subspaceThetas(), x), onehot),
      [this.c],
    );
    return { loss: value, grad: grads[this.c.name] as TF.Tensor2D };
  }

  /** Set the subspace coordinates (tests). */
  setCoordinates(values: Float32Array): void {
    this.tf.tidy(() => this.c.assign(this.tf.tensor2d(values, this.c.shape)));
  }

  /** Sum over members of each member's mean cross-entropy: members' gradients stay separate. */
  private crossEntropy(logits: TF.Tensor3D, onehot: TF.Tensor2D): TF.Scalar {
    const { tf } = this;
    const B = onehot.shape[0];
    return tf.div(tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), onehot))), B) as TF.Scalar;
  }

  /** One Adam step of every subspace member and of the full network on the batch x [B, 32], y [B]. */
  step(x: TF.Tensor2D, onehot: TF.Tensor2D): void {
    const { tf } = this;
    tf.tidy(() => {
      this.optSubspace.apply([this.subspaceLossAndGrad(x, onehot).grad]);
      const full = tf.variableGrads(
        () => this.crossEntropy(this.logits(tf.expandDims(this.full, 0) as TF.Tensor2D, x), onehot),
        [this.full],
      );
      this.optFull.apply([full.grads[this.full.name]]);
    });
  }

  /**
   * Accuracy and mean cross-entropy of every member, then of the full network, on a labelled set:
   * [2 (K + 1)] packed as accuracies then losses, one readback.
   */
  evaluate(x: TF.Tensor2D, onehot: TF.Tensor2D): TF.Tensor1D {
    const { tf } = this;
    return tf.tidy(() => {
      const thetas = tf.concat([this.subspaceThetas(), tf.expandDims(this.full, 0)]) as TF.Tensor2D;
      const logits = this.logits(thetas, x); // [K + 1, n, 10]
      const correct = tf.cast(tf.equal(tf.argMax(logits, 2), tf.argMax(onehot, 1)), 'float32');
      const acc = tf.mean(correct, 1);
      const ce = tf.div(tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), onehot), [1, 2])), x.shape[0]);
      return tf.concat([acc, ce]) as TF.Tensor1D;
    });
  }

  dispose(): void {
    this.tf.dispose([this.theta0, this.directions, this.directionsT, this.mask, this.c, this.full]);
    this.optSubspace.dispose();
    this.optFull.dispose();
  }
}
