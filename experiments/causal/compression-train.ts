/** The compression run: samples of every environment arrive in batches; both code lengths are drawn after each. */
import type { Trainer } from '../core/spec';
import type { CompressionParams, CompressionTable } from './compression-spec';
import { generate, toTable, type CompressionData } from './compression-data';
import { PairCounts, codeLength } from './compression-model';
import { BatchedRun } from './batched';

class CompressionRun extends BatchedRun {
  private readonly data: CompressionData;
  private readonly counts: PairCounts;

  constructor(params: CompressionParams) {
    const data = generate(params);
    super(params.steps, data.perEnv);
    this.data = data;
    this.counts = new PairCounts(data.k, data.envs);
    this.start();
  }

  /** data: samples [from, to) of every environment. */
  protected consume(from: number, to: number): void {
    const { envs, samples } = this.data;
    for (let i = from; i < to; i++)
      for (let e = 0; e < envs; e++) this.counts.add(e, samples[e][i * 2], samples[e][i * 2 + 1]);
  }

  protected metrics(): Record<string, number> {
    const n = this.read * this.data.envs;
    const xy = codeLength(this.counts, false) / n;
    const yx = codeLength(this.counts, true) / n;
    return { 'metric/advantage': yx - xy, 'metric/code_xy': xy, 'metric/code_yx': yx };
  }
}

export const trainer: Trainer<CompressionTable> = {
  create: (_tf, params) => new CompressionRun(params),
  exportData: (params) => toTable(generate(params)),
};
