/**
 * The sparse autoencoder, on the device (TF.js). Shapes: observations x [batch, dim], codes z
 * [batch, width], atoms as decoder rows D [width, dim], kept at unit norm after every step (the usual
 * SAE convention, so an L1 penalty cannot be dodged by shrinking codes and growing atoms).
 *
 * Variants, each with its own encoder W_enc [dim, width] initialised at D^T (Gao et al. 2024) and
 * trained freely, except mp:
 * - relu: z = ReLU((x - b_dec) W_enc + b_enc), loss |x - x_hat|^2 + lambda |z|_1 (Bricken et al. 2023).
 * - topk: the same pre-activation, keep the k largest (Gao et al. 2024, "Scaling and evaluating sparse autoencoders").
 * - stable: our reading of the identifiable SAE (Nelson, Karaletsos & Locatello 2026): TopK without
 *   an encoder bias or decoder offset, atoms initialised from normalised training samples. The
 *   paper's exact changes were not available to us; see experiments/sae/README.md.
 * - mp: a matching-pursuit encoder unrolled for k steps on the decoder's atoms (residual-guided
 *   selection, explaining away; the matching-pursuit SAE of "From Flat to Hierarchical", 2025).
 *
 * The loss is `terms` below; `lossAndGrads` is its gradient written out by hand beside it (the
 * fused step: fewer kernels than autodiff at these sizes, checked against finite differences and
 * autodiff in tests/claims). TopK and MP selections are constants in both. The MP variant takes
 * the decoder gradient at fixed pursuit codes (the alternating scheme of classical pursuit-based
 * dictionary learning), not the gradient through the unrolled pursuit.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { matMulT, unitRows } from '../core/tf-ops';
import type { Rng } from '../core/rng';
import { normaliseRowsInPlace } from '../core/linalg';
import { FlatAdam } from '../core/adam';
import { hostKernelsActive, reluTopK } from '../core/host-kernels';
import '../core/tf-gradients';
import type { SaeParams } from './params';
import { pursuit } from './inference';

type Tf = typeof TF;
export type Variant = SaeParams['variant'];
/** The loss terms a step reports, in the order of its packed [2] tensor (see `Sae.terms`). */
export const LOSS_TERMS = ['loss/recon', 'loss/sparsity'] as const;
export type LossTerms = Record<(typeof LOSS_TERMS)[number], number>;

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
  readonly wEnc?: TF.Variable<TF.Rank.R2>; // [dim, width], every variant but mp
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
      if (opts.variant !== 'relu' && opts.variant !== 'topk')
        throw new Error(
          `decoder: expected "learned" for the ${opts.variant} variant (its encoder is the decoder), got "oracle"`,
        );
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
    const variable = <R extends TF.Rank>(
      init: () => TF.Tensor<R>,
      trainable = true,
    ): TF.Variable<R> => {
      const t = tf.tidy(init);
      const v = tf.variable(t, trainable, undefined, 'float32');
      t.dispose();
      return v;
    };
    this.wDec = variable(() => tf.tensor2d(atoms, [width, dim]), !opts.fixedDict);
    // The stable variant, and a fixed oracle dictionary, have no offset: x is explained by atoms alone.
    const noOffset = opts.variant === 'stable' || !!opts.fixedDict;
    this.bDec = variable(
      () => (noOffset ? tf.zeros([dim]) : tf.tensor1d(mean)) as TF.Tensor1D,
      !noOffset,
    );
    if (opts.variant !== 'mp') {
      // Tied initialisation W_enc = D^T (Gao et al. 2024), then trained freely.
      this.wEnc = variable(() => tf.transpose(tf.tensor2d(atoms, [width, dim])));
      if (opts.variant !== 'stable') this.bEnc = variable(() => tf.zeros([width]) as TF.Tensor1D);
    }
    if (opts.reference && opts.variant === 'mp')
      throw new Error(
        'reference step: expected variant relu, topk or stable (the mp gradient is taken at fixed pursuit codes, which autodiff does not), got mp',
      );
    // The fused optimiser projects the atoms back to the sphere itself (one kernel on WASM and CPU).
    this.optimizer = opts.reference
      ? tf.train.adam(opts.lr)
      : new FlatAdam(
          tf,
          this.variables().filter((v) => v.trainable),
          opts.lr,
          { unitRows: this.wDec.trainable ? this.wDec : undefined },
        );
  }

  /** Pre-activations (x - b_dec) W_enc + b_enc [batch, width] of the linear-encoder variants, from x - b_dec [batch, dim]. */
  private pre(centred: TF.Tensor2D): TF.Tensor2D {
    const { tf, wEnc, bEnc } = this;
    const pre = tf.matMul(centred, wEnc!) as TF.Tensor2D;
    return bEnc ? (tf.add(pre, bEnc) as TF.Tensor2D) : pre;
  }

  /** TopK mask [batch, width] of the current pre-activations (a constant for the gradient). */
  private topkMask(pre: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    const { indices } = tf.topk(pre, this.opts.saeK);
    // oneHot stays int32 and is cast: the WASM kernel writes int32 bits whatever dtype is asked for
    return tf.cast(tf.sum(tf.oneHot(indices, this.opts.width), 1), 'float32') as TF.Tensor2D;
  }

  /** Matching pursuit selections: k one-hot masks [batch, width], greedy on the residual of x - b_dec. */
  private mpMasks(x: TF.Tensor2D): TF.Tensor2D[] {
    return pursuit(this.tf, this.tf.sub(x, this.bDec) as TF.Tensor2D, this.wDec, this.opts.saeK)
      .masks;
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
   * The loss terms at given selections (constants), differentiable in the weights:
   *   loss/recon    = E_b |x - x_hat|^2,  x_hat = z D + b_dec
   *   loss/sparsity = E_b |z|_1           (z >= 0, so the sum of the codes)
   *   L = recon + lambda sparsity for relu (Bricken et al. 2023); L = recon for topk, stable and mp,
   *   whose sparsity is the selection itself (Gao et al. 2024), so there the term is only measured.
   */
  private terms(
    x: TF.Tensor2D,
    sel: TF.Tensor2D | TF.Tensor2D[] | null,
  ): { recon: TF.Scalar; sparsity: TF.Scalar; loss: TF.Scalar } {
    const tf = this.tf;
    const z = this.codes(x, sel); // [batch, width]
    const recon = tf.mean(tf.sum(tf.square(tf.sub(this.decode(z), x)), 1)) as TF.Scalar;
    const sparsity = tf.mean(tf.sum(z, 1)) as TF.Scalar;
    return {
      recon,
      sparsity,
      loss:
        this.opts.variant === 'relu'
          ? (tf.add(recon, tf.mul(this.opts.l1, sparsity)) as TF.Scalar)
          : recon,
    };
  }

  /**
   * The loss terms of `terms` packed as [loss/recon, loss/sparsity] (LOSS_TERMS), and the gradient
   * of L with respect to every trainable variable (by name), written out:
   *   dL/dx_hat = 2 (x_hat - x) / B,  dL/dD = z^T dL/dx_hat,  dL/dz = dL/dx_hat D^T (+ lambda / B for relu),
   *   dL/dpre = dL/dz * ReLU'(pre) * TopK mask,  dL/dW_enc = (x - b_dec)^T dL/dpre,  dL/db_enc = 1^T dL/dpre,
   *   dL/db_dec = 1^T dL/dx_hat - (1^T dL/dpre) W_enc^T.
   * Call inside tf.tidy.
   */
  lossAndGrads(
    x: TF.Tensor2D,
    withTerms = true,
  ): { terms?: TF.Tensor1D; grads: Record<string, TF.Tensor> } {
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
      if (k > 0 && hostKernelsActive(tf))
        [z, mask] = reluTopK(tf, pre, k); // one pass instead of six kernels
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
      const wEnc = this.wEnc!;
      grads[wEnc.name] = matMulT(tf, centred, gPre, true, false); // [dim, width]
      const colSum = tf.matMul(this.ones(batch), gPre); // [1, width]
      if (this.bEnc) grads[this.bEnc.name] = tf.reshape(colSum, [-1]);
      // pre depends on b_dec through centred: -(1^T gPre) W_enc^T
      gBDec = tf.sub(
        gBDec,
        tf.reshape(matMulT(tf, colSum as TF.Tensor2D, wEnc, false, true), [-1]),
      );
    }
    if (this.wDec.trainable) grads[this.wDec.name] = gDec;
    if (this.bDec.trainable) grads[this.bDec.name] = gBDec;
    // LOSS_TERMS, as in `terms`; z >= 0, so |z|_1 = sum z
    const terms = withTerms
      ? (tf.stack([tf.mean(tf.sum(tf.square(e), 1)), tf.mean(tf.sum(z, 1))]) as TF.Tensor1D)
      : undefined;
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

  /** The training loss (what lossAndGrads differentiates), for checks. */
  loss(x: TF.Tensor2D): TF.Scalar {
    return this.tf.tidy(() => this.terms(x, this.selections(x)).loss);
  }

  /**
   * One Adam step on a batch (or, with update = false, only the measurement); returns the loss
   * terms (LOSS_TERMS) as a [2] tensor the caller reads or disposes.
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
    return [
      this.wDec,
      this.bDec,
      ...(this.wEnc ? [this.wEnc] : []),
      ...(this.bEnc ? [this.bEnc] : []),
    ];
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
