/**
 * The selection-bias run: the population is read batch by batch; each selected unit updates the
 * estimators' sufficient statistics, and each batch logs their errors against the true ATE.
 */
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { SelectionParams, SelectionTable } from './selection-spec';
import { generate, toTable, type SelectionData } from './selection-data';
import { SelectedSampleStats } from './selection-model';

class SelectionRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private read = 0;
  private readonly data: SelectionData;
  private readonly stats = new SelectedSampleStats();

  constructor(params: SelectionParams) {
    this.totalSteps = params.steps;
    this.data = generate(params);
    // The first batch is read before the first report: with no unit yet there is no estimate.
    this.readBatch();
  }

  /** data: the next batch of the population; only the selected units report (T, Y). */
  private readBatch(): void {
    const { n, x, t, y, s } = this.data;
    const end = Math.round(((this.step + 1) * n) / this.totalSteps);
    for (; this.read < end; this.read++)
      if (s[this.read]) this.stats.add(x[this.read], t[this.read], y[this.read]);
    this.step++;
  }

  private estimates() {
    const { ate, popMeanX } = this.data;
    const naive = this.stats.naive();
    const formula = this.stats.formula(popMeanX);
    const selected = this.stats.selectedAdjusted();
    return { ate, naive, formula, selected };
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let b = 0; b < todo; b++) this.readBatch();
    const e = this.estimates();
    return {
      step: this.step,
      metrics: {
        'metric/formula_error': Math.abs(e.formula - e.ate),
        'metric/selected_error': Math.abs(e.selected - e.ate),
        'metric/naive_error': Math.abs(e.naive - e.ate),
        'metric/formula_ate': e.formula,
        'metric/naive_ate': e.naive,
        'metric/selected_fraction': this.stats.selected / Math.max(1, this.read),
      },
      done: this.step >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
    const e = this.estimates();
    return {
      estimates: {
        kind: 'bars',
        categories: [
          'population ATE',
          'identification formula',
          'regression, selected X',
          'naive contrast',
        ],
        series: [{ name: 'ATE', values: [e.ate, e.formula, e.selected, e.naive] }],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<SelectionTable> = {
  create: (_tf, params) => new SelectionRun(params),
  exportData: (params) => toTable(generate(params)),
};
