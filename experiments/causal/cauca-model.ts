/**
 * The CauCA model (Liang et al. 2023, Sec. 4 "Causal Component Analysis" and the likelihood of
 * their `ParamMultiEnvCausalDistribution`, akekic/causal-component-analysis
 * `model/normalizing_flow/distribution.py`): an unmixing flow z = f(x) whose base distribution is
 * the latent SCM, environment by environment,
 *   log p_e(x) = log p_e(f(x)) + log |det J_f(x)|,
 *   log p_e(z) = sum_j log N(z_j; mu_ej + [j not intervened in e] c_j z_{j-1}, sigma_ej^2),
 * with the known graph (the chain) and learnt edge weights c_j, means and scales. As in the
 * authors' `fix_mechanisms` option, the observational roots and the intervened non-roots are fixed
 * to N(0, 1), which pins the latents' scales. The naive model is the same flow with one learnt
 * diagonal Gaussian for every environment: no interventional structure.
 *
 * The flow: K x [affine coupling (a ReLU conditioner MLP on the first floor(d/2) coordinates,
 * scale 2 tanh(s)) -> swap halves -> LU-linear layer (unit lower L times upper U with diagonal exp(log
 * d), plus a bias)], the RealNVP coupling (Dinh et al. 2017) and Glow's LU layer (Kingma &
 * Dhariwal 2018) standing in for the authors' rational-quadratic spline flows.
 */
import type * as TF from '@tensorflow/tfjs-core';
import '../core/tf-gradients';
import { FlatAdam } from '../core/adam';
import { variable } from '../core/tf-ops';
import type { Rng } from '../core/rng';

type Tf = typeof TF;

export interface FlowOptions {
  d: number;
  couplings: number;
  hidden: number;
}

interface Coupling {
  w: TF.Variable[]; // conditioner weights [a, H], [H, H], [H, 2 (d - a)]
  b: TF.Variable[]; // and biases
  lRaw: TF.Variable; // [d, d], strictly lower part used
  uRaw: TF.Variable; // [d, d], strictly upper part used
  logDiag: TF.Variable; // [d]
  bias: TF.Variable; // [d]
}

/** The unmixing flow x -> z with its log |det J| per sample. */
export class Flow {
  readonly layers: Coupling[] = [];
  private readonly lowerMask: TF.Tensor2D;
  private readonly upperMask: TF.Tensor2D;
  private readonly eye: TF.Tensor2D;

  constructor(
    private readonly tf: Tf,
    readonly opts: FlowOptions,
    rng: Rng,
  ) {
    const { d, hidden: h } = opts;
    const a = Math.floor(d / 2);
    const sizes = [a, h, h, 2 * (d - a)];
    // PyTorch's default Linear init, U(+-1/sqrt(fan_in)); the last layer x0.01 and zero bias so
    // that every coupling starts near the identity (as the calibration port of the authors' flow)
    const uniform = (n: number, bound: number, scale = 1) =>
      Float32Array.from({ length: n }, () => rng.uniform(-bound, bound) * scale);
    for (let k = 0; k < opts.couplings; k++) {
      const w: TF.Variable[] = [];
      const b: TF.Variable[] = [];
      for (let l = 0; l < 3; l++) {
        const [fin, fout] = [sizes[l], sizes[l + 1]];
        const last = l === 2;
        const bound = 1 / Math.sqrt(fin);
        w.push(variable(tf, tf.tensor2d(uniform(fin * fout, bound, last ? 0.01 : 1), [fin, fout])));
        b.push(variable(tf, last ? tf.zeros([fout]) : tf.tensor1d(uniform(fout, bound)), true));
      }
      this.layers.push({
        w,
        b,
        lRaw: variable(tf, tf.zeros([d, d])),
        uRaw: variable(tf, tf.zeros([d, d])),
        logDiag: variable(tf, tf.zeros([d])),
        bias: variable(tf, tf.zeros([d])),
      });
    }
    const band = (keep: (r: number, c: number) => boolean) =>
      tf.tensor2d(
        Float32Array.from({ length: d * d }, (_, i) => (keep(Math.floor(i / d), i % d) ? 1 : 0)),
        [d, d],
      );
    this.lowerMask = band((r, c) => r > c);
    this.upperMask = band((r, c) => r < c);
    this.eye = band((r, c) => r === c);
  }

  variables(): TF.Variable[] {
    return this.layers.flatMap((c) => [...c.w, ...c.b, c.lRaw, c.uRaw, c.logDiag, c.bias]);
  }

  /** x [B, d] -> z [B, d] and log |det J_f(x)| [B]. */
  forward(x: TF.Tensor2D): { z: TF.Tensor2D; logDet: TF.Tensor1D } {
    const { tf } = this;
    const d = this.opts.d;
    const a = Math.floor(d / 2);
    let h = x;
    let logDet: TF.Tensor1D = tf.zeros([x.shape[0]]);
    for (const c of this.layers) {
      // affine coupling: x_b <- x_b exp(s(x_a)) + t(x_a), s = 2 tanh(.) bounds the scale
      const xa = tf.slice(h, [0, 0], [-1, a]);
      const xb = tf.slice(h, [0, a], [-1, d - a]);
      const dense = (v: TF.Tensor2D, l: number, activation: 'relu' | 'linear'): TF.Tensor2D =>
        tf.fused.matMul({
          a: v,
          b: c.w[l] as TF.Tensor2D,
          bias: c.b[l],
          activation,
        }) as TF.Tensor2D;
      const u = dense(dense(xa, 0, 'relu'), 1, 'relu'); // [B, H]
      const st = dense(u, 2, 'linear'); // [B, 2 (d - a)]
      const s = tf.mul(tf.tanh(tf.slice(st, [0, 0], [-1, d - a])), 2);
      const t = tf.slice(st, [0, d - a], [-1, d - a]);
      const yb = tf.add(tf.mul(xb, tf.exp(s)), t);
      logDet = tf.add(logDet, tf.sum(s, 1));
      h = tf.concat([yb, xa], 1) as TF.Tensor2D; // swap halves
      // LU-linear: h <- h (L U) + bias, log |det| = sum log d
      const l = tf.add(tf.mul(c.lRaw, this.lowerMask), this.eye);
      const up = tf.add(tf.mul(c.uRaw, this.upperMask), tf.mul(tf.exp(c.logDiag), this.eye));
      h = tf.add(tf.matMul(h, tf.matMul(l, up)), c.bias);
      logDet = tf.add(logDet, tf.sum(c.logDiag));
    }
    return { z: h, logDet };
  }

  dispose(): void {
    this.tf.dispose([...this.variables(), this.lowerMask, this.upperMask, this.eye]);
  }
}

/**
 * The base distributions of one batch: rows grouped by environment, `perEnv` rows each, in the
 * order of `targets` (-1 observational, else the intervened node).
 */
export interface BaseLayout {
  d: number;
  targets: number[];
  perEnv: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Sum over coordinates of log N(z; m, exp(ls)^2), [B]. */
function gaussianLogDensity(tf: Tf, z: TF.Tensor2D, m: TF.Tensor, ls: TF.Tensor): TF.Tensor1D {
  const r = tf.mul(tf.sub(z, m), tf.exp(tf.neg(ls)));
  return tf.sum(tf.sub(tf.mul(tf.square(r), -0.5), tf.add(ls, 0.5 * LOG_2PI)), 1);
}

export interface Base {
  variables(): TF.Variable[];
  /** log p_e(z) of every row [B], each row in its environment. */
  logDensity(z: TF.Tensor2D): TF.Tensor1D;
  /** Learnt edge weights c_1 .. c_{d-1} (CauCA) or none. */
  edges(): Promise<Float32Array | undefined>;
  dispose(): void;
}

/** The latent SCM on the chain with the known intervention targets. */
export class ScmBase implements Base {
  private readonly c: TF.Variable; // [d] edge weights, c_0 unused
  private readonly mu: TF.Variable; // [E, d]
  private readonly logSd: TF.Variable; // [E, d]
  private readonly free: TF.Tensor2D; // [E, d], 0 where fixed to N(0, 1)
  private readonly edgeMask: TF.Tensor2D; // [1, d], 0 at the root
  private readonly envOneHot: TF.Tensor2D; // [B, E]
  private readonly intervened: TF.Tensor2D; // [B, d], 1 where the row's node is intervened on

  constructor(
    private readonly tf: Tf,
    private readonly layout: BaseLayout,
    rng: Rng,
  ) {
    const { d, targets, perEnv } = layout;
    const E = targets.length;
    const B = E * perEnv;
    this.c = variable(tf, tf.tensor1d(Float32Array.from({ length: d }, () => rng.uniform(-1, 1))));
    this.mu = variable(
      tf,
      tf.tensor2d(
        Float32Array.from({ length: E * d }, () => rng.uniform(-0.5, 0.5)),
        [E, d],
      ),
    );
    this.logSd = variable(
      tf,
      tf.tensor2d(
        Float32Array.from({ length: E * d }, () => Math.log(rng.uniform(0.5, 1.5))),
        [E, d],
      ),
    );
    // fix_mechanisms: a root in the observational environment, or an intervened non-root, is N(0, 1)
    const free = new Float32Array(E * d);
    for (let e = 0; e < E; e++)
      for (let j = 0; j < d; j++) {
        const root = j === 0;
        const shifted = targets[e] === j;
        free[e * d + j] = (shifted && !root) || (!shifted && root) ? 0 : 1;
      }
    this.free = tf.tensor2d(free, [E, d]);
    this.edgeMask = tf.tensor2d(
      Float32Array.from({ length: d }, (_, j) => (j === 0 ? 0 : 1)),
      [1, d],
    );
    const oneHot = new Float32Array(B * E);
    const hit = new Float32Array(B * d);
    for (let e = 0; e < E; e++)
      for (let i = e * perEnv; i < (e + 1) * perEnv; i++) {
        oneHot[i * E + e] = 1;
        if (targets[e] >= 0) hit[i * d + targets[e]] = 1;
      }
    this.envOneHot = tf.tensor2d(oneHot, [B, E]);
    this.intervened = tf.tensor2d(hit, [B, d]);
  }

  variables(): TF.Variable[] {
    return [this.c, this.mu, this.logSd];
  }

  logDensity(z: TF.Tensor2D): TF.Tensor1D {
    const { tf } = this;
    const d = this.layout.d;
    const mu = tf.mul(this.mu, this.free);
    const ls = tf.mul(this.logSd, this.free);
    // an intervened node has its environment's mechanism; every other node the observational one,
    // its parent's contribution included: z_j ~ N(mu_0j + c_j z_{j-1}, sigma_0j^2)
    const parent = tf.concat([tf.zeros([z.shape[0], 1]), tf.slice(z, [0, 0], [-1, d - 1])], 1);
    const observational = tf.add(
      tf.slice(mu, [0, 0], [1, d]),
      tf.mul(parent, tf.mul(this.c, this.edgeMask)),
    ); // [B, d]
    const keep = tf.sub(1, this.intervened);
    const m = tf.add(
      tf.mul(this.intervened, tf.matMul(this.envOneHot, mu)),
      tf.mul(keep, observational),
    );
    const s = tf.add(
      tf.mul(this.intervened, tf.matMul(this.envOneHot, ls)),
      tf.mul(keep, tf.slice(ls, [0, 0], [1, d])),
    );
    return gaussianLogDensity(tf, z, m, s);
  }

  async edges(): Promise<Float32Array> {
    return ((await this.c.data()) as Float32Array).slice(1);
  }

  dispose(): void {
    this.tf.dispose([
      this.c,
      this.mu,
      this.logSd,
      this.free,
      this.edgeMask,
      this.envOneHot,
      this.intervened,
    ]);
  }
}

/** One learnt diagonal Gaussian for every row: the environment labels ignored. */
export class NaiveBase implements Base {
  private readonly mu: TF.Variable; // [d]
  private readonly logSd: TF.Variable; // [d]

  constructor(
    private readonly tf: Tf,
    d: number,
  ) {
    this.mu = variable(tf, tf.zeros([d]));
    this.logSd = variable(tf, tf.zeros([d]));
  }

  variables(): TF.Variable[] {
    return [this.mu, this.logSd];
  }

  logDensity(z: TF.Tensor2D): TF.Tensor1D {
    return gaussianLogDensity(this.tf, z, this.mu, this.logSd);
  }

  async edges(): Promise<undefined> {
    return undefined;
  }

  dispose(): void {
    this.tf.dispose([this.mu, this.logSd]);
  }
}

export interface CaucaModelOptions extends FlowOptions {
  lr: number;
  steps: number;
}

/** Flow, base and Adam with the authors' cosine decay of the learning rate. */
export class CaucaModel {
  private readonly vars: TF.Variable[];
  private readonly adam: FlatAdam;
  private step = 0;

  constructor(
    private readonly tf: Tf,
    readonly flow: Flow,
    readonly base: Base,
    private readonly opts: CaucaModelOptions,
  ) {
    this.vars = [...flow.variables(), ...base.variables()];
    this.adam = new FlatAdam(tf, this.vars, opts.lr);
  }

  /** The negative log-likelihood -mean[log p_e(f(x)) + log |det J_f(x)|] and its two parts. */
  loss(x: TF.Tensor2D): Record<'loss/nll' | 'loss/base' | 'loss/logdet', TF.Scalar> {
    const { tf } = this;
    const { z, logDet } = this.flow.forward(x);
    const base = tf.neg(tf.mean(this.base.logDensity(z))) as TF.Scalar;
    const logdet = tf.neg(tf.mean(logDet)) as TF.Scalar;
    return { 'loss/nll': tf.add(base, logdet), 'loss/base': base, 'loss/logdet': logdet };
  }

  /** [nll, base, logdet] of a batch, without an update. */
  terms(x: TF.Tensor2D): TF.Tensor1D {
    return this.tf.tidy(() => {
      const t = this.loss(x);
      return this.tf.stack([t['loss/nll'], t['loss/base'], t['loss/logdet']]) as TF.Tensor1D;
    });
  }

  /** One Adam step on a batch; returns [nll, base, logdet] when asked. */
  trainStep(x: TF.Tensor2D, withTerms: boolean): TF.Tensor1D | undefined {
    const { tf } = this;
    this.step++;
    this.adam.lr = this.opts.lr * 0.5 * (1 + Math.cos((Math.PI * this.step) / this.opts.steps));
    let terms: TF.Tensor1D | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const t = this.loss(x);
      if (withTerms)
        terms = tf.keep(tf.stack([t['loss/nll'], t['loss/base'], t['loss/logdet']])) as TF.Tensor1D;
      return t['loss/nll'];
    }, this.vars);
    this.adam.apply(this.vars.map((v) => grads[v.name]!));
    tf.dispose([value, ...Object.values(grads)]);
    return terms as TF.Tensor1D | undefined;
  }

  /** z = f(x) without gradients. */
  encode(x: TF.Tensor2D): TF.Tensor2D {
    return this.tf.tidy(() => this.flow.forward(x).z);
  }

  dispose(): void {
    this.adam.dispose();
    this.flow.dispose();
    this.base.dispose();
  }
}
