/**
 * Contrastive runs. `Learner` trains one encoder on one data set and scores it against the true
 * latents (MCC after Hungarian matching, held-out linear R^2, alignment, uniformity), next to the
 * same scores for the untrained encoder and for the raw observations. `ContrastiveRun` is the lab
 * (one learner); `ContrastiveSweepRun` trains one learner per value of the batch size or of the
 * training-set size.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import {
  alignment,
  chanceMcc,
  linearR2,
  linearR2PerDim,
  mcc,
  spearmanMatrix,
  uniformity,
} from '../core/metrics';
import type {
  ExperimentRun,
  RunOptions,
  StepReport,
  Trainer,
  ViewLimits,
  Views,
} from '../core/spec';
import type { ContrastiveParams, ContrastiveTable } from './spec';
import { contrastiveSpec, generate, toTable, type ContrastiveData } from './data';
import { ContrastiveModel, HEADED, type Batch, type EncoderOptions, type Objective } from './model';

export interface Scores {
  r2: number;
  /** Held-out R^2 of the worst-recovered true latent. */
  r2Worst: number;
  mcc: number;
  alignment: number;
  uniformity: number;
  perm: Int32Array;
  signs: Float64Array;
  embedding: Float32Array;
}

function encoderOptions(
  p: ContrastiveParams,
  data: ContrastiveData,
  reference: boolean,
): EncoderOptions {
  const objective = p.objective;
  return {
    objective,
    observed: data.spec.observed,
    latents: data.spec.latents,
    hidden: p.hidden,
    layers: p.layers,
    // On the sphere, features live on the sphere too (cl-ica; the cross-entropy paper's unit-norm features).
    normalise: data.spec.space === 'sphere' && objective !== 'lejepa',
    tau: p.tau,
    p: p.critic === 'l1' ? 1 : 2,
    classes:
      objective === 'instance'
        ? data.train.n
        : objective === 'skills'
          ? data.spec.skills!.count
          : data.spec.classes,
    sigregWeight: p.sigregWeight,
    sigregSlices: 16,
    lr: p.lr,
    reference,
  };
}

/** Every loss term any objective reports; the ones an objective does not have are NaN (undefined here). */
const ALL_TERMS = ['loss/infonce', 'loss/ce', 'loss/prediction', 'loss/sigreg'];
const withAllTerms = (t: Record<string, number>) => ({
  ...Object.fromEntries(ALL_TERMS.map((k) => [k, NaN])),
  ...t,
});

export const termNames = (o: Objective): string[] =>
  o === 'lejepa'
    ? ['loss/prediction', 'loss/sigreg']
    : HEADED.includes(o)
      ? ['loss/ce']
      : ['loss/infonce'];

/** Score an embedding [n, latents] of the test anchors against the true latents. */
export function score(emb: Float32Array, embPos: Float32Array, data: ContrastiveData): Scores {
  const { latents: d } = data.spec;
  const { n, z } = data.test;
  const m = mcc(z, emb, n, d, d);
  const perDim = linearR2PerDim(emb, z, n, d, d);
  return {
    r2: perDim.reduce((a, b) => a + b, 0) / d,
    r2Worst: Math.min(...perDim),
    mcc: m.mcc,
    alignment: alignment(emb, embPos, n, d),
    uniformity: uniformity(emb, n, d),
    perm: m.perm,
    signs: m.signs,
    embedding: emb,
  };
}

export class Learner {
  readonly model: ContrastiveModel;
  readonly names: string[];
  step = 0;
  last: Record<string, number> = {};
  latest?: Scores;
  /** Scores of the encoder before training (the floor), measured on the first call to train(). */
  untrained!: Scores;
  private readonly rng: Rng;
  private readonly xT: TF.Tensor2D;
  private readonly xPosT: TF.Tensor2D;
  private readonly labelsT: TF.Tensor1D;
  private readonly testT: TF.Tensor2D;
  private readonly testPosT: TF.Tensor2D;
  private readonly trainX32: [Float32Array, Float32Array]; // anchors and positives [n, observed]: the device copies and the fused step's batches

  constructor(
    private readonly tf: typeof TF,
    readonly data: ContrastiveData,
    readonly params: ContrastiveParams,
    seed: number,
    reference = false,
  ) {
    const { train, test, spec } = data;
    const m = spec.observed;
    this.rng = new Rng(seed).fork('learner');
    const opts = encoderOptions(params, data, reference);
    this.names = termNames(opts.objective);
    this.trainX32 = [Float32Array.from(train.x), Float32Array.from(train.xPos)];
    this.xT = tf.tensor2d(this.trainX32[0], [train.n, m]);
    this.xPosT = tf.tensor2d(this.trainX32[1], [train.n, m]);
    this.labelsT = tf.tensor1d(
      opts.objective === 'instance'
        ? Int32Array.from({ length: train.n }, (_, i) => i)
        : train.label,
      'int32',
    );
    this.testT = tf.tensor2d(Float32Array.from(test.x), [test.n, m]);
    this.testPosT = tf.tensor2d(Float32Array.from(test.xPos), [test.n, m]);
    this.model = new ContrastiveModel(tf, opts, this.rng.fork('init'));
  }

  get done(): boolean {
    return this.step >= this.params.steps;
  }

  private async embed(): Promise<Scores> {
    const [a, b] = [this.model.embed(this.testT), this.model.embed(this.testPosT)];
    const [ea, eb] = [(await a.data()) as Float32Array, (await b.data()) as Float32Array];
    this.tf.dispose([a, b]);
    return score(ea, eb, this.data);
  }

  /** Training pairs of one batch, without replacement: in-batch negatives must be other samples. */
  private batchIndices(): Int32Array {
    const n = this.data.train.n;
    const size = Math.min(this.params.batch, n);
    const idx = new Int32Array(size);
    const seen = new Set<number>();
    for (let i = 0; i < size; i++) {
      let j = this.rng.int(n);
      while (seen.has(j)) j = this.rng.int(n);
      seen.add(j);
      idx[i] = j;
    }
    return idx;
  }

  private batch(): Batch {
    const { tf } = this;
    const idx = this.batchIndices();
    const size = idx.length;
    return tf.tidy(() => {
      const it = tf.tensor1d(idx, 'int32');
      let x = tf.gather(this.xT, it) as TF.Tensor2D;
      const xPos = tf.gather(this.xPosT, it) as TF.Tensor2D;
      if (this.model.opts.objective === 'instance') {
        // Parametric instance discrimination: each instance is seen through one of its two views.
        const pick = tf.tensor2d(
          Float32Array.from({ length: size }, () => (this.rng.next() < 0.5 ? 1 : 0)),
          [size, 1],
        );
        x = tf.add(tf.mul(x, pick), tf.mul(xPos, tf.sub(1, pick))) as TF.Tensor2D;
      }
      return { x, xPos, labels: tf.gather(this.labelsT, it) as TF.Tensor1D };
    });
  }

  /**
   * Anchors over positives [2 batch, observed] for the fused step, copied from the training pairs:
   * one upload per step costs less than gathers on the device (WASM), and the draws are the same.
   */
  private fusedBatch(): { x2: TF.Tensor2D; labels?: TF.Tensor1D } {
    const m = this.data.spec.observed;
    const [xs, ps] = this.trainX32;
    const idx = this.batchIndices();
    const B = idx.length;
    if (this.model.opts.objective === 'supervised') {
      // cross-entropy encodes the anchors only, against their classes
      const rows = new Float32Array(B * m);
      for (let i = 0; i < B; i++) rows.set(xs.subarray(idx[i] * m, idx[i] * m + m), i * m);
      const labels = Int32Array.from(idx, (j) => this.data.train.label[j]);
      return { x2: this.tf.tensor2d(rows, [B, m]), labels: this.tf.tensor1d(labels, 'int32') };
    }
    const rows = new Float32Array(2 * B * m);
    for (let i = 0; i < B; i++) {
      rows.set(xs.subarray(idx[i] * m, idx[i] * m + m), i * m);
      rows.set(ps.subarray(idx[i] * m, idx[i] * m + m), (B + i) * m);
    }
    return { x2: this.tf.tensor2d(rows, [2 * B, m]) };
  }

  /** Once, before training: the untrained encoder's scores (the floor) and its loss on one batch (the first point). */
  private async measureUntrained(): Promise<void> {
    this.untrained = await this.embed();
    const b = this.batch();
    const l = this.tf.tidy(() => {
      const { terms } = this.model.loss(b);
      return this.tf.stack(this.names.map((n) => terms[n]));
    });
    const v = await l.data();
    this.tf.dispose([l, b.x, b.xPos, b.labels]);
    this.last = withAllTerms(Object.fromEntries(this.names.map((n, i) => [n, v[i]])));
  }

  async train(k: number): Promise<void> {
    if (!this.untrained) await this.measureUntrained();
    const todo = Math.min(k, this.params.steps - this.step);
    let terms: TF.Tensor1D | undefined; // the objective's loss terms (this.names) of the last step
    for (let s = 0; s < todo; s++) {
      if (this.model.fused) {
        // data
        const { x2, labels } = this.fusedBatch(); // [2 batch, observed], or anchors and classes
        // forward, loss, update: the objective with its gradient written out, then Adam (model.ts)
        const loss = this.model.fusedStep(x2, s === todo - 1, labels);
        x2.dispose();
        labels?.dispose();
        if (loss) {
          terms?.dispose();
          terms = loss;
        }
      } else {
        // data
        const b = this.batch();
        // forward, loss, update: autodiff of the objective's loss terms, then Adam (model.ts)
        terms?.dispose();
        terms = this.model.trainStep(b, this.names);
        this.tf.dispose([b.x, b.xPos, b.labels]);
      }
      this.step++;
    }
    // log
    if (terms) {
      const vals = await terms.data();
      terms.dispose();
      this.last = withAllTerms(Object.fromEntries(this.names.map((n, i) => [n, vals[i]])));
    }
    this.latest = await this.embed();
  }

  async lambdaHat(): Promise<Float32Array | undefined> {
    const l = this.model.lambdaHat();
    if (!l) return undefined;
    const v = (await l.data()) as Float32Array;
    l.dispose();
    return v;
  }

  dispose(): void {
    this.model.dispose();
    this.tf.dispose([this.xT, this.xPosT, this.labelsT, this.testT, this.testPosT]);
  }
}

function rawBaselines(data: ContrastiveData): { r2: number; mcc: number } {
  const { latents: d, observed: m } = data.spec;
  const { n, x, z } = data.test;
  return { r2: linearR2(x, z, n, m, d), mcc: mcc(z, x, n, d, m).mcc };
}

class ContrastiveRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly learner: Learner;
  private readonly raw: { r2: number; mcc: number };
  private readonly chance: number;

  constructor(
    tf: typeof TF,
    private readonly params: ContrastiveParams,
    options: RunOptions = {},
  ) {
    const data = generate(contrastiveSpec(params), params.seed);
    this.learner = new Learner(tf, data, params, params.seed, options.reference);
    this.raw = rawBaselines(data);
    this.chance = chanceMcc(data.spec.latents, new Rng(params.seed).fork('chance'));
    this.totalSteps = params.steps;
  }

  async advance(k: number): Promise<StepReport> {
    await this.learner.train(k);
    const s = this.learner.latest!;
    const u = this.learner.untrained;
    return {
      step: this.learner.step,
      done: this.learner.done,
      metrics: {
        ...this.learner.last,
        'metric/r2': s.r2,
        'metric/mcc': s.mcc,
        'metric/r2_untrained': u.r2,
        'metric/mcc_untrained': u.mcc,
        'metric/mcc_chance': this.chance,
        'metric/r2_raw': this.raw.r2,
        'metric/mcc_raw': this.raw.mcc,
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    const s = this.learner.latest!;
    const data = this.learner.data;
    const out: Record<string, number> = {
      'metric/r2_worst': s.r2Worst,
      'metric/alignment': s.alignment,
      'metric/uniformity': s.uniformity,
      'metric/r2_over_raw': s.r2 - this.raw.r2,
      'metric/mcc_over_raw': s.mcc - this.raw.mcc,
      'metric/mcc_over_chance': s.mcc - this.chance,
      'metric/r2_gain': s.r2 - this.learner.untrained.r2,
      'metric/mcc_gain': s.mcc - this.learner.untrained.mcc,
      'metric/inversion_error': data.inversionError,
      'metric/lambda_rank_corr': NaN,
    };
    const lam = await this.learner.lambdaHat();
    if (lam && data.spec.latents >= 3) {
      // Lambda_hat of the learned dimension matched to each true one, against 1 / sigma_i^2.
      const matched = Float64Array.from({ length: data.spec.latents }, (_, i) => lam[s.perm[i]]);
      const truth = Float64Array.from(data.scales, (v) => 1 / (v * v));
      out['metric/lambda_rank_corr'] = spearmanMatrix(matched, truth, matched.length, 1, 1).data[0];
    }
    return out;
  }

  async views(limits: ViewLimits): Promise<Views> {
    const s = this.learner.latest;
    if (!s) return {};
    const data = this.learner.data;
    const d = data.spec.latents;
    const rows = Math.min(limits.points, data.test.n);
    // Standardised columns: the learned scale is arbitrary, so a linear relation shows as a line of slope +-1.
    const col = (a: Float32Array | Float64Array, j: number, sign = 1) => {
      const v = Array.from({ length: rows }, (_, i) => sign * a[i * d + j]);
      const mean = v.reduce((x, y) => x + y, 0) / rows;
      const sd = Math.sqrt(v.reduce((x, y) => x + (y - mean) ** 2, 0) / rows) || 1;
      return v.map((x) => (x - mean) / sd);
    };
    const learned = (i: number) => col(s.embedding, s.perm[i], s.signs[i]);
    return {
      matched: {
        kind: 'scatter-grid',
        panels: Array.from({ length: Math.min(d, 6) }, (_, i) => ({
          title: `z${i} vs learned ${s.perm[i]}`,
          xLabel: `true z${i}`,
          yLabel: `learned ${s.perm[i]}${s.signs[i] < 0 ? ' (sign flipped)' : ''}`,
          x: col(data.test.z, i),
          y: learned(i),
        })),
      },
      'latent-space': {
        kind: 'scatter-grid',
        panels: [
          {
            title: 'true z',
            xLabel: 'z0',
            yLabel: 'z1',
            x: col(data.test.z, 0),
            y: col(data.test.z, 1),
          },
          {
            title: 'learned f(x), matched',
            xLabel: `learned ${s.perm[0]}`,
            yLabel: `learned ${s.perm[1]}`,
            x: learned(0),
            y: learned(1),
          },
        ],
      },
    };
  }

  dispose(): void {
    this.learner.dispose();
  }
}

const dataOnly = (p: ContrastiveParams) => toTable(generate(contrastiveSpec(p), p.seed));
export const trainer: Trainer<ContrastiveTable> = {
  create: (tf, p, o) => new ContrastiveRun(tf, p, o),
  exportData: dataOnly,
};
