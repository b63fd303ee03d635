/**
 * The intrinsic-dimension MLP run: each step, every subspace dimension of the grid and the
 * directly trained network take one Adam step on the same minibatch; each log evaluates all of
 * them and reads d_int90, the smallest d whose accuracy reaches 90% of the direct network's
 * (Li et al. 2018, Sec. 2.1).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { DIMS, NOT_FOUND, type SubspaceParams, type SubspaceTable } from './subspace-spec';
import { CLASSES, OBSERVED, generate, toTable, type LabelledSet } from './subspace-data';
import { SubspaceMLP } from './subspace-model';

/** Li et al.'s d_int90: the smallest grid d whose accuracy is at least 90% of the direct network's. */
export function dInt90(dims: readonly number[], accs: ArrayLike<number>, full: number): number {
  const i = dims.findIndex((_, k) => accs[k] >= 0.9 * full);
  return i < 0 ? NOT_FOUND : dims[i];
}

const EVAL_ROWS = 2000;

class SubspaceRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly model: SubspaceMLP;
  private readonly xTrain: TF.Tensor2D; // [n, 32]
  private readonly yTrain: TF.Tensor2D; // [n, 10] one-hot
  private readonly xEval: TF.Tensor2D;
  private readonly yEval: TF.Tensor2D;
  private readonly batches: Rng;
  private readonly n: number;
  private step = 0;
  private last: { accs: number[]; losses: number[] } | null = null;

  constructor(
    private readonly tf: typeof TF,
    private readonly p: SubspaceParams,
  ) {
    this.totalSteps = p.steps;
    const task = generate(p);
    const root = new Rng(p.seed);
    this.model = new SubspaceMLP(
      tf,
      { width: p.width, dims: DIMS, lrSubspace: p.lrSubspace, lrFull: p.lrFull },
      root.fork('network'),
    );
    this.n = task.train.n;
    const tensors = (s: LabelledSet, rows: number) =>
      [
        tf.tensor2d(s.x.subarray(0, rows * OBSERVED), [rows, OBSERVED]),
        tf.tidy(() => tf.oneHot(tf.tensor1d(s.y.subarray(0, rows), 'int32'), CLASSES)),
      ] as [TF.Tensor2D, TF.Tensor2D];
    [this.xTrain, this.yTrain] = tensors(task.train, task.train.n);
    // Teacher labels are judged on held-out data; random labels on the training set itself,
    // since memorising them is the task (Li et al. Sec. 3.1).
    [this.xEval, this.yEval] =
      p.labels === 'random'
        ? tensors(task.train, Math.min(EVAL_ROWS, task.train.n))
        : tensors(task.test, task.test.n);
    this.batches = root.fork('batches');
  }

  async advance(k: number): Promise<StepReport> {
    const { tf } = this;
    const todo = Math.min(k, this.totalSteps - this.step);
    const idx = new Int32Array(this.p.batch);
    for (let i = 0; i < todo; i++) {
      // data: a minibatch with replacement, the same for every member.
      for (let s = 0; s < idx.length; s++) idx[s] = this.batches.int(this.n);
      tf.tidy(() => {
        const index = tf.tensor1d(idx, 'int32');
        const x = tf.gather(this.xTrain, index) as TF.Tensor2D; // [B, 32]
        const y = tf.gather(this.yTrain, index) as TF.Tensor2D; // [B, 10]
        // forward, loss, update: Eq. 2 for each d, theta directly for the full network.
        this.model.step(x, y);
      });
      this.step++;
    }
    // log
    const packed = this.model.evaluate(this.xEval, this.yEval);
    const values = Array.from(await packed.data());
    packed.dispose();
    const K = DIMS.length;
    const accs = values.slice(0, K + 1);
    const losses = values.slice(K + 1);
    this.last = { accs, losses };
    const fullAcc = accs[K];
    const metrics: Record<string, number> = {
      'loss/full_ce': losses[K],
      'metric/acc_full': fullAcc,
      'metric/acc_threshold': 0.9 * fullAcc,
      'metric/acc_chance': 1 / CLASSES,
      'metric/d_int90': dInt90(DIMS, accs, fullAcc),
      'metric/params': this.model.dim,
    };
    metrics['metric/dint_fraction'] = metrics['metric/d_int90'] / this.model.dim;
    DIMS.forEach((d, i) => (metrics[`metric/acc_d${d}`] = accs[i]));
    return { step: this.step, metrics, done: this.step >= this.totalSteps };
  }

  async views(): Promise<Views> {
    if (!this.last) return {};
    const K = DIMS.length;
    return {
      dims: {
        kind: 'bars',
        categories: DIMS.map(String),
        series: [
          { name: 'accuracy in the subspace', values: this.last.accs.slice(0, K) },
          {
            name: '90% of the direct network',
            values: Array.from({ length: K }, () => 0.9 * this.last!.accs[K]),
          },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    this.model.dispose();
    this.tf.dispose([this.xTrain, this.yTrain, this.xEval, this.yEval]);
  }
}

export const trainer: Trainer<SubspaceTable> = {
  create: (tf, params) => new SubspaceRun(tf, params),
  exportData: (params) => toTable(params),
};
