/**
 * An environment classifier: an encoder f(x) and, for each environment e other than the base,
 * a log-odds head l_e(f(x)) against the base (base logit 0), trained by multinomial logistic
 * regression on the environment labels. When the heads have the form of the true log density
 * ratios log p_e(z) / p_0(z) in the latents, the classes can only be told apart optimally by an
 * f that is an (affine) function of z: this is the contrastive estimator of Buchholz et al.
 * (NeurIPS 2023, "Learning Linear Causal Representations from Interventions under General
 * Nonlinear Mixing", Sec. 6) and of Rajendran et al. (2024, "Learning Interpretable Concepts").
 *
 * Heads, for f [B, k]:
 *   'low-rank' (single-node interventions): l_e = (u_e . f)^2 - (v_e . f)^2 + k_e, the quadratic
 *     form of rank <= 2 that the difference of the precision matrices of a zero-mean
 *     linear-Gaussian SCM and of one with a single node intervened on has. No linear term: with
 *     one, f could be the log-odds themselves (w_e = e_e) and nothing would tie f to z;
 *   'concept' (conditioning on one concept): l_e = -softplus(g_e) (w_e . f - beta_e)^2 + k_e, the
 *     log-odds of p_0(z) exp(-(<a, z> - b)^2 / (2 s^2)) against p_0.
 */
import type * as TF from '@tensorflow/tfjs-core';
import '../core/tf-gradients';
import { FlatAdam } from '../core/adam';
import { variable } from '../core/tf-ops';
import { Flow } from './cauca-model';
import type { Rng } from '../core/rng';

type Tf = typeof TF;
export type HeadKind = 'low-rank' | 'concept';

export interface EnvClassifierOptions {
  input: number;
  hidden: number;
  output: number;
  /** mlp: input -> H -> H -> output with leaky ReLUs; flow: CauCA's invertible flow (output = input), injective by construction. */
  encoder: 'mlp' | 'flow';
  /** Environments including the base (label 0). */
  envs: number;
  head: HeadKind;
  lr: number;
}

const SLOPE = 0.2; // leaky ReLU between the encoder's layers

export class EnvClassifier {
  private readonly w: TF.Variable[] = []; // encoder weights [in, H], [H, H], [H, k]
  private readonly b: TF.Variable[] = [];
  /** Head parameters, one row per non-base environment. */
  private readonly head: Record<string, TF.Variable> = {};
  private readonly vars: TF.Variable[];
  private readonly adam: FlatAdam;
  private readonly flow?: Flow;

  constructor(
    private readonly tf: Tf,
    readonly opts: EnvClassifierOptions,
    rng: Rng,
  ) {
    const { input, hidden, output, envs } = opts;
    const sizes = [input, hidden, hidden, output];
    const uniform = (n: number, bound: number) =>
      Float32Array.from({ length: n }, () => rng.uniform(-bound, bound));
    if (opts.encoder === 'flow')
      this.flow = new Flow(tf, { d: input, couplings: 4, hidden }, rng.fork('flow'));
    for (let l = 0; l < 3 && !this.flow; l++) {
      const [fin, fout] = [sizes[l], sizes[l + 1]];
      // He-uniform for the leaky-ReLU layers, PyTorch's default bound for the biases
      this.w.push(variable(tf, tf.tensor2d(uniform(fin * fout, Math.sqrt(6 / fin)), [fin, fout])));
      this.b.push(variable(tf, tf.tensor1d(uniform(fout, 1 / Math.sqrt(fin)))));
    }
    const m = envs - 1;
    // small, so that the first steps do not tear the encoder apart, but not zero: at u = v = 0
    // the quadratic terms have no gradient
    const small = (n: number) => uniform(n, 0.1);
    const matrix = (init: Float32Array) => variable(tf, tf.tensor2d(init, [output, m]));
    const row = (init: Float32Array) => variable(tf, tf.tensor1d(init));
    if (m === 0) {
      // one environment: no head, nothing to classify
    } else if (opts.head === 'low-rank') {
      this.head.u = matrix(small(output * m));
      this.head.v = matrix(small(output * m));
    } else {
      this.head.w = matrix(uniform(output * m, 1 / Math.sqrt(output)));
      this.head.beta = row(new Float32Array(m));
      this.head.g = row(new Float32Array(m));
    }
    if (m > 0) this.head.k = row(new Float32Array(m));
    this.vars = [
      ...(this.flow?.variables() ?? []),
      ...this.w,
      ...this.b,
      ...Object.values(this.head),
    ];
    this.adam = new FlatAdam(tf, this.vars, opts.lr);
  }

  /** f(x): x [B, input] -> [B, output]. */
  encode(x: TF.Tensor2D): TF.Tensor2D {
    const { tf } = this;
    if (this.flow) return this.flow.forward(x).z;
    let h = x;
    for (let l = 0; l < 3; l++) {
      h = tf.add(tf.matMul(h, this.w[l]), this.b[l]);
      if (l < 2) h = tf.leakyRelu(h, SLOPE);
    }
    return h;
  }

  /** Projections w_e . f(x) of every head [B, envs - 1]. */
  projections(f: TF.Tensor2D): TF.Tensor2D {
    if (!this.head.w) return this.tf.zeros([f.shape[0], 0]);
    return this.tf.matMul(f, this.head.w);
  }

  /** Logits of every environment [B, envs], the base's fixed at 0. */
  logits(f: TF.Tensor2D): TF.Tensor2D {
    const { tf, head } = this;
    const h = this.opts.head;
    if (!head.k) return tf.zeros([f.shape[0], 1]);
    const l =
      h === 'low-rank'
        ? tf.add(
            tf.add(tf.square(tf.matMul(f, head.u)), tf.neg(tf.square(tf.matMul(f, head.v)))),
            head.k,
          )
        : tf.add(
            tf.mul(tf.neg(tf.softplus(head.g)), tf.square(tf.sub(tf.matMul(f, head.w), head.beta))),
            head.k,
          );
    return tf.concat([tf.zeros([f.shape[0], 1]), l], 1) as TF.Tensor2D;
  }

  /** Multinomial cross-entropy -mean log softmax(l(f(x)))_{e(x)}; labels one-hot [B, envs]. */
  loss(x: TF.Tensor2D, labels: TF.Tensor2D): TF.Scalar {
    const { tf } = this;
    const logp = tf.logSoftmax(this.logits(this.encode(x)));
    return tf.neg(tf.mean(tf.sum(tf.mul(labels, logp), 1))) as TF.Scalar;
  }

  /** One Adam step; the loss when asked. */
  trainStep(x: TF.Tensor2D, labels: TF.Tensor2D, withLoss: boolean): TF.Scalar | undefined {
    const { tf } = this;
    // one environment: the loss is 0 whatever f is, so there is no gradient and no step
    if (this.opts.envs === 1) return withLoss ? tf.scalar(0) : undefined;
    let kept: TF.Scalar | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const l = this.loss(x, labels);
      if (withLoss) kept = tf.keep(tf.clone(l));
      return l;
    }, this.vars);
    this.adam.apply(this.vars.map((v) => grads[v.name]!));
    tf.dispose([value, ...Object.values(grads)]);
    return kept;
  }

  dispose(): void {
    this.adam.dispose();
    this.flow?.dispose();
    this.tf.dispose([...this.w, ...this.b, ...Object.values(this.head)]);
  }
}
