/**
 * The fine-tuning run: phase 1 pretrains the multi-head network on the T pretraining tasks;
 * phase 2 fine-tunes the new task from two starts, the pretrained trunk and the random trunk it
 * started from (both with a zero head), each in every subspace of the grid and directly, all on
 * the same minibatches and the same random directions P. Each log reads both arms' d_int90
 * (Aghajanyan et al. 2020, Sec. 4, after Li et al. 2018's definition).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import type { DataTable, ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { FT_DIMS, FT_NOT_FOUND, type FinetuneParams, type FinetuneTable } from './finetune-spec';
import {
  CLASSES,
  GENERATOR_HIDDEN,
  LATENTS,
  OBSERVED,
  generateFamily,
  layerShapes,
  parameterCount,
  trunkCount,
  type LabelledSet,
  type TaskFamily,
} from './subspace-data';
import { MultiTaskNet } from './finetune-model';
import { SubspaceMLP, initialTheta } from './subspace-model';

/**
 * d_int90 read between the grid's dimensions: where accuracy, taken as linear in log d between
 * the last grid d below 90% of `full` and the first at or above it, crosses the threshold. The
 * grid alone moves d_int90 in steps of 1.5x, too coarse to compare two arms whose accuracies
 * cross the threshold a fraction of a step apart. The smallest d when it already reaches it,
 * `notFound` when none does.
 */
export function dInt90Between(
  dims: readonly number[],
  accs: ArrayLike<number>,
  full: number,
  notFound: number,
): number {
  const threshold = 0.9 * full;
  const i = dims.findIndex((_, k) => accs[k] >= threshold);
  if (i < 0) return notFound;
  if (i === 0) return dims[0];
  const [a0, a1] = [accs[i - 1], accs[i]];
  const t = (threshold - a0) / (a1 - a0);
  return Math.exp(Math.log(dims[i - 1]) + t * (Math.log(dims[i]) - Math.log(dims[i - 1])));
}

interface Arm {
  model: SubspaceMLP;
  accs: number[]; // K subspace members, then direct fine-tuning
  losses: number[];
}

class FinetuneRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly pretrainSteps: number;
  private readonly root: Rng;
  private readonly batches: Rng;
  private readonly trunk0: Float32Array; // the random trunk both arms' pretraining starts from
  private net: MultiTaskNet | null;
  private arms: Arm[] | null = null;
  private readonly pre: { x: TF.Tensor2D; y: TF.Tensor3D } | null; // [n, 32], [n, T, 10]
  private readonly train: { x: TF.Tensor2D; y: TF.Tensor2D };
  private readonly test: { x: TF.Tensor2D; y: TF.Tensor2D };
  private readonly nPre: number;
  private readonly nTrain: number;
  private pretrainLoss: TF.Scalar | null = null;
  private step = 0;

  constructor(
    private readonly tf: typeof TF,
    private readonly p: FinetuneParams,
  ) {
    const T = p.pretrainTasks;
    this.pretrainSteps = T ? p.pretrainSteps : 0;
    this.totalSteps = this.pretrainSteps + p.steps;
    const fam = generateFamily({ ...p, tasks: T });
    this.root = new Rng(p.seed);
    const theta0 = initialTheta(layerShapes(p.width, T * CLASSES), this.root.fork('init'));
    this.trunk0 = theta0.slice(0, trunkCount(p.width));
    this.net = T ? new MultiTaskNet(tf, p.width, T, theta0, p.lrPretrain) : null;
    this.nPre = fam.pretrain.n;
    this.pre = T
      ? {
          x: tf.tensor2d(fam.pretrain.x, [this.nPre, OBSERVED]),
          y: tf.tidy(() => {
            const labels = new Int32Array(this.nPre * T);
            for (let i = 0; i < this.nPre; i++)
              for (let t = 0; t < T; t++) labels[i * T + t] = fam.pretrain.ys[t][i];
            return tf.oneHot(tf.tensor2d(labels, [this.nPre, T], 'int32'), CLASSES) as TF.Tensor3D;
          }),
        }
      : null;
    const tensors = (s: LabelledSet) => ({
      x: tf.tensor2d(s.x, [s.n, OBSERVED]),
      y: tf.tidy(() => tf.oneHot(tf.tensor1d(s.y, 'int32'), CLASSES)) as TF.Tensor2D,
    });
    this.train = tensors(fam.target.train);
    this.test = tensors(fam.target.test);
    this.nTrain = fam.target.train.n;
    this.batches = this.root.fork('batches');
  }

  private minibatch(n: number): TF.Tensor1D {
    const idx = new Int32Array(this.p.batch);
    for (let s = 0; s < idx.length; s++) idx[s] = this.batches.int(n);
    return this.tf.tensor1d(idx, 'int32');
  }

  /** Both fine-tuning starts: the trunk (pretrained, then random) with a zero head of 10 classes. */
  private async startFinetune(): Promise<Arm[]> {
    const pretrained = this.net ? await this.net.trunk() : this.trunk0;
    this.net?.dispose();
    this.net = null;
    const D = parameterCount(this.p.width);
    return [pretrained, this.trunk0].map((trunk) => {
      const theta0 = new Float32Array(D);
      theta0.set(trunk);
      // The same random directions for both arms: one fork of the same seed.
      const model = new SubspaceMLP(
        this.tf,
        {
          width: this.p.width,
          dims: FT_DIMS,
          lrSubspace: this.p.lrSubspace,
          lrFull: this.p.lrFull,
          theta0,
        },
        this.root.fork('finetune'),
      );
      return { model, accs: [], losses: [] };
    });
  }

  async advance(k: number): Promise<StepReport> {
    const { tf } = this;
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) {
      if (this.step < this.pretrainSteps) {
        const { x, y } = this.pre!;
        const loss = tf.tidy(() => {
          // data: a minibatch of the shared pretraining inputs with every task's label.
          const index = this.minibatch(this.nPre);
          // forward, loss (mean of the heads' cross-entropies), update.
          return this.net!.step(
            tf.gather(x, index) as TF.Tensor2D,
            tf.gather(y, index) as TF.Tensor3D,
          );
        });
        this.pretrainLoss?.dispose();
        this.pretrainLoss = loss;
      } else {
        this.arms ??= await this.startFinetune();
        const arms = this.arms;
        tf.tidy(() => {
          // data: a minibatch of the new task, the same for every member of both arms.
          const index = this.minibatch(this.nTrain);
          const x = tf.gather(this.train.x, index) as TF.Tensor2D; // [B, 32]
          const y = tf.gather(this.train.y, index) as TF.Tensor2D; // [B, 10]
          // forward, loss, update: theta_0 + P_d c for each d (Li et al. Eq. 2), theta directly.
          for (const arm of arms) arm.model.step(x, y);
        });
      }
      this.step++;
    }
    // log (without pretraining, the arms exist from step 0)
    if (!this.pretrainSteps) this.arms ??= await this.startFinetune();
    const metrics: Record<string, number> = {
      'loss/ce': NaN,
      'metric/acc_chance': 1 / CLASSES,
      'metric/params': parameterCount(this.p.width),
    };
    if (this.net && this.pre) {
      // Before the first step, the loss of the untrained heads on the first minibatch's worth.
      const loss =
        this.pretrainLoss ??
        tf.tidy(() => {
          const rows = Math.min(this.p.batch, this.nPre);
          const x = tf.slice(this.pre!.x, 0, rows) as TF.Tensor2D;
          const y = tf.slice(this.pre!.y, 0, rows) as TF.Tensor3D;
          return tf.slice(this.net!.evaluate(x, y), 1, 1);
        });
      metrics['loss/ce'] = (await loss.data())[0];
      if (loss !== this.pretrainLoss) loss.dispose();
    }
    const K = FT_DIMS.length;
    const keys = ['pre', 'rand'] as const;
    for (const [a, key] of keys.entries()) {
      const arm = this.arms?.[a];
      if (arm) {
        const packed = arm.model.evaluate(this.test.x, this.test.y);
        const values = Array.from(await packed.data());
        packed.dispose();
        arm.accs = values.slice(0, K + 1);
        arm.losses = values.slice(K + 1);
      }
      const accs = arm?.accs ?? [];
      const full = accs[K] ?? NaN;
      metrics[`metric/acc_full_${key}`] = full;
      metrics[`metric/d90_${key}`] = arm ? dInt90Between(FT_DIMS, accs, full, FT_NOT_FOUND) : NaN;
      FT_DIMS.forEach((d, i) => (metrics[`metric/acc_${key}_d${d}`] = accs[i] ?? NaN));
    }
    if (this.arms) {
      metrics['loss/ce'] = this.arms[0].losses[K];
      metrics['loss/ft_ce_rand'] = this.arms[1].losses[K];
    } else metrics['loss/ft_ce_rand'] = NaN;
    metrics['metric/d90_ratio'] = metrics['metric/d90_pre'] / metrics['metric/d90_rand'];
    return { step: this.step, metrics, done: this.step >= this.totalSteps };
  }

  async views(): Promise<Views> {
    const arms = this.arms;
    if (!arms?.[0].accs.length) return {};
    const K = FT_DIMS.length;
    const flat = (v: number) => FT_DIMS.map(() => v);
    return {
      dims: {
        kind: 'lines',
        x: [...FT_DIMS],
        series: [
          { name: 'from the pretrained trunk', y: arms[0].accs.slice(0, K) },
          { name: 'from the random trunk', y: arms[1].accs.slice(0, K) },
          { name: '90% of direct, pretrained', y: flat(0.9 * arms[0].accs[K]) },
          { name: '90% of direct, random', y: flat(0.9 * arms[1].accs[K]) },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    this.net?.dispose();
    this.pretrainLoss?.dispose();
    for (const arm of this.arms ?? []) arm.model.dispose();
    const { pre, train, test } = this;
    this.tf.dispose([train.x, train.y, test.x, test.y, ...(pre ? [pre.x, pre.y] : [])]);
  }
}

/** The pretraining inputs with each task's label, then the new task's training set. */
export function toTable(p: FinetuneParams): DataTable {
  const fam: TaskFamily = generateFamily({ ...p, tasks: p.pretrainTasks });
  const T = p.pretrainTasks;
  const columns = [
    'set',
    ...Array.from({ length: OBSERVED }, (_, o) => `x${o}`),
    ...Array.from({ length: T }, (_, t) => `pretrain_label_${t}`),
    'target_label',
  ];
  const cols = columns.length;
  const sets = [
    { id: 0, n: fam.pretrain.n, x: fam.pretrain.x, ys: fam.pretrain.ys, y: null },
    { id: 1, n: fam.target.train.n, x: fam.target.train.x, ys: null, y: fam.target.train.y },
  ];
  const rows = sets.reduce((a, s) => a + s.n, 0);
  const values = new Float64Array(rows * cols).fill(NaN);
  let r = 0;
  for (const s of sets)
    for (let i = 0; i < s.n; i++, r++) {
      const row = values.subarray(r * cols, (r + 1) * cols);
      row[0] = s.id;
      for (let o = 0; o < OBSERVED; o++) row[1 + o] = s.x[i * OBSERVED + o];
      if (s.ys) for (let t = 0; t < T; t++) row[1 + OBSERVED + t] = s.ys[t][i];
      if (s.y) row[cols - 1] = s.y[i];
    }
  const asRows = (a: Float64Array, c: number) =>
    Array.from({ length: a.length / c }, (_, i) => Array.from(a.subarray(i * c, (i + 1) * c)));
  return {
    columns,
    rows,
    values,
    truth: {
      w1: asRows(fam.w1, GENERATOR_HIDDEN),
      w2: asRows(fam.w2, OBSERVED),
      pretrain_centroids: fam.pretrainCentroids.map((c) => asRows(c, LATENTS)),
      target_centroids: asRows(fam.target.centroids, LATENTS),
      note: "set 0: pretraining inputs with each pretraining task label; set 1: the new task's training set. z ~ N(0, I_4); label = argmax_c z . centroid_c; x = tanh(tanh(z W1) W2)",
    },
  };
}

export const trainer: Trainer<FinetuneTable> = {
  create: (tf, params) => new FinetuneRun(tf, params),
  exportData: (params) => toTable(params),
};
