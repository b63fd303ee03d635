/**
 * Running first and second moments of d-dimensional rows: every closed-form causal estimator here
 * is a function of (co)variances, so a batch only adds to these sums.
 */
import { mat, type Mat } from '../core/linalg';

export class Moments {
  n = 0;
  readonly sum: Float64Array;
  readonly cross: Float64Array;
  constructor(readonly d: number) {
    this.sum = new Float64Array(d);
    this.cross = new Float64Array(d * d);
  }
  add(row: ArrayLike<number>): void {
    this.n++;
    for (let a = 0; a < this.d; a++) {
      this.sum[a] += row[a];
      for (let b = 0; b < this.d; b++) this.cross[a * this.d + b] += row[a] * row[b];
    }
  }
  cov(a: number, b: number): number {
    const n = this.n;
    return this.cross[a * this.d + b] / n - (this.sum[a] / n) * (this.sum[b] / n);
  }
  covMat(idx: number[]): Mat {
    const k = idx.length;
    return mat(
      k,
      k,
      Float64Array.from({ length: k * k }, (_, i) => this.cov(idx[Math.floor(i / k)], idx[i % k])),
    );
  }
}
