/**
 * The MR run: every environment is read batch by batch into the estimators' moments; each batch
 * logs the estimates' errors and how well the learned instrument follows the latent one.
 */
import type { Trainer, Views } from '../core/spec';
import type { MrParams, MrTable } from './mr-spec';
import { COLS, generate, toTable, type MrData } from './mr-data';
import { MrMoments } from './mr-model';
import { BatchedRun } from './batched';

class MrRun extends BatchedRun {
  private readonly data: MrData;
  private readonly moments = new MrMoments();

  constructor(params: MrParams) {
    const data = generate(params);
    super(params.steps, data.perEnv);
    this.data = data;
    this.start();
  }

  /** data: units [from, to) of every environment. */
  protected consume(from: number, to: number): void {
    const { envs, rows } = this.data;
    for (let i = from; i < to; i++)
      for (let e = 0; e < envs; e++)
        this.moments.add(
          rows[e].subarray(i * COLS, (i + 1) * COLS),
          e === 0 ? 'first' : e === envs - 1 ? 'last' : 'other',
        );
  }

  protected metrics(): Record<string, number> {
    const e = this.moments.estimates();
    const b = this.data.beta;
    return {
      'metric/iv_invariant_error': Math.abs(e.ivInvariant - b),
      'metric/iv_raw_error': Math.abs(e.ivRaw - b),
      'metric/ols_error': Math.abs(e.ols - b),
      'metric/iv_oracle_error': Math.abs(e.ivOracle - b),
      'metric/instrument_corr': e.instrumentCorr,
      'metric/instrument_corr_raw': e.instrumentCorrRaw,
    };
  }

  override async views(): Promise<Views> {
    const e = this.moments.estimates();
    return {
      estimates: {
        kind: 'bars',
        categories: [
          'true beta',
          'IV, invariant component',
          'IV, raw variants',
          'OLS',
          'IV, oracle Z',
        ],
        series: [
          { name: 'beta', values: [this.data.beta, e.ivInvariant, e.ivRaw, e.ols, e.ivOracle] },
        ],
      },
    };
  }
}

export const trainer: Trainer<MrTable> = {
  create: (_tf, params) => new MrRun(params),
  exportData: (params) => toTable(generate(params)),
};
