/**
 * Sparse autoencoders and per-sample sparse inference on the device (TF.js), plus the CPU linear
 * baselines. Shapes: observations [batch, dim], codes [batch, width], atoms as decoder rows
 * [width, dim], kept at unit norm after every step (the usual SAE convention, so an L1 penalty
 * cannot be dodged by shrinking codes and growing atoms).
 *
 * Variants:
 * - relu: z = ReLU(W_enc (x - b_dec) + b_enc), loss |x - x_hat|^2 + lambda |z|_1 (Bricken et al. 2023).
 * - topk: the same pre-activation, keep the k largest (Gao et al. 2024, "Scaling and evaluating sparse autoencoders").
 * - stable: our reading of the identifiable SAE (Nelson, Karaletsos & Locatello 2026): TopK with the
 *   encoder tied to the decoder (W_enc = D^T, so encoding is one thresholding step of classical
 *   dictionary learning), no encoder bias, and atoms initialised from normalised training samples.
 *   The paper's exact changes were not available to us offline; see experiments/sae/README.md.
 * - mp: a matching-pursuit encoder unrolled for k steps (residual-guided selection, explaining away;
 *   the matching-pursuit SAE of "From Flat to Hierarchical", 2025).
 * Gradients are written out by hand (tfjs-core registers no autodiff gradients without the
 * umbrella package, and these are a few lines each); TopK and MP selections are constants in
 * them. The MP variant takes the decoder gradient at fixed pursuit codes (the alternating scheme
 * of classical pursuit-based dictionary learning), not the gradient through the unrolled pursuit.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { matMulT, unitRows } from '../core/tf-ops';
import type { Rng } from '../core/rng';
import { lstsq, mat, type Mat } from '../core/linalg';
import { FlatAdam } from '../core/adam';
import { hostKernelsActive, reluTopK } from '../core/host-kernels';
import '../core/tf-gradients';
import type { SaeParams } from './params';

type Tf = typeof TF;
export type Variant = SaeParams['variant'];

/** The SAE's parameters as the spec declares them (`saeK`: latents kept by topk / stable, pursuit steps of mp). */
export interface SaeOptions extends Pick<SaeParams, 'variant' | 'width' | 'saeK' | 'l1' | 'lr'> {
  /** Fix the decoder to these unit atoms [width, dim] and train only the encoder (the known-dictionary setting). */
  fixedDict?: Float64Array;
  /**
   * Train with the straightforward implementation instead: autodiff of the loss and TF.js's
   * per-variable Adam. The benchmark's naive baseline, and the tests' check of the hand gradients.
   */
  reference?: boolean;
}

export class Sae {
  readonly wDec: TF.Variable<TF.Rank.R2>; // [width, dim] atoms as rows
  readonly bDec: TF.Variable<TF.Rank.R1>; // [dim]
  readonly wEnc?: TF.Variable<TF.Rank.R2>; // [dim, width], untied variants only
  readonly bEnc?: TF.Variable<TF.Rank.R1>; // [width]
  private readonly optimizer: TF.Optimizer | FlatAdam;

  constructor(
    private readonly tf: Tf,
    readonly opts: SaeOptions,
    readonly dim: number,
    rng: Rng,
    /** [n, dim] training observations (already preprocessed): data-driven init and the decoder bias. */
    trainX: Float32Array,
    n: number,
  ) {
    const { width } = opts;
    const atoms = new Float32Array(width * dim);
    if (opts.fixedDict) {
      if (opts.variant !== 'relu' && opts.variant !== 'topk') throw new Error(`decoder: expected "learned" for the ${opts.variant} variant (its encoder is the decoder), got "oracle"`);
      atoms.set(opts.fixedDict);
    } else if (opts.variant === 'stable') {
      for (let j = 0; j < width; j++) {
        const r = rng.int(n);
        atoms.set(trainX.subarray(r * dim, r * dim + dim), j * dim);
      }
    } else {
      for (let i = 0; i < atoms.length; i++) atoms[i] = rng.normal();
    }
    normaliseRowsInPlace(atoms, width, dim);
    const mean = new Float32Array(dim);
    for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c] += trainX[i * dim + c] / n;
    // Variables keep their initial tensor's data; dispose the initial tensor so nothing leaks.
    const variable = <R extends TF.Rank>(init: () => TF.Tensor<R>, trainable = true): TF.Variable<R> => {
      const t = tf.tidy(init);
      const v = tf.variable(t, trainable, undefined, 'float32');
      t.dispose();
      return v;
    };
    this.wDec = variable(() => tf.tensor2d(atoms, [width, dim]), !opts.fixedDict);
    // The stable variant, and a fixed oracle dictionary, have no offset: x is explained by atoms alone.
    const noOffset = opts.variant === 'stable' || !!opts.fixedDict;
    this.bDec = variable(() => (noOffset ? tf.zeros([dim]) : tf.tensor1d(mean)) as TF.Tensor1D, !noOffset);
    if (opts.variant !== 'mp') {
      // Tied initialisation W_enc = D^T (Gao et al. 2024), then trained freely.
      this.wEnc = variable(() => tf.transpose(tf.tensor2d(atoms, [width, dim])));
      if (opts.variant !== 'stable') this.bEnc = variable(() => tf.zeros([width]) as TF.Tensor1D);
    }
    if (opts.reference && opts.variant === 'mp') throw new Error('reference step: expected variant relu, topk or stable (the mp gradient is taken at fixed pursuit codes, which autodiff does not), got mp');
    // The fused optimiser projects the atoms back to the sphere itself (one kernel on WASM and CPU).
    this.optimizer = opts.reference ? tf.train.adam(opts.lr) : new FlatAdam(tf, this.variables().filter((v) => v.trainable), opts.lr, { unitRows: this.wDec.trainable ? this.wDec : undefined });
  }

  /** Pre-activations [batch, width] of the linear-encoder variants, from x - b_dec [batch, dim]. */
  private pre(centred: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    if (this.wEnc) return (this.bEnc ? tf.add(tf.matMul(centred, this.wEnc), this.bEnc) : tf.matMul(centred, this.wEnc)) as TF.Tensor2D;
    return matMulT(tf, centred, this.wDec, false, true);
  }

  /** TopK mask [batch, width] of the current pre-activations (a constant for the gradient). */
  private topkMask(pre: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    const { indices } = tf.topk(pre, this.opts.saeK);
    // oneHot stays int32 and is cast: the WASM kernel writes int32 bits whatever dtype is asked for
    return tf.cast(tf.sum(tf.oneHot(indices, this.opts.width), 1), 'float32') as TF.Tensor2D;
  }

  /** Matching pursuit selections: k one-hot masks [batch, width], greedy on the residual. */
  private mpMasks(x: TF.Tensor2D): TF.Tensor2D[] {
    const tf = this.tf;
    const masks: TF.Tensor2D[] = [];
    let r = tf.sub(x, this.bDec) as TF.Tensor2D; // [batch, dim]
    for (let t = 0; t < this.opts.saeK; t++) {
      const c = tf.relu(matMulT(tf, r, this.wDec, false, true)); // [batch, width]
      const mask = tf.cast(tf.oneHot(tf.argMax(c, 1), this.opts.width), 'float32') as TF.Tensor2D;
      const coef = tf.sum(tf.mul(c, mask), 1, true); // [batch, 1]
      r = tf.sub(r, tf.mul(coef, tf.matMul(mask, this.wDec))) as TF.Tensor2D;
      masks.push(mask);
    }
    return masks;
  }

  /** Codes [batch, width] given constant selections; differentiable in the weights. */
  private codes(x: TF.Tensor2D, sel: TF.Tensor2D | TF.Tensor2D[] | null): TF.Tensor2D {
    const tf = this.tf;
    if (this.opts.variant === 'mp') {
      let r = tf.sub(x, this.bDec) as TF.Tensor2D;
      let z = tf.zeros([x.shape[0], this.opts.width]) as TF.Tensor2D;
      for (const mask of sel as TF.Tensor2D[]) {
        const atom = tf.matMul(mask, this.wDec); // [batch, dim] the selected atom
        const coef = tf.relu(tf.sum(tf.mul(r, atom), 1, true)); // [batch, 1] <r, d_j>
        r = tf.sub(r, tf.mul(coef, atom)) as TF.Tensor2D;
        z = tf.add(z, tf.mul(coef, mask)) as TF.Tensor2D;
      }
      return z;
    }
    const act = tf.relu(this.pre(tf.sub(x, this.bDec) as TF.Tensor2D));
    return sel ? (tf.mul(act, sel as TF.Tensor2D) as TF.Tensor2D) : act;
  }

  private selections(x: TF.Tensor2D): TF.Tensor2D | TF.Tensor2D[] | null {
    if (this.opts.variant === 'mp') return this.mpMasks(x);
    if (this.opts.variant === 'relu') return null;
    return this.topkMask(this.pre(this.tf.sub(x, this.bDec) as TF.Tensor2D));
  }

  decode(z: TF.Tensor2D): TF.Tensor2D {
    return this.tf.add(this.tf.matMul(z, this.wDec), this.bDec) as TF.Tensor2D;
  }

  /** Codes of a batch (no gradient). */
  encode(x: TF.Tensor2D): TF.Tensor2D {
    return this.tf.tidy(() => this.codes(x, this.selections(x)));
  }

  /**
   * Loss terms [reconstruction, sparsity] of a batch and the gradient of the training loss
   * with respect to every trainable variable (by name). Loss (Bricken et al. 2023; Gao et al. 2024):
   *   L = E_b |x - (z D + b_dec)|^2  +  lambda E_b |z|_1   (the L1 term for the relu variant only)
   * Call inside tf.tidy.
   */
  lossAndGrads(x: TF.Tensor2D, withTerms = true): { terms?: TF.Tensor1D; grads: Record<string, TF.Tensor> } {
    const tf = this.tf;
    const batch = x.shape[0];
    const grads: Record<string, TF.Tensor> = {};
    let z: TF.Tensor2D; // [batch, width] codes
    let e: TF.Tensor; // [batch, dim] residual x_hat - x
    let gDec: TF.Tensor; // [width, dim]
    let gBDec: TF.Tensor; // [dim]
    if (this.opts.variant === 'mp') {
      z = this.codes(x, this.selections(x));
      e = tf.sub(this.decode(z), x);
      const gXhat = tf.mul(e, 2 / batch) as TF.Tensor2D; // dL/dx_hat
      gDec = matMulT(tf, z, gXhat, true, false);
      gBDec = tf.sum(gXhat, 0);
    } else {
      // Linear encoders: the pre-activations once, then one mask for ReLU and the TopK selection.
      const centred = tf.sub(x, this.bDec) as TF.Tensor2D; // [batch, dim]
      const pre = this.pre(centred); // [batch, width]
      const k = this.opts.variant === 'relu' ? 0 : this.opts.saeK;
      let mask: TF.Tensor2D; // ReLU' (x TopK), [batch, width]
      if (k > 0 && hostKernelsActive(tf)) [z, mask] = reluTopK(tf, pre, k); // one pass instead of six kernels
      else {
        mask = (k === 0 ? tf.step(pre) : tf.mul(tf.step(pre), this.topkMask(pre))) as TF.Tensor2D;
        z = tf.mul(pre, mask) as TF.Tensor2D; // = ReLU(pre) on the selection
      }
      e = tf.sub(this.decode(z), x); // x_hat - x
      const gXhat = tf.mul(e, 2 / batch) as TF.Tensor2D; // dL/dx_hat
      gDec = matMulT(tf, z, gXhat, true, false); // from the decoder
      gBDec = tf.reshape(tf.matMul(this.ones(batch), gXhat), [-1]); // column sums as a product (cheaper on WASM than a sum over axis 0)
      // dL/dz = dL/dx_hat D^T (+ lambda / batch for the L1 term), through the mask
      let gz = matMulT(tf, gXhat, this.wDec, false, true); // [batch, width]
      if (this.opts.variant === 'relu') gz = tf.add(gz, this.opts.l1 / batch);
      const gPre = tf.mul(gz, mask) as TF.Tensor2D;
      if (this.wEnc) {
        grads[this.wEnc.name] = matMulT(tf, centred, gPre, true, false); // [dim, width]
        const colSum = tf.matMul(this.ones(batch), gPre); // [1, width]
        if (this.bEnc) grads[this.bEnc.name] = tf.reshape(colSum, [-1]);
        // pre depends on b_dec through centred: -(1^T gPre) W_enc^T
        gBDec = tf.sub(gBDec, tf.reshape(matMulT(tf, colSum as TF.Tensor2D, this.wEnc, false, true), [-1]));
      } else {
        gDec = tf.add(gDec, matMulT(tf, gPre, centred, true, false)); // tied encoder: pre = (x - b) D^T
      }
    }
    if (this.wDec.trainable) grads[this.wDec.name] = gDec;
    if (this.bDec.trainable) grads[this.bDec.name] = gBDec;
    // [reconstruction, sparsity]; z >= 0, so |z|_1 = sum z
    const terms = withTerms ? (tf.stack([tf.mean(tf.sum(tf.square(e), 1)), tf.mean(tf.sum(z, 1))]) as TF.Tensor1D) : undefined;
    return { terms, grads };
  }

  private onesRow?: TF.Tensor2D;
  /** A [1, batch] row of ones, kept between steps. */
  private ones(batch: number): TF.Tensor2D {
    if (this.onesRow?.shape[1] !== batch) {
      this.onesRow?.dispose();
      this.onesRow = this.tf.keep(this.tf.ones([1, batch]));
    }
    return this.onesRow;
  }

  /** Loss terms [reconstruction, sparsity] at given selections (constants), differentiable in the weights. */
  private terms(x: TF.Tensor2D, sel: TF.Tensor2D | TF.Tensor2D[] | null): { recon: TF.Scalar; sparsity: TF.Scalar; loss: TF.Scalar } {
    const tf = this.tf;
    const z = this.codes(x, sel); // [batch, width]
    const recon = tf.mean(tf.sum(tf.square(tf.sub(this.decode(z), x)), 1)) as TF.Scalar;
    const sparsity = tf.mean(tf.sum(z, 1)) as TF.Scalar;
    return { recon, sparsity, loss: this.opts.variant === 'relu' ? (tf.add(recon, tf.mul(this.opts.l1, sparsity)) as TF.Scalar) : recon };
  }

  /** The training loss (what lossAndGrads differentiates), for checks. */
  loss(x: TF.Tensor2D): TF.Scalar {
    return this.tf.tidy(() => this.terms(x, this.selections(x)).loss);
  }

  /**
   * One Adam step on a batch (or, with update = false, only the measurement); returns the loss
   * terms [reconstruction, sparsity] as a [2] tensor the caller reads or disposes.
   */
  trainStep(x: TF.Tensor2D, update?: boolean): TF.Tensor1D;
  trainStep(x: TF.Tensor2D, update: boolean, withTerms: boolean): TF.Tensor1D | undefined;
  trainStep(x: TF.Tensor2D, update = true, withTerms = true): TF.Tensor1D | undefined {
    const tf = this.tf;
    return tf.tidy(() => {
      if (this.optimizer instanceof FlatAdam) {
        const { terms, grads } = this.lossAndGrads(x, withTerms || !update);
        if (!update) return terms;
        const vars = this.variables().filter((v) => v.trainable);
        this.optimizer.apply(vars.map((v) => grads[v.name]!)); // and the atoms' projection
        return terms;
      }
      // The straightforward step: autodiff through the loss at constant selections.
      const sel = this.selections(x);
      if (!update) {
        const t = this.terms(x, sel);
        return tf.stack([t.recon, t.sparsity]) as TF.Tensor1D;
      }
      let kept: TF.Tensor[] = [];
      this.optimizer.minimize(() => {
        const t = this.terms(x, sel);
        kept = [tf.keep(tf.clone(t.recon)), tf.keep(tf.clone(t.sparsity))]; // minimize disposes the rest of its scope
        return t.loss;
      });
      this.projectAtoms();
      const out = tf.stack(kept) as TF.Tensor1D;
      tf.dispose(kept);
      return out;
    });
  }

  /** Project atoms back to the unit sphere. */
  private projectAtoms(): void {
    const tf = this.tf;
    if (this.wDec.trainable) this.wDec.assign(unitRows(tf, this.wDec));
  }

  /** Every variable of the model, by name (for checks and exports). */
  variables(): TF.Variable[] {
    return [this.wDec, this.bDec, ...(this.wEnc ? [this.wEnc] : []), ...(this.bEnc ? [this.bEnc] : [])];
  }

  async dictionary(): Promise<Float32Array> {
    return (await this.wDec.data()) as Float32Array;
  }

  dispose(): void {
    this.tf.dispose(this.variables());
    this.onesRow?.dispose();
    this.optimizer.dispose();
  }
}

export function normaliseRowsInPlace(a: Float32Array | Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += a[r * cols + c] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let c = 0; c < cols; c++) a[r * cols + c] *= inv;
  }
}

/** Largest eigenvalue of D^T D (the Lipschitz constant of the FISTA gradient), by power iteration on [dim, dim]. */
export function lipschitz(dict: Float32Array | Float64Array, m: number, d: number): number {
  const g = new Float64Array(d * d);
  for (let i = 0; i < m; i++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) g[a * d + b] += dict[i * d + a] * dict[i * d + b];
  let v = new Float64Array(d).fill(1 / Math.sqrt(d));
  let lam = 0;
  for (let it = 0; it < 200; it++) {
    const w = new Float64Array(d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) w[a] += g[a * d + b] * v[b];
    const nrm = Math.hypot(...w);
    if (nrm === 0) return 0;
    const next = w.map((x) => x / nrm);
    if (Math.abs(nrm - lam) < 1e-10 * nrm) return nrm;
    lam = nrm;
    v = next;
  }
  return lam;
}

/**
 * FISTA (Beck & Teboulle 2009) for min_z 1/2 |x - z D|^2 + lambda |z|_1 with z >= 0, batched over
 * samples on the device. D is [m, dim] (atoms as rows), X [n, dim]; returns codes [n, m].
 */
export async function fista(tf: Tf, dict: Float32Array | Float64Array, m: number, x: Float32Array | Float64Array, n: number, d: number, lambda: number, iters: number): Promise<Float32Array> {
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

/** Non-negative matching pursuit with k steps on a fixed dictionary [m, dim]; codes [n, m]. */
export async function matchingPursuit(tf: Tf, dict: Float32Array | Float64Array, m: number, x: Float32Array | Float64Array, n: number, d: number, k: number): Promise<Float32Array> {
  const z = tf.tidy(() => {
    const D = tf.tensor2d(Float32Array.from(dict), [m, d]);
    let r = tf.tensor2d(Float32Array.from(x), [n, d]) as TF.Tensor2D;
    let codes = tf.zeros([n, m]) as TF.Tensor2D;
    for (let t = 0; t < k; t++) {
      const c = tf.relu(tf.matMul(r, D, false, true)); // [n, m]
      const mask = tf.cast(tf.oneHot(tf.argMax(c, 1), m), 'float32');
      const coef = tf.sum(tf.mul(c, mask), 1, true); // [n, 1]
      r = tf.sub(r, tf.mul(coef, tf.matMul(mask, D))) as TF.Tensor2D;
      codes = tf.add(codes, tf.mul(coef, mask)) as TF.Tensor2D;
    }
    return codes;
  });
  const out = (await z.data()) as Float32Array;
  z.dispose();
  return out;
}

function withIntercept(x: Float64Array | Float32Array, n: number, d: number): Mat {
  const a = mat(n, d + 1);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) a.data[i * (d + 1) + c] = x[i * d + c];
    a.data[i * (d + 1) + d] = 1;
  }
  return a;
}

/**
 * Supervised linear probe: least squares from x (with intercept) to the true codes on the
 * training set, applied to test observations. Returns predicted codes [nTest, f].
 */
export function linearProbe(trainX: Float64Array, trainZ: Float64Array, nTrain: number, xs: Float64Array[], nTests: number[], d: number, f: number): Float64Array[] {
  const w = lstsq(withIntercept(trainX, nTrain, d), mat(nTrain, f, trainZ)); // [d + 1, f]
  return xs.map((x, t) => {
    const a = withIntercept(x, nTests[t], d);
    const out = new Float64Array(nTests[t] * f);
    for (let i = 0; i < nTests[t]; i++) for (let k = 0; k <= d; k++) {
      const v = a.data[i * (d + 1) + k];
      for (let j = 0; j < f; j++) out[i * f + j] += v * w.data[k * f + j];
    }
    return out;
  });
}

/** Mean over features of |corr(prediction_j, z_j)|: a supervised readout needs no matching. */
export function diagonalCorrelation(pred: Float64Array | Float32Array, z: Float64Array, n: number, f: number): number {
  let acc = 0;
  let count = 0;
  for (let j = 0; j < f; j++) {
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
      ma += pred[i * f + j];
      mb += z[i * f + j];
    }
    ma /= n;
    mb /= n;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      const a = pred[i * f + j] - ma;
      const b = z[i * f + j] - mb;
      sab += a * b;
      saa += a * a;
      sbb += b * b;
    }
    if (sbb === 0) continue; // a feature never active in this set says nothing
    acc += saa > 0 ? Math.abs(sab) / Math.sqrt(saa * sbb) : 0;
    count++;
  }
  return count ? acc / count : NaN;
}
