/**
 * One arm: an SAE trained on one data set, then scored against the ground truth. Every SAE
 * experiment is a list of arms (one for the recovery lab, two or more for comparisons and sweeps).
 * Scoring compares the SAE's own encoder with per-sample inference (FISTA, matching pursuit) on
 * the SAE's dictionary and on the oracle (true) dictionary, and with linear readouts, in and out
 * of distribution.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import { covariance, inv, normaliseRowsInPlace, whiteningMatrix, type Mat } from '../core/linalg';
import { mcc } from '../core/metrics';
import {
  deadFraction,
  dictionaryRecovery,
  duplicateFraction,
  fvu,
  meanL0,
  polysemanticFraction,
  selectivity,
  type DictionaryRecovery,
} from '../core/dictionary';
import type { SaeParams } from './params';
import { LOSS_TERMS, Sae, type LossTerms } from './model';
import { fista, matchingPursuit } from './inference';
import { diagonalCorrelation, linearProbe, pinvReadout } from './readouts';
import type { CodeSet, SparseData } from './data';

/** The parameters one arm reads, as the spec declares them. */
export type ArmParams = Pick<
  SaeParams,
  | 'variant'
  | 'width'
  | 'saeK'
  | 'l1'
  | 'lr'
  | 'steps'
  | 'batch'
  | 'whiten'
  | 'fistaL1'
  | 'fistaIters'
  | 'decoder'
>;

/** Code recovery (MCC) of each method on one test set. */
export interface SetScores {
  sae: number;
  fistaLearned: number;
  fistaOracle: number;
  mpOracle: number;
  probe: number;
  pinvOracle: number;
}

export interface ArmResult {
  dict: DictionaryRecovery;
  /** Learned atoms in observation space, [width, dim]. */
  atoms: Float64Array;
  fvu: number;
  l0: number;
  dead: number;
  duplicates: number;
  polysemantic: number;
  id: SetScores;
  ood?: SetScores;
  /** Monosemanticity of the SAE latents and of the raw input coordinates ("neurons"). */
  selectivitySae: number;
  selectivityNeurons: number;
  /** SAE codes on the in-distribution test set [nTest, width], for cross-arm comparisons. */
  codesId: Float32Array;
}

export class Arm {
  readonly sae: Sae;
  step = 0;
  private readonly rng: Rng;
  private readonly mean: Float64Array;
  private readonly white: Mat | null; // [dim, dim], x_w = W (x - mean)
  private readonly trainX: Float32Array; // [n, dim] preprocessed training observations
  /** The loss terms of the last step read back. */
  last: LossTerms = { 'loss/recon': NaN, 'loss/sparsity': NaN };

  constructor(
    private readonly tf: typeof TF,
    readonly data: SparseData,
    readonly opts: ArmParams,
    seed: number,
    /** Train with autodiff and TF.js's Adam (the tests' and the benchmark's reference), not the fused step. */
    reference = false,
  ) {
    const { dim, train } = data;
    this.rng = new Rng(seed).fork('sae');
    if (opts.whiten) {
      const { mean, cov } = covariance(train.x, train.n, dim);
      this.mean = mean;
      this.white = whiteningMatrix(cov);
    } else {
      this.mean = new Float64Array(dim);
      this.white = null;
    }
    const xs = this.preprocess(train.x, train.n);
    this.trainX = xs;
    // The spec's check (sae/params.ts) refuses an oracle decoder the data cannot fix: width != features, or whitening.
    const sae = {
      ...opts,
      reference,
      ...(opts.decoder === 'oracle' ? { fixedDict: data.dict } : {}),
    };
    this.sae = new Sae(tf, sae, dim, this.rng.fork('init'), xs, train.n);
  }

  get done(): boolean {
    return this.step >= this.opts.steps;
  }

  /** Observations as the SAE sees them: centred and whitened when asked. */
  preprocess(x: Float64Array, n: number): Float32Array {
    const d = this.data.dim;
    const out = new Float32Array(n * d);
    if (!this.white) {
      out.set(x);
      return out;
    }
    const w = this.white.data;
    for (let i = 0; i < n; i++)
      for (let r = 0; r < d; r++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += w[r * d + c] * (x[i * d + c] - this.mean[c]);
        out[i * d + r] = s;
      }
    return out;
  }

  /** A minibatch [batch, dim] drawn with replacement from the (preprocessed) training set. */
  private batch(): TF.Tensor2D {
    // Rows copied here: an upload of [batch, dim] costs less than a gather kernel on the device
    // (WASM), and the draws are the same either way.
    const { batch } = this.opts;
    const { dim: d, train } = this.data;
    const rows = new Float32Array(batch * d);
    for (let i = 0; i < batch; i++) {
      const r = this.rng.int(train.n);
      rows.set(this.trainX.subarray(r * d, r * d + d), i * d);
    }
    return this.tf.tensor2d(rows, [batch, d]);
  }

  /** Train up to k minibatch steps; reads the loss terms of the last one back. */
  async train(k: number): Promise<void> {
    const todo = Math.min(k, this.opts.steps - this.step);
    let terms: TF.Tensor1D | undefined; // [2]: LOSS_TERMS of the last step
    for (let s = 0; s < todo; s++) {
      // data
      const x = this.batch(); // [batch, dim]
      // forward, loss, update: the SAE's fused step (model.ts: the loss terms and their gradient,
      // then Adam and the atoms' projection); the terms are kept only for the step read back.
      const t = this.sae.trainStep(x, true, s === todo - 1);
      x.dispose();
      if (t) {
        terms?.dispose();
        terms = t;
      }
      this.step++;
    }
    // Nothing to train (k = 0, or already done) but nothing measured yet: measure without a step.
    if (!terms && Number.isNaN(this.last['loss/recon'])) {
      const x = this.batch();
      terms = this.sae.trainStep(x, false);
      x.dispose();
    }
    // log
    if (terms) {
      const values = await terms.data();
      terms.dispose();
      this.last = Object.fromEntries(LOSS_TERMS.map((name, i) => [name, values[i]])) as LossTerms;
    }
  }

  /** Learned atoms mapped back to observation space and renormalised, [width, dim]. */
  async atoms(): Promise<Float64Array> {
    const { dim } = this.data;
    const w = this.sae.opts.width;
    const raw = Float64Array.from(await this.sae.dictionary());
    if (!this.white) return raw;
    // x_w = W x  =>  an atom a_w in whitened space is W^{-1} a_w in observation space.
    const wi = inv(this.white).data;
    const out = new Float64Array(w * dim);
    for (let j = 0; j < w; j++)
      for (let r = 0; r < dim; r++) {
        let s = 0;
        for (let c = 0; c < dim; c++) s += wi[r * dim + c] * raw[j * dim + c];
        out[j * dim + r] = s;
      }
    normaliseRowsInPlace(out, w, dim);
    return out;
  }

  async dictionaryRecovery(): Promise<DictionaryRecovery> {
    const { data } = this;
    return dictionaryRecovery(
      data.dict,
      data.features,
      await this.atoms(),
      this.sae.opts.width,
      data.dim,
    );
  }

  /** SAE codes [n, width] and the reconstruction in observation space [n, dim]. */
  async encode(set: CodeSet): Promise<{ codes: Float32Array; xhat: Float64Array }> {
    const { tf } = this;
    const d = this.data.dim;
    const [codesT, xhatT] = tf.tidy(() => {
      const x = tf.tensor2d(this.preprocess(set.x, set.n), [set.n, d]);
      const z = this.sae.encode(x);
      return [z, this.sae.decode(z)];
    });
    const codes = (await codesT.data()) as Float32Array;
    const xw = await xhatT.data();
    tf.dispose([codesT, xhatT]);
    let xhat = Float64Array.from(xw);
    if (this.white) {
      const wi = inv(this.white).data;
      xhat = new Float64Array(set.n * d);
      for (let i = 0; i < set.n; i++)
        for (let r = 0; r < d; r++) {
          let s = this.mean[r];
          for (let c = 0; c < d; c++) s += wi[r * d + c] * xw[i * d + c];
          xhat[i * d + r] = s;
        }
    }
    return { codes, xhat };
  }

  private async scoreSet(
    set: CodeSet,
    atoms: Float64Array,
    probe: Float64Array,
    codes: Float32Array,
  ): Promise<SetScores> {
    const { tf, data, opts } = this;
    const { features: f, dim: d } = data;
    const w = opts.width;
    const m = (z: Float32Array | Float64Array, width: number) => mcc(set.z, z, set.n, f, width).mcc;
    const kTrue = Math.max(1, Math.round(meanL0(set.z, set.n, f)));
    const [fl, fo, mo] = [
      await fista(tf, atoms, w, set.x, set.n, d, opts.fistaL1, opts.fistaIters),
      await fista(tf, data.dict, f, set.x, set.n, d, opts.fistaL1, opts.fistaIters),
      await matchingPursuit(tf, data.dict, f, set.x, set.n, d, kTrue),
    ];
    return {
      sae: m(codes, w),
      fistaLearned: m(fl, w),
      fistaOracle: m(fo, f),
      mpOracle: m(mo, f),
      probe: diagonalCorrelation(probe, set.z, set.n, f),
      pinvOracle: diagonalCorrelation(pinvReadout(data.dict, f, d, set.x, set.n), set.z, set.n, f),
    };
  }

  async evaluate(): Promise<ArmResult> {
    const { data, opts } = this;
    const { features: f, dim: d, train, testId, testOod } = data;
    const w = opts.width;
    const atoms = await this.atoms();
    const dict = dictionaryRecovery(data.dict, f, atoms, w, d);
    const id = await this.encode(testId);
    const ood = testOod ? await this.encode(testOod) : undefined;
    const sets = [testId, ...(testOod ? [testOod] : [])];
    const probes = linearProbe(
      train.x,
      train.z,
      train.n,
      sets.map((s) => s.x),
      sets.map((s) => s.n),
      d,
      f,
    );
    const live = Array.from({ length: w }, (_, j) => {
      for (let i = 0; i < testId.n; i++) if (id.codes[i * w + j] !== 0) return true;
      return false;
    });
    return {
      dict,
      atoms,
      fvu: fvu(testId.x, id.xhat, testId.n, d),
      l0: meanL0(id.codes, testId.n, w),
      dead: deadFraction(id.codes, testId.n, w),
      duplicates: duplicateFraction(
        atoms.filter((_, i) => live[Math.floor(i / d)]),
        live.filter(Boolean).length,
        d,
      ),
      polysemantic: polysemanticFraction(dict.cos, live),
      id: await this.scoreSet(testId, atoms, probes[0], id.codes),
      ood: ood && testOod ? await this.scoreSet(testOod, atoms, probes[1], ood.codes) : undefined,
      selectivitySae: selectivity(id.codes, testId.n, w, testId.z, f),
      selectivityNeurons: selectivity(testId.x, testId.n, d, testId.z, f),
      codesId: id.codes,
    };
  }

  dispose(): void {
    this.sae.dispose();
  }
}
