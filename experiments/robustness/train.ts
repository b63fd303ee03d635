/**
 * A sweep over the perturbation size: one step = one value of eps, FastICA to convergence on
 * x = A s + eps h(s), scored against the true A and s. The claim is the shape of the curve:
 * the error vanishes as eps -> 0 (down to the finite-sample floor) and grows with eps.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import { amariDistance, mcc, spearmanMatrix } from '../core/metrics';
import type { ExperimentRun, StepReport, Trainer, ViewLimits, Views } from '../core/spec';
import { IcaSolver } from '../ica/model';
import type { RobustnessParams, RobustnessTable } from './spec';
import { epsGrid, generate, observe, toTable, type PerturbedData } from './data';

interface Point {
  eps: number;
  amari: number;
  mcc: number;
}

class RobustnessRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly data: PerturbedData;
  private readonly grid: number[];
  private readonly points: Point[] = [];

  constructor(
    private readonly tf: typeof TF,
    private readonly params: RobustnessParams,
  ) {
    this.data = generate(params);
    this.grid = epsGrid(params.epsMax, params.points);
    this.totalSteps = this.grid.length;
  }

  private async solveAt(eps: number): Promise<Point> {
    const { n, d, s, a } = this.data;
    const x = observe(this.data, eps);
    // The same initialisation at every eps, so the curve reflects the data, not the start.
    const solver = new IcaSolver(this.tf, x, n, d, new Rng(this.params.seed).fork('init'), {
      ...this.params,
      algorithm: 'fastica',
    });
    try {
      await solver.solve(this.params.steps);
      const w = await solver.unmixing();
      const u = solver.recover(w, x, n);
      return { eps, amari: amariDistance(w, a), mcc: mcc(s, u, n, d, d).mcc };
    } finally {
      solver.dispose();
    }
  }

  async advance(k: number): Promise<StepReport> {
    // There is no state before the first point of the sweep, so the first call always solves one.
    const todo = this.points.length ? k : Math.max(k, 1);
    for (let i = 0; i < todo && this.points.length < this.grid.length; i++)
      this.points.push(await this.solveAt(this.grid[this.points.length]));
    const last = this.points.at(-1)!;
    return {
      step: this.points.length,
      metrics: { 'metric/eps': last.eps, 'metric/amari': last.amari, 'metric/mcc': last.mcc },
      done: this.points.length >= this.grid.length,
    };
  }

  async views(limits: ViewLimits): Promise<Views> {
    const nonzero = this.points.filter((p) => p.eps > 0);
    const floor = this.points.find((p) => p.eps === 0);
    const { d } = this.data;
    const rows = Math.min(limits.points, this.data.n);
    const eps = this.points.at(-1)?.eps ?? 0;
    const x = observe(this.data, eps);
    const lin = this.data.linear;
    const col = (arr: Float64Array, j: number) =>
      Array.from({ length: rows }, (_, i) => arr[i * d + j]);
    return {
      sweep: {
        kind: 'lines',
        x: nonzero.map((p) => p.eps),
        series: [
          { name: 'Amari distance', y: nonzero.map((p) => p.amari) },
          { name: 'at eps = 0 (finite-sample floor)', y: nonzero.map(() => floor?.amari ?? NaN) },
          { name: '1 - MCC', y: nonzero.map((p) => 1 - p.mcc) },
        ],
      },
      mixtures: {
        kind: 'scatter-grid',
        panels: [
          { title: 'A s (eps = 0)', xLabel: 'x0', yLabel: 'x1', x: col(lin, 0), y: col(lin, 1) },
          {
            title: `A s + eps h(s), eps = ${eps.toPrecision(2)}`,
            xLabel: 'x0',
            yLabel: 'x1',
            x: col(x, 0),
            y: col(x, 1),
          },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    const nonzero = this.points.filter((p) => p.eps > 0);
    const n = nonzero.length;
    const rank =
      n >= 2
        ? spearmanMatrix(
            Float64Array.from(nonzero, (p) => p.eps),
            Float64Array.from(nonzero, (p) => p.amari),
            n,
            1,
            1,
          ).data[0]
        : NaN;
    return {
      'metric/amari_at_zero': this.points.find((p) => p.eps === 0)?.amari ?? NaN,
      'metric/amari_smallest_eps': nonzero[0]?.amari ?? NaN,
      'metric/amari_largest_eps': nonzero.at(-1)?.amari ?? NaN,
      'metric/eps_error_rank_corr': rank,
    };
  }

  dispose(): void {}
}

export const trainer: Trainer<RobustnessTable> = {
  create: (tf, params) => new RobustnessRun(tf, params),
  exportData: (params) => toTable(generate(params), params.epsMax),
};
