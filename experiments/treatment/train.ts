/**
 * Treatment effects by linear ICA (Reizinger, Mackey, Brendel et al.): FastICA on the observed
 * (X, T, Y), theta read from the mixing column of each treatment's noise; compared on the same
 * data with least squares adjusted for X and with the naive regression of Y on T alone.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { IcaSolver } from '../ica/model';
import type { TreatmentParams, TreatmentTable } from './spec';
import { generate, toTable, type PlrData } from './data';
import { icaEffects, meanAbsError, olsEffects } from './model';

const FOLDS = 4;

class TreatmentRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private readonly data: PlrData;
  private readonly solver: IcaSolver;
  private readonly ols: Float64Array;
  private readonly naive: Float64Array;
  private ica: Float64Array = new Float64Array();

  constructor(
    private readonly tf: typeof TF,
    private readonly params: TreatmentParams,
  ) {
    this.totalSteps = params.steps;
    const data = (this.data = generate(params));
    const { n, k, m } = data;
    const d = k + m + 1;
    const treatments = Array.from({ length: m }, (_, j) => k + j);
    this.ols = olsEffects(
      data.obs,
      n,
      d,
      [...treatments, ...Array.from({ length: k }, (_, q) => q)],
      treatments,
    );
    this.naive = olsEffects(data.obs, n, d, treatments, treatments);
    this.solver = new IcaSolver(tf, data.obs, n, d, new Rng(params.seed).fork('init'), {
      ...params,
      algorithm: 'fastica',
    });
  }

  async advance(kSteps: number): Promise<StepReport> {
    const todo = Math.min(kSteps, this.totalSteps - this.step);
    for (let i = 0; i < todo && !this.solver.converged; i++) {
      await this.solver.iterate();
      this.step++;
    }
    const { k, m, theta } = this.data;
    this.ica = icaEffects(await this.solver.unmixing(), k, m).theta;
    const metrics = {
      'metric/ica_theta_error': meanAbsError(this.ica, theta),
      'metric/ols_theta_error': meanAbsError(this.ols, theta),
      'metric/naive_theta_error': meanAbsError(this.naive, theta),
    };
    return {
      step: this.step,
      metrics,
      done: this.solver.converged || this.step >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
    const { m, theta } = this.data;
    return {
      effects: {
        kind: 'bars',
        categories: Array.from({ length: m }, (_, j) => `theta${j}`),
        series: [
          { name: 'true theta', values: Array.from(theta) },
          { name: 'ICA', values: Array.from(this.ica) },
          { name: 'OLS adjusted for X', values: Array.from(this.ols) },
          { name: 'naive OLS (Y on T)', values: Array.from(this.naive) },
        ],
      },
    };
  }

  /**
   * Identifiability check without ground truth: FastICA on FOLDS disjoint parts of the data.
   * An identifiable theta comes back the same from each part (up to sampling error); with
   * Gaussian treatment noise each part locks onto its own chance direction. Restarts on the
   * same data do not show this: FastICA then converges to the same wrong answer every time.
   */
  async finalMetrics(): Promise<Record<string, number>> {
    const { n, k, m, obs } = this.data;
    const d = k + m + 1;
    const size = Math.floor(n / FOLDS);
    const root = new Rng(this.params.seed);
    let spread = 0;
    for (let f = 0; f < FOLDS; f++) {
      const part = obs.subarray(f * size * d, (f + 1) * size * d);
      const solver = new IcaSolver(this.tf, part, size, d, root.fork(`fold-${f}`), {
        ...this.params,
        algorithm: 'fastica',
      });
      try {
        await solver.solve(this.totalSteps);
        spread = Math.max(
          spread,
          meanAbsError(icaEffects(await solver.unmixing(), k, m).theta, this.ica),
        );
      } finally {
        solver.dispose();
      }
    }
    return { 'metric/ica_fold_spread': spread };
  }

  dispose(): void {
    this.solver.dispose();
  }
}

export const trainer: Trainer<TreatmentTable> = {
  create: (tf, params) => new TreatmentRun(tf, params),
  exportData: (params) => toTable(generate(params)),
};
