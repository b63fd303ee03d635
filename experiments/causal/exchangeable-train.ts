/** The exchangeable-mechanisms run: environments arrive in batches; the two partial correlations are logged after each. */
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { ExchangeableParams, ExchangeableTable } from './exchangeable-spec';
import { generate, toTable, type ExchangeableData } from './exchangeable-data';
import { PairMoments } from './exchangeable-model';

class ExchangeableRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private read = 0;
  private readonly data: ExchangeableData;
  private readonly moments = new PairMoments();

  constructor(params: ExchangeableParams) {
    this.totalSteps = params.steps;
    this.data = generate(params);
    // The first batch is read before the first report: with no environment there is no statistic.
    this.readBatch();
  }

  /** data: the next batch of environments, two samples each. */
  private readBatch(): void {
    const end = Math.round(((this.step + 1) * this.data.envs) / this.totalSteps);
    for (; this.read < end; this.read++)
      this.moments.add(this.data.rows.subarray(this.read * 4, this.read * 4 + 4));
    this.step++;
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.readBatch();
    return {
      step: this.step,
      metrics: {
        'metric/pcor_forward': Math.abs(this.moments.forward()),
        'metric/pcor_backward': Math.abs(this.moments.backward()),
      },
      done: this.step >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
    return {};
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<ExchangeableTable> = {
  create: (_tf, params) => new ExchangeableRun(params),
  exportData: (params) => toTable(generate(params)),
};
