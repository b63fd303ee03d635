/**
 * Adam over a list of variables as one flat vector: the moments live in two [P] tensors and one
 * step is about fifteen kernels whatever the number of variables. TF.js's own optimizer runs about
 * thirteen kernels per variable plus two per step; at the sizes of these toys every kernel costs
 * more in dispatch than in arithmetic, so this is where a step's time goes (npm run bench).
 *
 * The update is TF.js's (Kingma & Ba 2015, Algorithm 1, with epsilon added to sqrt(v_hat)):
 *   m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g^2,
 *   theta <- theta - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * so a run with either optimizer follows the same trajectory up to float rounding
 * (tests/unit/fused-steps.test.ts).
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  ADAM_KERNEL,
  hostKernelsActive,
  registerHostKernels,
  type AdamAttrs,
} from './host-kernels';
import { unitRows } from './tf-ops';

export interface FlatAdamOptions {
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** One host kernel per step on WASM and CPU (the default there); false keeps the op chain (WebGL, WebGPU, and tests of it). */
  hostKernel?: boolean;
  /**
   * Project this variable's rows back to unit norm after every step (projected gradient
   * descent on a product of spheres, as an SAE's decoder atoms): x_r / (|x_r| + 1e-8).
   */
  unitRows?: TF.Variable;
}

export class FlatAdam {
  private readonly m: TF.Variable<TF.Rank.R1>; // [P] first moments
  private readonly v: TF.Variable<TF.Rank.R1>; // [P] second moments
  private readonly sizes: number[];
  private t = 0;

  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;
  private readonly hostKernel: boolean;
  /** Index of the variable whose rows are projected back to unit norm after each step, or -1. */
  private readonly unitRows: number;

  constructor(
    private readonly tf: typeof TF,
    private readonly vars: TF.Variable[],
    /** Mutable so that a schedule (cosine decay) can set it before each step. */
    public lr: number,
    opts: FlatAdamOptions = {},
  ) {
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.eps = opts.eps ?? tf.backend().epsilon();
    this.hostKernel = opts.hostKernel ?? hostKernelsActive(tf);
    this.unitRows = opts.unitRows ? vars.indexOf(opts.unitRows) : -1;
    if (opts.unitRows && (this.unitRows < 0 || opts.unitRows.rank !== 2))
      throw new Error(
        `Adam: expected unitRows to be one of the optimised [rows, columns] variables, got ${opts.unitRows.name} of shape [${opts.unitRows.shape}]`,
      );
    if (this.hostKernel) registerHostKernels(tf);
    this.sizes = vars.map((x) => x.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    const zeros = () => {
      const z = tf.zeros([total]);
      const v = tf.variable(z, false) as TF.Variable<TF.Rank.R1>;
      z.dispose(); // the variable keeps its own reference to the data
      return v;
    };
    this.m = zeros();
    this.v = zeros();
  }

  /** One step; `grads` in the order of the variables, each of its variable's shape. */
  apply(grads: TF.Tensor[]): void {
    const { tf, beta1: b1, beta2: b2 } = this;
    if (grads.length !== this.vars.length)
      throw new Error(`Adam: expected ${this.vars.length} gradients, got ${grads.length}`);
    this.t++;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    // -lr m_hat / (sqrt(v_hat) + eps) = -lr sqrt(c2) / c1 * m / (sqrt(v) + eps sqrt(c2)):
    // the bias corrections folded into two scalars
    const stepSize = (-this.lr * Math.sqrt(c2)) / c1;
    const epsHat = this.eps * Math.sqrt(c2);
    if (this.hostKernel) {
      // WASM and CPU: the whole update as one kernel (host-kernels.ts)
      const inputs: Record<string, TF.Tensor> = { m: this.m, v: this.v };
      this.vars.forEach((x, i) => {
        inputs[`x${i}`] = x;
        inputs[`g${i}`] = grads[i];
      });
      const attrs: AdamAttrs = {
        beta1: b1,
        beta2: b2,
        stepSize,
        epsHat,
        count: this.vars.length,
        unitRows: this.unitRows,
      };
      const [m, v, ...xs] = tf
        .engine()
        .runKernel(
          ADAM_KERNEL,
          inputs,
          attrs as unknown as TF.NamedAttrMap,
        ) as unknown as TF.Tensor[];
      this.m.assign(m as TF.Tensor1D);
      this.v.assign(v as TF.Tensor1D);
      this.vars.forEach((x, i) => x.assign(xs[i]));
      tf.dispose([m, v, ...xs]);
      return;
    }
    tf.tidy(() => {
      const g = tf.concat(grads.map((x) => tf.reshape(x, [-1]))); // [P]
      const m = tf.add(tf.mul(this.m, b1), tf.mul(g, 1 - b1));
      const v = tf.add(tf.mul(this.v, b2), tf.mul(tf.square(g), 1 - b2));
      this.m.assign(m as TF.Tensor1D);
      this.v.assign(v as TF.Tensor1D);
      const step = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), epsHat)); // [P]
      const parts = tf.split(step, this.sizes);
      this.vars.forEach((x, i) => {
        const next = tf.add(x, tf.reshape(parts[i]!, x.shape));
        x.assign(i === this.unitRows ? unitRows(tf, next as TF.Tensor2D) : next);
      });
    });
  }

  dispose(): void {
    this.tf.dispose([this.m, this.v]);
  }
}
