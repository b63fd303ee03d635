/** The compression run: samples of every environment arrive in batches; both code lengths are drawn after each. */
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { CompressionParams, CompressionTable } from './compression-spec';
import { generate, toTable, type CompressionData } from './compression-data';
import { PairCounts, codeLength } from './compression-model';

class CompressionRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private read = 0;
  private readonly data: CompressionData;
  private readonly counts: PairCounts;

  constructor(params: CompressionParams) {
    this.totalSteps = params.steps;
    this.data = generate(params);
    this.counts = new PairCounts(this.data.k, this.data.envs);
    // The first batch is read before the first report: with no sample there is no code.
    this.readBatch();
  }

  /** data: the next batch of samples from every environment. */
  private readBatch(): void {
    const { envs, perEnv, samples } = this.data;
    const end = Math.round(((this.step + 1) * perEnv) / this.totalSteps);
    for (; this.read < end; this.read++)
      for (let e = 0; e < envs; e++)
        this.counts.add(e, samples[e][this.read * 2], samples[e][this.read * 2 + 1]);
    this.step++;
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.readBatch();
    const n = this.read * this.data.envs;
    const xy = codeLength(this.counts, false) / n;
    const yx = codeLength(this.counts, true) / n;
    return {
      step: this.step,
      metrics: { 'metric/advantage': yx - xy, 'metric/code_xy': xy, 'metric/code_yx': yx },
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

export const trainer: Trainer<CompressionTable> = {
  create: (_tf, params) => new CompressionRun(params),
  exportData: (params) => toTable(generate(params)),
};
