/**
 * The diagonal linear network f(x) = <u ⊙ v, x> (Anguita et al. 2026, Sec. 2), trained by
 * full-batch gradient descent on the MSE. u is the first layer, v the readout; the effective
 * weights are beta = u ⊙ v. Plain typed arrays.
 */

export class DiagonalNet {
  constructor(
    /** [d] first layer. */
    readonly u: Float64Array,
    /** [d] readout. */
    readonly v: Float64Array,
  ) {}

  static constant(d: number, first: number, readout: number): DiagonalNet {
    return new DiagonalNet(new Float64Array(d).fill(first), new Float64Array(d).fill(readout));
  }

  /** beta = u ⊙ v, [d]. */
  weights(): Float64Array {
    const beta = new Float64Array(this.u.length);
    for (let j = 0; j < beta.length; j++) beta[j] = this.u[j] * this.v[j];
    return beta;
  }

  /**
   * One gradient step on L = (1/2n) |X beta - y|^2; returns L before the step.
   * g = X^T (X beta - y) / n, dL/du = g ⊙ v, dL/dv = g ⊙ u.
   */
  step(task: Task, lr: number): number {
    const d = this.u.length;
    const beta = this.weights();
    const g = new Float64Array(d);
    const loss = task.gradient(beta, g);
    for (let j = 0; j < d; j++) {
      const uj = this.u[j];
      this.u[j] -= lr * g[j] * this.v[j];
      this.v[j] -= lr * g[j] * uj;
    }
    return loss;
  }
}

/**
 * A least-squares task (X [n, d], y [n]) with the cheaper of two exact forms of its gradient:
 * through X when n <= d, through the Gram matrix X^T X / n when n > d.
 */
export class Task {
  readonly n: number;
  private readonly gram: Float64Array | null;
  private readonly xty: Float64Array | null;
  private readonly yy: number;

  constructor(
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    private readonly d: number,
  ) {
    const n = y.length;
    this.n = n;
    this.yy = y.reduce((a, v) => a + v * v, 0) / (2 * n);
    if (n <= d) {
      this.gram = null;
      this.xty = null;
      return;
    }
    const gram = new Float64Array(d * d);
    const xty = new Float64Array(d);
    for (let s = 0, o = 0; s < n; s++, o += d)
      for (let a = 0; a < d; a++) {
        const xa = x[o + a];
        xty[a] += (xa * y[s]) / n;
        for (let b = 0; b < d; b++) gram[a * d + b] += (xa * x[o + b]) / n;
      }
    this.gram = gram;
    this.xty = xty;
  }

  /** Writes g = X^T (X beta - y) / n into `g` and returns (1/2n) |X beta - y|^2. */
  gradient(beta: Float64Array, g: Float64Array): number {
    const { d, n } = this;
    if (this.gram && this.xty) {
      let quad = 0;
      let lin = 0;
      for (let a = 0; a < d; a++) {
        let v = 0;
        for (let b = 0; b < d; b++) v += this.gram[a * d + b] * beta[b];
        g[a] = v - this.xty[a];
        quad += beta[a] * v;
        lin += beta[a] * this.xty[a];
      }
      return Math.max(0, quad / 2 - lin + this.yy);
    }
    const { x, y } = this;
    g.fill(0);
    let loss = 0;
    for (let s = 0, o = 0; s < n; s++, o += d) {
      let r = -y[s];
      for (let j = 0; j < d; j++) r += x[o + j] * beta[j];
      loss += r * r;
      for (let j = 0; j < d; j++) g[j] += x[o + j] * r;
    }
    for (let j = 0; j < d; j++) g[j] /= n;
    return loss / (2 * n);
  }
}

/** Population test MSE E[(<beta - b, x>)^2] = |beta - b|^2 for x ~ N(0, I). */
export function populationMse(beta: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < b.length; j++) s += (beta[j] - b[j]) ** 2;
  return s;
}
