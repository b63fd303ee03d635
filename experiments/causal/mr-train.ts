/**
 * The MR run: every environment is read batch by batch into the estimators' moments; each batch
 * logs the estimates' errors and how well the learned instrument follows the latent one.
 */
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { MrParams, MrTable } from './mr-spec';
import { COLS, generate, toTable, type MrData } from './mr-data';
import { MrMoments, type MrEstimates } from './mr-model';

class MrRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private read = 0;
  private readonly data: MrData;
  private readonly moments = new MrMoments();

  constructor(params: MrParams) {
    this.totalSteps = params.steps;
    this.data = generate(params);
    // The first batch is read before the first report: with no unit yet there is no estimate.
    this.readBatch();
  }

  /** data: the next batch of units from every environment. */
  private readBatch(): void {
    const { envs, perEnv, rows } = this.data;
    const end = Math.round(((this.step + 1) * perEnv) / this.totalSteps);
    for (; this.read < end; this.read++)
      for (let e = 0; e < envs; e++)
        this.moments.add(
          rows[e].subarray(this.read * COLS, (this.read + 1) * COLS),
          e === 0 ? 'first' : e === envs - 1 ? 'last' : 'other',
        );
    this.step++;
  }

  private metrics(e: MrEstimates): Record<string, number> {
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

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.readBatch();
    return {
      step: this.step,
      metrics: this.metrics(this.moments.estimates()),
      done: this.step >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
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

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<MrTable> = {
  create: (_tf, params) => new MrRun(params),
  exportData: (params) => toTable(generate(params)),
};
