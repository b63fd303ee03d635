/**
 * Encoders and objectives for contrastive and predictive learning on the device (TF.js, autodiff).
 * Shapes: observations [batch, observed], embeddings [batch, latents].
 * - InfoNCE (van den Oord et al. 2018; the form of Zimmermann et al. 2021): logits_ij = sim(f(x_i), f(x'_j)) / tau
 *   with in-batch negatives; sim = <a, b> on the sphere, -|a - b|_p in R^n.
 * - AnInfoNCE (Rusak et al. 2024, "InfoNCE: identifying the gap between theory and practice"):
 *   sim = -1/2 (a - b)^T diag(Lambda_hat) (a - b) with Lambda_hat learned. The authors use
 *   softplus(lambda); we learn log Lambda_hat instead, because Adam moves a parameter by about lr
 *   per step and precisions that differ 16-fold are then reached in hundreds of steps, not thousands.
 * - Supervised cross-entropy over latent-defined classes, and parametric instance discrimination
 *   (one class per training instance), both through a linear head on f(x).
 * - Skill critic (Reizinger et al. 2025, "Skill learning via policy diversity yields identifiable
 *   representations for RL"; the Contrastive Successor Features form): which of K skills moved
 *   the state from x to x' is scored by the inner product (f(x') - f(x))^T psi_k, with the skill
 *   embeddings psi learned (they stand in for the unknown map from skill to state change that a
 *   policy induces), and trained with cross-entropy over the skills.
 * - LeJEPA (Balestriero & LeCun 2025): prediction |f(x) - f(x')|^2 plus SIGReg, the Epps-Pulley
 *   statistic of random 1-D projections of the embeddings against N(0, 1), which pushes the
 *   embedding distribution to an isotropic Gaussian.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { matMulT } from '../core/tf-ops';
import '../core/tf-gradients';
import { FlatAdam } from '../core/adam';
import type { Rng } from '../core/rng';

type Tf = typeof TF;
export type Objective = 'infonce' | 'aninfonce' | 'supervised' | 'instance' | 'skills' | 'lejepa';
export const OBJECTIVES: readonly Objective[] = [
  'infonce',
  'aninfonce',
  'supervised',
  'instance',
  'skills',
  'lejepa',
];
/** Objectives trained with cross-entropy through a linear head over classes, instances or skills. */
export const HEADED: readonly Objective[] = ['supervised', 'instance', 'skills'];

export interface EncoderOptions {
  objective: Objective;
  observed: number;
  latents: number;
  hidden: number;
  layers: number;
  /** Project embeddings onto the unit sphere (sphere latents with a dot-product critic). */
  normalise: boolean;
  tau: number;
  /** Exponent of the distance critic off the sphere (1 = L1, 2 = L2). */
  p: number;
  /** Number of classes of the linear head (supervised: K centroids; instance: instances; skills: K skills). */
  classes: number;
  /** Weight of SIGReg in LeJEPA: (1 - w) prediction + w SIGReg. */
  sigregWeight: number;
  /** Random directions SIGReg projects onto each step. */
  sigregSlices: number;
  lr: number;
  /**
   * Train with the straightforward implementation: autodiff through `loss` and TF.js's
   * per-variable Adam, even where a fused step exists (the benchmark's naive baseline; the tests'
   * reference for the fused step).
   */
  reference?: boolean;
}

/**
 * Softmax over each row of logits S [B, K], shifted by the row maximum; the log normaliser
 * log sum_j exp S_ij is built only when a loss value is asked for.
 */
function rowSoftmax(tf: Tf, S: TF.Tensor2D): { P: TF.Tensor2D; logZ: () => TF.Tensor } {
  const mx = tf.max(S, 1, true); // [B, 1]
  const ex = tf.exp(tf.sub(S, mx));
  const Z = tf.sum(ex, 1, true); // [B, 1]
  return { P: tf.div(ex, Z) as TF.Tensor2D, logZ: () => tf.add(tf.log(Z), mx) };
}

/** What each objective's fused step hands back: its loss terms (when asked), dL/de, and the gradients of the head or lambda. */
interface FusedGrad {
  terms?: TF.Tensor1D;
  dE: TF.Tensor2D;
  extra: TF.Tensor[];
}

export interface Batch {
  x: TF.Tensor2D; // [batch, observed] anchors
  xPos: TF.Tensor2D; // [batch, observed] positives
  labels: TF.Tensor1D; // [batch] int32 classes (supervised / instance / skills)
}

export class ContrastiveModel {
  readonly weights: { w: TF.Variable<TF.Rank.R2>; b: TF.Variable<TF.Rank.R1> }[] = [];
  readonly head?: { w: TF.Variable<TF.Rank.R2>; b: TF.Variable<TF.Rank.R1> };
  readonly lambda?: TF.Variable<TF.Rank.R1>; // AnInfoNCE: Lambda_hat = exp(lambda)
  private readonly optimizer: TF.Optimizer | FlatAdam;

  constructor(
    private readonly tf: Tf,
    readonly opts: EncoderOptions,
    private readonly rng: Rng,
  ) {
    const sizes = [
      opts.observed,
      ...Array.from({ length: opts.layers }, () => opts.hidden),
      opts.latents,
    ];
    const variable = <R extends TF.Rank>(values: Float32Array, shape: number[]): TF.Variable<R> => {
      const t = tf.tensor(values, shape);
      const v = tf.variable(t, true, undefined, 'float32') as TF.Variable<R>;
      t.dispose();
      return v;
    };
    const uniform = (n: number, limit: number) =>
      Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * limit);
    for (let l = 0; l + 1 < sizes.length; l++) {
      // He-uniform initialisation for leaky-ReLU layers.
      const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
      this.weights.push({
        w: variable(uniform(fanIn * fanOut, Math.sqrt(6 / fanIn)), [fanIn, fanOut]),
        b: variable(new Float32Array(fanOut), [fanOut]),
      });
    }
    if (HEADED.includes(opts.objective)) {
      this.head = {
        w: variable(uniform(opts.latents * opts.classes, Math.sqrt(6 / opts.latents)), [
          opts.latents,
          opts.classes,
        ]),
        b: variable(new Float32Array(opts.classes), [opts.classes]),
      };
    }
    if (opts.objective === 'aninfonce')
      this.lambda = variable(new Float32Array(opts.latents), [opts.latents]); // Lambda_hat = 1
    this.optimizer = this.fused
      ? new FlatAdam(tf, this.variables(), opts.lr)
      : tf.train.adam(opts.lr);
  }

  /**
   * InfoNCE (dot product on the sphere, L1 / L2 distance off it), AnInfoNCE, supervised
   * cross-entropy on the sphere and LeJEPA train through `fusedStep`: gradients written out by
   * hand, anchors and positives encoded in one pass, matmul + bias + leaky ReLU as one kernel, and
   * one flat Adam. Instance discrimination, skills, and `reference` train by autodiff.
   */
  get fused(): boolean {
    const { objective, normalise, reference } = this.opts;
    if (reference) return false;
    return objective === 'lejepa' || objective === 'infonce' || objective === 'aninfonce'
      ? true
      : objective === 'supervised' && normalise;
  }

  /** f(x): leaky-ReLU MLP, [batch, observed] -> [batch, latents]. */
  encode(x: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    let h: TF.Tensor2D = x;
    this.weights.forEach(({ w, b }, l) => {
      h = tf.add(tf.matMul(h, w), b) as TF.Tensor2D;
      if (l < this.weights.length - 1) h = tf.leakyRelu(h, 0.01) as TF.Tensor2D;
    });
    if (this.opts.normalise)
      h = tf.div(h, tf.add(tf.norm(h, 'euclidean', 1, true), 1e-8)) as TF.Tensor2D;
    return h;
  }

  /** f(x) for scoring (no gradient): each layer one fused matmul + bias + activation kernel. */
  embed(x: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    return tf.tidy(() => {
      let h: TF.Tensor2D = x;
      this.weights.forEach(({ w, b }, l) => {
        h = tf.fused.matMul({
          a: h,
          b: w,
          bias: b,
          activation: l < this.weights.length - 1 ? 'leakyrelu' : 'linear',
          leakyreluAlpha: 0.01,
        }) as TF.Tensor2D;
      });
      return this.opts.normalise
        ? (tf.div(h, tf.add(tf.sqrt(tf.sum(tf.square(h), 1, true)), 1e-8)) as TF.Tensor2D)
        : h;
    });
  }

  /**
   * One fused InfoNCE or AnInfoNCE step on the sphere. `x2` stacks anchors over positives,
   * [2 batch, observed]. Forward as in `loss`; backward by hand, with G = dL/dS = (P - I) / B and
   * P the row softmax of the logits S (A, B' the unit embeddings of anchors and positives):
   *   InfoNCE:   S = A B'^T / tau;  dL/dA = G B' / tau,  dL/dB' = G^T A / tau
   *   distance:  S_ij = -|a_i - b_j|_p / tau with M_ijk = sign(a_ik - b_jk) (p = 1) or
   *              (a_ik - b_jk) / |a_i - b_j|_2 (p = 2):
   *              dL/da_ik = -1/tau sum_j G_ij M_ijk,  dL/db_jk = 1/tau sum_i G_ij M_ijk
   *   AnInfoNCE: S_ij = -1/(2 tau) sum_k L_k (a_ik - b_jk)^2 with L = exp(l); the rows of G sum
   *              to 0, its columns to c = (1^T P - 1) / B, so
   *              dL/dA = G B' diag(L) / tau,  dL/dB' = (G^T A - diag(c) B') diag(L) / tau,
   *              dL/dl_k = -L_k / (2 tau) [ c^T (B' * B')_k - 2 sum_i (A * G B')_ik ]
   *   Cross-entropy (supervised; `x2` holds the anchors only, with their `labels`): logits
   *              O = E W + b, dL/dO = (softmax(O) - onehot) / B, dL/dW = E^T dL/dO,
   *              dL/db = 1^T dL/dO, dL/dE = dL/dO W^T
   *   through e = y / (|y| + eps):  dL/dy = (dL/de - e <dL/de, e>) / (|y| + eps)
   *   through each layer h_out = leaky(h_in W + b):  dW = h_in^T du, db = 1^T du,
   *   du_prev = (du W^T) * leaky'(h_in), with leaky' read off h_in's sign.
   *   LeJEPA: see `lejepaGrad` (no normalisation).
   * Returns the loss terms, in `termNames` order, only when `withLoss` (read once per dispatch).
   */
  fusedStep(x2: TF.Tensor2D, withLoss: boolean, labels?: TF.Tensor1D): TF.Tensor1D | undefined {
    const tf = this.tf;
    const L = this.weights.length;
    return tf.tidy(() => {
      // forward: each layer one matmul + bias + leaky ReLU kernel
      const inputs: TF.Tensor2D[] = []; // the input of each layer
      let h: TF.Tensor2D = x2;
      this.weights.forEach(({ w, b }, l) => {
        inputs.push(h);
        h = tf.fused.matMul({
          a: h,
          b: w,
          bias: b,
          activation: l < L - 1 ? 'leakyrelu' : 'linear',
          leakyreluAlpha: 0.01,
        }) as TF.Tensor2D; // [rows, width]
      });
      const r = this.opts.normalise ? tf.add(tf.sqrt(tf.sum(tf.square(h), 1, true)), 1e-8) : null; // [rows, 1]
      const e = r ? (tf.div(h, r) as TF.Tensor2D) : h; // [rows, latents]
      // loss and its gradient with respect to the embedding
      const { terms, dE, extra } = labels
        ? this.crossEntropyGrad(e, labels, withLoss)
        : this.opts.objective === 'lejepa'
          ? this.lejepaGrad(e, withLoss)
          : this.nceGrad(e, withLoss);
      // backward through the normalisation and the layers
      let du = r
        ? (tf.div(tf.sub(dE, tf.mul(e, tf.sum(tf.mul(dE, e), 1, true))), r) as TF.Tensor2D)
        : dE; // [rows, latents]
      const grads: TF.Tensor[] = new Array(2 * L);
      grads.push(...extra); // variables(): the layers, then the head, then lambda
      for (let l = L - 1; l >= 0; l--) {
        const input = inputs[l]; // [rows, fanIn]
        grads[2 * l] = matMulT(tf, input, du, true, false); // [fanIn, fanOut]
        grads[2 * l + 1] = tf.sum(du, 0); // [fanOut]
        if (l > 0)
          du = tf.mul(
            matMulT(tf, du, this.weights[l].w, false, true),
            tf.step(input, 0.01),
          ) as TF.Tensor2D; // leaky' = 1 or 0.01
      }
      // update
      (this.optimizer as FlatAdam).apply(grads);
      return terms ? tf.keep(terms) : undefined;
    });
  }

  /** InfoNCE / AnInfoNCE on [anchors; positives] e [2B, latents] (see `fusedStep`). */
  private nceGrad(e: TF.Tensor2D, withLoss: boolean): FusedGrad {
    const tf = this.tf;
    const { tau } = this.opts;
    const B = e.shape[0] / 2;
    const [a, bp] = tf.split(e, 2) as TF.Tensor2D[]; // [B, latents] anchors, positives
    const lam = this.lambdaHat(); // [latents] AnInfoNCE precisions
    if (!lam && !this.opts.normalise) return this.distanceGrad(a, bp, withLoss);
    const S = lam
      ? tf.mul(
          tf.sub(
            tf.add(
              tf.sum(tf.mul(tf.square(a), lam), 1, true), // [B, 1]
              tf.reshape(tf.sum(tf.mul(tf.square(bp), lam), 1), [1, -1]), // [1, B]
            ),
            tf.mul(2, matMulT(tf, tf.mul(a, lam) as TF.Tensor2D, bp, false, true)),
          ),
          -0.5 / tau,
        ) // [B, B]
      : tf.mul(matMulT(tf, a, bp, false, true), 1 / tau); // [B, B] logits
    const { P, logZ } = rowSoftmax(tf, S as TF.Tensor2D); // [B, B]
    let terms: TF.Tensor1D | undefined;
    if (withLoss) {
      const diag = lam
        ? tf.mul(tf.sum(tf.mul(tf.square(tf.sub(a, bp)), lam), 1, true), -0.5 / tau)
        : tf.mul(tf.sum(tf.mul(a, bp), 1, true), 1 / tau); // S_ii, [B, 1]
      terms = tf.reshape(tf.mean(tf.sub(logZ(), diag)), [1]) as TF.Tensor1D;
    }
    const PB = tf.matMul(P, bp); // [B, latents]
    const PtA = matMulT(tf, P, a, true, false); // [B, latents]
    if (!lam) {
      const dE = tf.mul(tf.sub(tf.concat([PB, PtA]), tf.concat([bp, a])), 1 / (B * tau));
      return { terms, dE: dE as TF.Tensor2D, extra: [] };
    }
    const c = tf.reshape(tf.div(tf.sub(tf.sum(P, 0), 1), B), [-1, 1]); // [B, 1] column sums of G
    const GB = tf.div(tf.sub(PB, bp), B); // G B', [B, latents]
    const GtA = tf.div(tf.sub(PtA, a), B); // G^T A
    const dE = tf.mul(tf.concat([GB, tf.sub(GtA, tf.mul(c, bp))]), tf.div(lam, tau));
    const quad = tf.sub(tf.sum(tf.mul(c, tf.square(bp)), 0), tf.mul(2, tf.sum(tf.mul(a, GB), 0))); // [latents]
    return { terms, dE: dE as TF.Tensor2D, extra: [tf.mul(tf.mul(lam, quad), -0.5 / tau)] };
  }

  /** InfoNCE with a distance critic off the sphere (see `fusedStep`). */
  private distanceGrad(a: TF.Tensor2D, bp: TF.Tensor2D, withLoss: boolean): FusedGrad {
    const tf = this.tf;
    const { tau, p } = this.opts;
    const B = a.shape[0];
    const diff = tf.sub(tf.expandDims(a, 1), tf.expandDims(bp, 0)); // [B, B, latents]
    const dist =
      p === 1 ? tf.sum(tf.abs(diff), 2) : tf.sqrt(tf.add(tf.sum(tf.square(diff), 2), 1e-12)); // [B, B]
    const S = tf.div(tf.neg(dist), tau) as TF.Tensor2D; // [B, B] logits
    const { P, logZ } = rowSoftmax(tf, S);
    let terms: TF.Tensor1D | undefined;
    if (withLoss) {
      const d = tf.sub(a, bp); // the positive's distance, S_ii = -|a_i - b_i|_p / tau
      const own =
        p === 1
          ? tf.sum(tf.abs(d), 1, true)
          : tf.sqrt(tf.add(tf.sum(tf.square(d), 1, true), 1e-12));
      terms = tf.reshape(tf.mean(tf.add(logZ(), tf.div(own, tau))), [1]) as TF.Tensor1D;
    }
    const G = tf.div(tf.sub(P, tf.eye(B)), B); // dL/dS, [B, B]
    const M = p === 1 ? tf.sign(diff) : tf.div(diff, tf.expandDims(dist, 2)); // [B, B, latents]
    const GM = tf.mul(tf.expandDims(G, 2), M);
    const dE = tf.div(tf.concat([tf.neg(tf.sum(GM, 1)), tf.sum(GM, 0)]), tau) as TF.Tensor2D;
    return { terms, dE, extra: [] };
  }

  /** Cross-entropy of the anchors e [B, latents] against their classes (see `fusedStep`). */
  private crossEntropyGrad(e: TF.Tensor2D, labels: TF.Tensor1D, withLoss: boolean): FusedGrad {
    const tf = this.tf;
    const B = e.shape[0];
    const { w, b } = this.head!;
    const O = tf.add(tf.matMul(e, w), b) as TF.Tensor2D; // [B, classes]
    const { P, logZ } = rowSoftmax(tf, O);
    const Y = tf.oneHot(labels, this.opts.classes); // [B, classes]
    const terms = withLoss
      ? (tf.reshape(tf.mean(tf.sub(logZ(), tf.sum(tf.mul(O, Y), 1, true))), [1]) as TF.Tensor1D)
      : undefined;
    const dO = tf.div(tf.sub(P, Y), B) as TF.Tensor2D; // [B, classes]
    return {
      terms,
      dE: matMulT(tf, dO, w, false, true), // [B, latents]
      extra: [matMulT(tf, e, dO, true, false), tf.sum(dO, 0)],
    };
  }

  /**
   * LeJEPA on [anchors; positives] e [N = 2B, latents] (see `sigreg` for the statistic):
   *   pred = 1/B sum_i |a_i - b_i|^2;  dpred/da_i = 2 (a_i - b_i) / B = -dpred/db_i
   *   with p = e D and u_ist = t p_is, C_st = mean_i cos u_ist, S_st = mean_i sin u_ist:
   *   SIGReg = N / slices sum_st w_t [(C_st - exp(-t^2 / 2))^2 + S_st^2]
   *   dSIGReg/dp_is = 2 / slices sum_t w_t t [S_st cos u_ist - (C_st - exp(-t^2 / 2)) sin u_ist]
   *   loss = (1 - w) pred + w SIGReg;  dL/de = (1 - w) dpred/de + w dSIGReg/dp D^T
   */
  private lejepaGrad(e: TF.Tensor2D, withLoss: boolean): FusedGrad {
    const tf = this.tf;
    const N = e.shape[0];
    const B = N / 2;
    const { sigregSlices: slices, sigregWeight: wt } = this.opts;
    const [a, bp] = tf.split(e, 2) as TF.Tensor2D[];
    const diff = tf.sub(a, bp); // [B, latents]
    const { dirs, ts, wts, target } = this.sigregGrid();
    const D = tf.tensor2d(dirs, [this.opts.latents, slices]);
    const proj = tf.matMul(e, D); // [N, slices]
    const tu = tf.mul(tf.expandDims(proj, 2), tf.tensor1d(ts)); // [N, slices, T]
    const [cu, su] = [tf.cos(tu), tf.sin(tu)];
    const re = tf.sub(tf.mean(cu, 0), tf.tensor1d(target)); // [slices, T]
    const im = tf.mean(su, 0); // [slices, T]
    let terms: TF.Tensor1D | undefined;
    if (withLoss) {
      const pred = tf.mean(tf.sum(tf.square(diff), 1));
      const stat = tf.sum(tf.mul(tf.add(tf.square(re), tf.square(im)), tf.tensor1d(wts)), 1); // [slices]
      terms = tf.stack([pred, tf.mul(tf.mean(stat), N)]) as TF.Tensor1D;
    }
    const wt_ = tf.tensor1d(Float32Array.from(ts, (t, i) => wts[i] * t)); // w_t t, [T]
    const dProj = tf.mul(
      tf.sum(tf.mul(tf.sub(tf.mul(im, cu), tf.mul(re, su)), wt_), 2),
      (2 / slices) * wt,
    ); // [N, slices]
    const dPred = tf.mul(tf.concat([diff, tf.neg(diff)]), (2 / B) * (1 - wt)); // [N, latents]
    const dE = tf.add(dPred, matMulT(tf, dProj as TF.Tensor2D, D, false, true)) as TF.Tensor2D;
    return { terms, dE, extra: [] };
  }

  lambdaHat(): TF.Tensor1D | undefined {
    return this.lambda ? (this.tf.exp(this.lambda) as TF.Tensor1D) : undefined;
  }

  /** logits_ij = sim(a_i, b_j) / tau, [batch, batch]. */
  private similarity(a: TF.Tensor2D, b: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    const { objective, normalise, p, tau } = this.opts;
    if (objective === 'aninfonce') {
      // -1/2 sum_k L_k (a_ik - b_jk)^2 = -1/2 [ (a^2 L) 1^T + 1 (b^2 L)^T - 2 (a L) b^T ]
      const lam = this.lambdaHat()!;
      const aa = tf.sum(tf.mul(tf.square(a), lam), 1, true); // [batch, 1]
      const bb = tf.reshape(tf.sum(tf.mul(tf.square(b), lam), 1), [1, -1]); // [1, batch]
      const ab = tf.matMul(tf.mul(a, lam), b, false, true); // [batch, batch]
      return tf.div(tf.mul(-0.5, tf.sub(tf.add(aa, bb), tf.mul(2, ab))), tau) as TF.Tensor2D;
    }
    if (normalise) return tf.div(tf.matMul(a, b, false, true), tau) as TF.Tensor2D;
    const diff = tf.sub(tf.expandDims(a, 1), tf.expandDims(b, 0)); // [batch, batch, latents]
    const dist =
      p === 1 ? tf.sum(tf.abs(diff), 2) : tf.sqrt(tf.add(tf.sum(tf.square(diff), 2), 1e-12));
    return tf.div(tf.neg(dist), tau) as TF.Tensor2D;
  }

  /**
   * SIGReg's random directions for one step ([latents, slices], unit columns, drawn from the
   * model's stream so the fused and the autodiff step see the same ones), the quadrature nodes t
   * on [0, 3], their weights w(t) (both signs of t) and the target exp(-t^2 / 2).
   */
  private sigregGrid() {
    const { latents, sigregSlices } = this.opts;
    const dirs = new Float32Array(latents * sigregSlices);
    for (let i = 0; i < dirs.length; i++) dirs[i] = this.rng.normal();
    for (let s = 0; s < sigregSlices; s++) {
      let nrm = 0;
      for (let k = 0; k < latents; k++) nrm += dirs[k * sigregSlices + s] ** 2;
      for (let k = 0; k < latents; k++) dirs[k * sigregSlices + s] /= Math.sqrt(nrm);
    }
    const T = 9;
    const ts = Float32Array.from({ length: T }, (_, i) => (3 * i) / (T - 1));
    const dt = 3 / (T - 1);
    const wts = Float32Array.from(
      ts,
      (t, i) => (i === 0 || i === T - 1 ? 0.5 : 1) * dt * 2 * Math.exp((-t * t) / 2),
    );
    const target = Float32Array.from(ts, (t) => Math.exp((-t * t) / 2));
    return { dirs, ts, wts, target };
  }

  /**
   * SIGReg (LeJEPA): for each of `slices` random unit directions, the Epps-Pulley statistic
   *   T = N * integral w(t) |phi_N(t) - exp(-t^2 / 2)|^2 dt,  w(t) = exp(-t^2 / 2),
   * with phi_N the empirical characteristic function of the projected embeddings; trapezoid on
   * t in [0, 3] (the integrand is even). Averaged over directions.
   */
  sigreg(h: TF.Tensor2D): TF.Scalar {
    const tf = this.tf;
    const { latents, sigregSlices } = this.opts;
    const { dirs, ts, wts, target } = this.sigregGrid();
    const proj = tf.matMul(h, tf.tensor2d(dirs, [latents, sigregSlices])); // [batch, slices]
    const tu = tf.mul(tf.expandDims(proj, 2), tf.tensor1d(ts)); // [batch, slices, T]
    const re = tf.sub(tf.mean(tf.cos(tu), 0), tf.tensor1d(target)); // [slices, T]
    const im = tf.mean(tf.sin(tu), 0);
    const stat = tf.sum(tf.mul(tf.add(tf.square(re), tf.square(im)), tf.tensor1d(wts)), 1); // [slices]
    return tf.mul(tf.mean(stat), h.shape[0]) as TF.Scalar;
  }

  /** The training loss of a batch, [loss] as named terms. */
  loss(batch: Batch): { loss: TF.Scalar; terms: Record<string, TF.Scalar> } {
    const tf = this.tf;
    const { objective } = this.opts;
    if (HEADED.includes(objective)) {
      // skills: the state change f(x') - f(x) against each skill embedding psi_k (columns of head.w)
      const h =
        objective === 'skills'
          ? tf.sub(this.encode(batch.xPos), this.encode(batch.x))
          : this.encode(batch.x); // [batch, latents]
      const logits = tf.add(tf.matMul(h, this.head!.w), this.head!.b) as TF.Tensor2D; // [batch, classes]
      const ce = tf.losses.softmaxCrossEntropy(
        tf.oneHot(batch.labels, this.opts.classes),
        logits,
      ) as TF.Scalar;
      return { loss: ce, terms: { 'loss/ce': ce } };
    }
    const a = this.encode(batch.x);
    const b = this.encode(batch.xPos);
    if (objective === 'lejepa') {
      const pred = tf.mean(tf.sum(tf.square(tf.sub(a, b)), 1)) as TF.Scalar; // E |f(x) - f(x')|^2
      const reg = this.sigreg(tf.concat([a, b], 0) as TF.Tensor2D);
      const w = this.opts.sigregWeight;
      return {
        loss: tf.add(tf.mul(1 - w, pred), tf.mul(w, reg)) as TF.Scalar,
        terms: { 'loss/prediction': pred, 'loss/sigreg': reg },
      };
    }
    // InfoNCE: -E log softmax(logits)_ii, the positive on the diagonal, negatives from the batch.
    const logits = this.similarity(a, b);
    const n = batch.x.shape[0];
    const nce = tf.losses.softmaxCrossEntropy(
      tf.oneHot(tf.range(0, n, 1, 'int32'), n),
      logits,
    ) as TF.Scalar;
    return { loss: nce, terms: { 'loss/infonce': nce } };
  }

  /** One Adam step by autodiff; returns the loss terms as a [terms] tensor in `termNames` order. */
  trainStep(batch: Batch, termNames: string[]): TF.Tensor1D {
    const tf = this.tf;
    return tf.tidy(() => {
      let terms: Record<string, TF.Scalar> = {};
      (this.optimizer as TF.Optimizer).minimize(() => {
        const out = this.loss(batch);
        // The tape's scope disposes everything but the loss: keep the named terms to read them.
        terms = Object.fromEntries(
          Object.entries(out.terms).map(([k, v]) => [k, tf.keep(tf.clone(v))]),
        ); // clones: minimize disposes the loss itself
        return out.loss;
      });
      const stacked = tf.stack(termNames.map((k) => terms[k] ?? tf.scalar(NaN))) as TF.Tensor1D;
      tf.dispose(Object.values(terms));
      return stacked;
    });
  }

  variables(): TF.Variable[] {
    return [
      ...this.weights.flatMap(({ w, b }) => [w, b]),
      ...(this.head ? [this.head.w, this.head.b] : []),
      ...(this.lambda ? [this.lambda] : []),
    ];
  }

  dispose(): void {
    this.tf.dispose(this.variables());
    this.optimizer.dispose();
  }
}
