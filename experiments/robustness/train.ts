/**
 * One solve of the robustness study: FastICA to convergence on x = A s + eps h(s) at one eps,
 * scored against the true A and s after every iteration. The study (spec.ts) runs it once per eps
 * of the sweep, always from the same initialisation, so the curve reflects the data, not the start.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import { amariDistance, mcc } from '../core/metrics';
import type { ExperimentRun, StepReport, Trainer, ViewLimits, Views } from '../core/spec';
import { IcaSolver } from '../ica/model';
import type { PerturbedParams, PerturbedTable } from './spec';
import { generate, observe, toTable, type PerturbedData } from './data';

class PerturbedIcaRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private readonly data: PerturbedData;
  private readonly x: Float64Array; // [n, d] observations at this eps
  private readonly solver: IcaSolver;

  constructor(
    tf: typeof TF,
    private readonly params: PerturbedParams,
  ) {
    this.totalSteps = params.steps;
    this.data = generate(params);
    this.x = observe(this.data, params.eps);
    const { n, d } = this.data;
    this.solver = new IcaSolver(tf, this.x, n, d, new Rng(params.seed).fork('init'), {
      ...params,
      algorithm: 'fastica',
    });
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo && !this.solver.converged; i++) {
      await this.solver.iterate();
      this.step++;
    }
    const { n, d, s, a } = this.data;
    const w = await this.solver.unmixing();
    const metrics = {
      'metric/eps': this.params.eps,
      'metric/amari': amariDistance(w, a),
      'metric/mcc': mcc(s, this.solver.recover(w, this.x, n), n, d, d).mcc,
    };
    return {
      step: this.step,
      metrics,
      done: this.solver.converged || this.step >= this.totalSteps,
    };
  }

  async views(limits: ViewLimits): Promise<Views> {
    const { d, n, linear } = this.data;
    const rows = Math.min(limits.points, n);
    const col = (arr: Float64Array, j: number) =>
      Array.from({ length: rows }, (_, i) => arr[i * d + j]);
    return {
      mixtures: {
        kind: 'scatter-grid',
        panels: [
          {
            title: 'A s (eps = 0)',
            xLabel: 'x0',
            yLabel: 'x1',
            x: col(linear, 0),
            y: col(linear, 1),
          },
          {
            title: `A s + eps h(s), eps = ${this.params.eps.toPrecision(2)}`,
            xLabel: 'x0',
            yLabel: 'x1',
            x: col(this.x, 0),
            y: col(this.x, 1),
          },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    this.solver.dispose();
  }
}

export const trainer: Trainer<PerturbedTable> = {
  create: (tf, params) => new PerturbedIcaRun(tf, params),
  exportData: (params) => toTable(generate(params), params.epsMax),
};
