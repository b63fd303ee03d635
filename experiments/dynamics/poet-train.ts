/**
 * The POET run: both students take one Adam step on the same minibatch per step; the log holds
 * their test errors and how far their first layer's singular values moved from W0's.
 */
import { HostAdam } from '../core/host-adam';
import { mat, svd } from '../core/linalg';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { PoetParams, PoetTable } from './poet-spec';
import { generate, toTable, type PoetData } from './poet-data';
import { mseAndGrad, PoetStudent, predict, type Weights } from './poet-model';

/** The reflection vectors start at I + 0.05 N(0, 1) (the planning simulation's). */
const REFLECTION_NOISE = 0.05;
const log10 = (v: number) => Math.log10(Math.max(v, 1e-16));

function singularValues(w: Float64Array, rows: number, cols: number): Float64Array {
  return svd(mat(rows, cols, w.slice())).s;
}

class PoetRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly data: PoetData;
  private readonly poet: PoetStudent;
  private readonly standard: Weights;
  private readonly poetAdam: HostAdam;
  private readonly standardAdam: HostAdam;
  private readonly s0: Float64Array;
  private readonly rng: Rng;
  private step = 0;
  private loss = NaN;

  constructor(private readonly p: PoetParams) {
    this.totalSteps = p.steps;
    this.data = generate(p);
    const { inputs: a, hidden: h, start } = this.data;
    const r = new Rng(p.seed).fork('reflections');
    const near = (n: number) =>
      Float64Array.from(
        { length: n * n },
        (_, k) => (k % (n + 1) === 0 ? 1 : 0) + REFLECTION_NOISE * r.normal(),
      );
    this.poet = new PoetStudent(start.w1, start.w2, a, h, {
      r1: near(a),
      p1: near(h),
      r2: near(h),
    });
    this.standard = { w1: start.w1.slice(), w2: start.w2.slice() };
    this.poetAdam = new HostAdam([this.poet.r1, this.poet.p1, this.poet.r2], p.lr);
    this.standardAdam = new HostAdam([this.standard.w1, this.standard.w2], p.lr);
    this.s0 = singularValues(start.w1, a, h);
    this.rng = new Rng(p.seed).fork('batches');
  }

  async advance(k: number): Promise<StepReport> {
    const { inputs: a, hidden: h, x, y } = this.data;
    const n = y.length;
    const todo = Math.min(k, this.totalSteps - this.step);
    const xb = new Float64Array(this.p.batch * a);
    const yb = new Float64Array(this.p.batch);
    for (let i = 0; i < todo; i++) {
      // data: a minibatch with replacement, the same for both students.
      for (let s = 0; s < this.p.batch; s++) {
        const j = this.rng.int(n);
        xb.set(x.subarray(j * a, (j + 1) * a), s * a);
        yb[s] = y[j];
      }
      // forward, loss, update: POET through its reflections, standard on W directly.
      const poet = this.poet.lossAndGrad(xb, yb);
      this.poetAdam.step(poet.grads);
      this.loss = poet.loss;
      const std = mseAndGrad(this.standard, xb, yb, a, h);
      this.standardAdam.step([std.g1, std.g2]);
      this.step++;
    }
    return { step: this.step, metrics: this.metrics(), done: this.step >= this.totalSteps };
  }

  private metrics(): Record<string, number> {
    const { inputs: a, hidden: h, xTest, yTest } = this.data;
    const testMse = (w: Weights) => {
      const f = predict(w, xTest, a, h);
      let s = 0;
      for (let i = 0; i < f.length; i++) s += (f[i] - yTest[i]) ** 2;
      return s / f.length;
    };
    const drift = (w: Float64Array) => {
      const s = singularValues(w, a, h);
      let m = 0;
      for (let i = 0; i < s.length; i++) m = Math.max(m, Math.abs(s[i] - this.s0[i]) / this.s0[i]);
      return m;
    };
    const poetW = this.poet.weights().w;
    const poet = testMse(poetW);
    const standard = testMse(this.standard);
    let zero = 0;
    for (const v of yTest) zero += v * v;
    const loss = Number.isNaN(this.loss)
      ? this.poet.lossAndGrad(this.data.x, this.data.y).loss
      : this.loss;
    return {
      'loss/mse_poet': loss,
      'metric/test_mse_poet': poet,
      'metric/test_mse_standard': standard,
      'metric/test_mse_zero': zero / yTest.length,
      'metric/mse_ratio': poet / standard,
      'metric/log10_sv_drift_poet': log10(drift(poetW.w1)),
      'metric/log10_sv_drift_standard': log10(drift(this.standard.w1)),
    };
  }

  async views(): Promise<Views> {
    const { inputs: a, hidden: h, teacher } = this.data;
    const idx = Array.from(this.s0, (_, i) => i + 1);
    return {
      spectrum: {
        kind: 'lines',
        x: idx,
        series: [
          { name: 'W0 (and POET, always)', y: Array.from(this.s0) },
          { name: 'POET now', y: Array.from(singularValues(this.poet.weights().w.w1, a, h)) },
          { name: 'standard now', y: Array.from(singularValues(this.standard.w1, a, h)) },
          { name: 'teacher', y: Array.from(singularValues(teacher.w1, a, h)) },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<PoetTable> = {
  create: (_tf, params) => new PoetRun(params),
  exportData: (params) => toTable(params),
};
