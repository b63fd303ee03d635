/**
 * The invariance run: each step is one Newton iteration of every density-ratio classifier, then
 * the rank ratios of their gradients at 3 000 pooled points, for each variable.
 */
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { InvarianceParams, InvarianceTable } from './invariance-spec';
import { generate, toTable, type InvarianceData } from './invariance-data';
import { RatioClassifier, rankRatio } from './invariance-model';

const POINTS = 3000;

class InvarianceRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private readonly data: InvarianceData;
  private readonly classifiers: RatioClassifier[];
  private readonly points: Float64Array;
  private loss = NaN;

  constructor(params: InvarianceParams) {
    this.totalSteps = params.steps;
    const d = (this.data = generate(params));
    this.classifiers = d.envs.slice(1).map((e) => new RatioClassifier(d.envs[0], e));
    // evaluation points: a random subset of the pooled samples (as the authors' statistic is an expectation)
    const pooled = d.envs.length * d.n;
    const rng = new Rng(params.seed).fork('points');
    this.points = new Float64Array(POINTS * 2);
    for (let i = 0; i < POINTS; i++) {
      const k = rng.int(pooled);
      const env = d.envs[Math.floor(k / d.n)];
      this.points.set(env.subarray((k % d.n) * 2, (k % d.n) * 2 + 2), i * 2);
    }
    // One iteration before the first report: with zero weights every gradient is 0.
    this.iterate();
  }

  private iterate(): void {
    let loss = 0;
    for (const c of this.classifiers) loss += c.newtonStep();
    this.loss = loss / this.classifiers.length;
    this.step++;
  }

  private metrics(): Record<string, number> {
    const ratios = [0, 1].map((c) => rankRatio(this.classifiers, this.points, c as 0 | 1));
    const effect = ratios[this.data.effectColumn];
    const cause = ratios[1 - this.data.effectColumn];
    return {
      'metric/effect_ratio': effect,
      'metric/cause_ratio': cause,
      'metric/orientation_margin': cause - effect,
      'loss/logistic': this.loss,
    };
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.iterate();
    return { step: this.step, metrics: this.metrics(), done: this.step >= this.totalSteps };
  }

  async views(): Promise<Views> {
    return {};
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<InvarianceTable> = {
  create: (_tf, params) => new InvarianceRun(params),
  exportData: (params) => toTable(generate(params)),
};
