/**
 * The pretraining half of the fine-tuning toy (planning note Sec. 5.5, after Aghajanyan,
 * Zettlemoyer and Gupta 2020, Sec. 4): one ReLU trunk 32 -> h -> h shared by T heads of 10
 * classes, trained directly with Adam on T labellings of the same inputs. Its trunk then becomes
 * theta_0 of the subspace fine-tuning (subspace-model.ts), with a fresh zero head.
 */
import type * as TF from '@tensorflow/tfjs-core';
import '../core/tf-gradients';
import { FlatAdam } from '../core/adam';
import { variable } from '../core/tf-ops';
import { CLASSES, layerShapes, trunkCount } from './subspace-data';

export class MultiTaskNet {
  private readonly shapes: number[][];
  private readonly theta: TF.Variable<TF.Rank.R1>; // [D_T] trunk, then the T heads side by side
  private readonly opt: FlatAdam;

  constructor(
    private readonly tf: typeof TF,
    readonly width: number,
    readonly tasks: number,
    theta0: Float32Array,
    lr: number,
  ) {
    this.shapes = layerShapes(width, tasks * CLASSES);
    this.theta = variable(tf, tf.tensor1d(theta0)) as TF.Variable<TF.Rank.R1>;
    this.opt = new FlatAdam(tf, [this.theta], lr);
  }

  /** Logits of every head on x [B, 32]: [B, T, 10]. */
  private logits(x: TF.Tensor2D): TF.Tensor3D {
    const { tf } = this;
    let off = 0;
    const [w1, b1, w2, b2, w3, b3] = this.shapes.map((s) => {
      const n = s.reduce((a, b) => a * b, 1);
      const part = tf.reshape(tf.slice(this.theta, off, n), s);
      off += n;
      return part;
    });
    const h1 = tf.relu(tf.add(tf.matMul(x, w1 as TF.Tensor2D), b1)) as TF.Tensor2D; // [B, h]
    const h2 = tf.relu(tf.add(tf.matMul(h1, w2 as TF.Tensor2D), b2)) as TF.Tensor2D; // [B, h]
    const out = tf.add(tf.matMul(h2, w3 as TF.Tensor2D), b3); // [B, 10 T]
    return tf.reshape(out, [x.shape[0], this.tasks, CLASSES]) as TF.Tensor3D;
  }

  /** The mean over tasks of each head's mean cross-entropy; onehot [B, T, 10]. */
  private loss(x: TF.Tensor2D, onehot: TF.Tensor3D): TF.Scalar {
    const { tf } = this;
    const n = x.shape[0] * this.tasks;
    return tf.div(tf.neg(tf.sum(tf.mul(tf.logSoftmax(this.logits(x)), onehot))), n) as TF.Scalar;
  }

  /** One Adam step on the batch; returns the batch loss (a scalar tensor the caller disposes). */
  step(x: TF.Tensor2D, onehot: TF.Tensor3D): TF.Scalar {
    const { tf } = this;
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.loss(x, onehot), [this.theta]);
      this.opt.apply([grads[this.theta.name]]);
      return value;
    });
  }

  /** Mean accuracy over the heads and the loss on a labelled set: [2]. */
  evaluate(x: TF.Tensor2D, onehot: TF.Tensor3D): TF.Tensor1D {
    const { tf } = this;
    return tf.tidy(() => {
      const logits = this.logits(x);
      const acc = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 2), tf.argMax(onehot, 2)), 'float32'));
      return tf.stack([acc, this.loss(x, onehot)]) as TF.Tensor1D;
    });
  }

  /** The trunk (W1, b1, W2, b2) in theta's flat order. */
  async trunk(): Promise<Float32Array> {
    const part = this.tf.slice(this.theta, 0, trunkCount(this.width));
    const values = (await part.data()) as Float32Array;
    part.dispose();
    return values;
  }

  dispose(): void {
    this.theta.dispose();
    this.opt.dispose();
  }
}
