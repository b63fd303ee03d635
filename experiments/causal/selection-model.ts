/**
 * Estimators of the population ATE from the selected units, each fed one batch of units at a time
 * (sufficient statistics only, so a run shows the estimates settle as the sample grows).
 *   naive:     mean(Y | T = 1, S = 1) - mean(Y | T = 0, S = 1);
 *   regression Y ~ 1 + T + X + T X on the selected units, b = (b0, bT, bX, bTX), then
 *   selected:  bT + bTX mean(X | S = 1)   (adjustment over the selected covariates);
 *   formula:   bT + bTX E[X]              (over the population's covariates, from the census).
 * The formula is the identification formula of the case where Y is independent of S given (T, X):
 * E[Y | T = t, X] is the same in the selected sample and the population, so averaging it over the
 * population's X gives the population ATE.
 */
import { lstsq, mat } from '../core/linalg';

export class SelectedSampleStats {
  /** Normal equations of the regression: [4 x 4] and [4]. */
  private readonly xtx = new Float64Array(16);
  private readonly xty = new Float64Array(4);
  private readonly count = [0, 0];
  private readonly sumY = [0, 0];
  private sumX = 0;
  selected = 0;

  add(x: number, t: number, y: number): void {
    const row = [1, t, x, t * x];
    for (let a = 0; a < 4; a++) {
      this.xty[a] += row[a] * y;
      for (let b = 0; b < 4; b++) this.xtx[a * 4 + b] += row[a] * row[b];
    }
    this.count[t] += 1;
    this.sumY[t] += y;
    this.sumX += x;
    this.selected += 1;
  }

  naive(): number {
    if (!this.count[0] || !this.count[1]) return NaN;
    return this.sumY[1] / this.count[1] - this.sumY[0] / this.count[0];
  }

  /** (bT, bTX), or NaN while the regression is not yet determined. */
  private effectTerms(): [number, number] {
    if (this.count[0] < 4 || this.count[1] < 4) return [NaN, NaN];
    try {
      const b = lstsq(
        mat(4, 4, Float64Array.from(this.xtx)),
        mat(4, 1, Float64Array.from(this.xty)),
      );
      return [b.data[1], b.data[3]];
    } catch {
      return [NaN, NaN];
    }
  }

  /** The regression's effect averaged over the selected units' covariates. */
  selectedAdjusted(): number {
    const [bt, btx] = this.effectTerms();
    return bt + btx * (this.sumX / Math.max(1, this.selected));
  }

  /** The identification formula: the effect averaged over the population's covariates. */
  formula(popMeanX: number): number {
    const [bt, btx] = this.effectTerms();
    return bt + btx * popMeanX;
  }
}
