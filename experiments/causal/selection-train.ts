/**
 * The selection-bias run: the population is read batch by batch; each selected unit updates the
 * estimators' sufficient statistics, and each batch logs their errors against the true ATE.
 */
import type { Trainer, Views } from '../core/spec';
import type { SelectionParams, SelectionTable } from './selection-spec';
import { generate, toTable, type SelectionData } from './selection-data';
import { SelectedSampleStats } from './selection-model';
import { BatchedRun } from './batched';

class SelectionRun extends BatchedRun {
  private readonly data: SelectionData;
  private readonly stats = new SelectedSampleStats();

  constructor(params: SelectionParams) {
    const data = generate(params);
    super(params.steps, data.n);
    this.data = data;
    this.start();
  }

  /** data: the next batch of the population; only the selected units report (T, Y). */
  protected consume(from: number, to: number): void {
    const { x, t, y, s } = this.data;
    for (let i = from; i < to; i++) if (s[i]) this.stats.add(x[i], t[i], y[i]);
  }

  private estimates() {
    const { ate, popMeanX } = this.data;
    const naive = this.stats.naive();
    const formula = this.stats.formula(popMeanX);
    const selected = this.stats.selectedAdjusted();
    return { ate, naive, formula, selected };
  }

  protected metrics(): Record<string, number> {
    const e = this.estimates();
    return {
      'metric/formula_error': Math.abs(e.formula - e.ate),
      'metric/selected_error': Math.abs(e.selected - e.ate),
      'metric/naive_error': Math.abs(e.naive - e.ate),
      'metric/formula_ate': e.formula,
      'metric/naive_ate': e.naive,
      'metric/selected_fraction': this.stats.selected / Math.max(1, this.read),
    };
  }

  override async views(): Promise<Views> {
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
}

export const trainer: Trainer<SelectionTable> = {
  create: (_tf, params) => new SelectionRun(params),
  exportData: (params) => toTable(generate(params)),
};
