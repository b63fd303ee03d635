/** The exchangeable-mechanisms run: environments arrive in batches; the two partial correlations are logged after each. */
import type { Trainer } from '../core/spec';
import type { ExchangeableParams, ExchangeableTable } from './exchangeable-spec';
import { generate, toTable, type ExchangeableData } from './exchangeable-data';
import { PairMoments } from './exchangeable-model';
import { BatchedRun } from './batched';

class ExchangeableRun extends BatchedRun {
  private readonly data: ExchangeableData;
  private readonly moments = new PairMoments();

  constructor(params: ExchangeableParams) {
    const data = generate(params);
    super(params.steps, data.envs);
    this.data = data;
    this.start();
  }

  /** data: environments [from, to), two samples each. */
  protected consume(from: number, to: number): void {
    for (let i = from; i < to; i++) this.moments.add(this.data.rows.subarray(i * 4, i * 4 + 4));
  }

  protected metrics(): Record<string, number> {
    return {
      'metric/pcor_forward': Math.abs(this.moments.forward()),
      'metric/pcor_backward': Math.abs(this.moments.backward()),
    };
  }
}

export const trainer: Trainer<ExchangeableTable> = {
  create: (_tf, params) => new ExchangeableRun(params),
  exportData: (params) => toTable(generate(params)),
};
