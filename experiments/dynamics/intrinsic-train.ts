/** The intrinsic-dimension run: step d solves the objective inside the first d random directions. */
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { SOLVED, type IntrinsicParams, type IntrinsicTable } from './intrinsic-spec';
import { generate, groupSums, toTable, type SumsTask } from './intrinsic-data';
import { startResidual, subspaceMinimum } from './intrinsic-model';

const log10 = (v: number) => Math.log10(Math.max(v, 1e-16));

class IntrinsicRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly task: SumsTask;
  private readonly start: number;
  private d = 0;
  private loss: number;
  private sums: Float64Array;
  private found = NaN;
  private oneShort = NaN;

  constructor(p: IntrinsicParams) {
    this.totalSteps = p.maxDim;
    this.task = generate(p);
    this.sums = groupSums(this.task, this.task.theta0);
    this.start = startResidual(this.task).reduce((a, r) => a + r * r, 0);
    this.loss = this.start;
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.d);
    for (let i = 0; i < todo; i++) {
      this.d++;
      // forward, loss, update: the least-squares optimum of v in the first d directions.
      const { loss, sums } = subspaceMinimum(this.task, this.d);
      this.loss = loss;
      this.sums = sums;
      if (Number.isNaN(this.found) && loss <= SOLVED * this.start) this.found = this.d;
      if (this.d === this.task.groups - 1) this.oneShort = loss;
    }
    return {
      step: this.d,
      metrics: {
        'metric/log10_min_loss': log10(this.loss),
        'metric/log10_start_loss': log10(this.start),
        'metric/d_int': Number.isNaN(this.found) ? this.d + 1 : this.found,
        'metric/loss_one_short': Number.isNaN(this.oneShort) ? this.loss : this.oneShort,
      },
      done: this.d >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
    const cats = Array.from(this.task.targets, (_, g) => `${g + 1}`);
    return {
      sums: {
        kind: 'bars',
        categories: cats,
        series: [
          { name: 'target', values: Array.from(this.task.targets) },
          { name: `optimum at d = ${this.d}`, values: Array.from(this.sums) },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<IntrinsicTable> = {
  create: (_tf, params) => new IntrinsicRun(params),
  exportData: (params) => toTable(params),
};
