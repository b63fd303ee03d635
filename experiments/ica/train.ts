/**
 * Linear ICA run: whiten on the device, then FastICA fixed points (Hyvarinen 1999) or
 * extended-infomax natural-gradient steps (Amari, Cichocki & Yang 1996; Lee et al. 1999).
 * One `advance(k)` = k iterations, then one packed readback for the metrics.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import { covariance, logAbsDet, mat, matmul, transpose, type Mat } from '../core/linalg';
import { amariDistance, chanceMcc, mcc, mccFromCorrelation, type Matching } from '../core/metrics';
import type { ExperimentRun, StepReport, Trainer, ViewLimits, Views } from '../core/spec';
import type { IcaParams, IcaTable } from './spec';
import { generate, toTable, type IcaData } from './data';
import { IcaSolver, nllDataTerm, recoveryPack } from './model';

export class IcaRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private readonly data: IcaData;
  private readonly solver: IcaSolver;
  private readonly sND: TF.Tensor2D; // [n, d] standardised true sources
  private readonly chance: number;
  private last?: { w: Mat; matching: Matching; corrTL: Mat; metrics: Record<string, number> };

  /** `data` defaults to the seeded generator; tests pass reference data sets. */
  constructor(
    private readonly tf: typeof TF,
    params: IcaParams,
    data: IcaData = generate(params),
  ) {
    this.totalSteps = params.steps;
    this.data = data;
    const { n, d } = data;
    const root = new Rng(params.seed);
    this.chance = chanceMcc(d, root.fork('chance'));
    const sCov = covariance(data.s, n, d);
    const sStd = new Float32Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++)
        sStd[i * d + j] =
          (data.s[i * d + j] - sCov.mean[j]) / Math.sqrt(sCov.cov.data[j * d + j] + 1e-300);
    }
    this.solver = new IcaSolver(tf, data.x, n, d, root.fork('init'), params);
    this.sND = tf.tensor2d(sStd, [n, d]);
  }

  async advance(kSteps: number): Promise<StepReport> {
    const todo = Math.min(kSteps, this.totalSteps - this.step);
    for (let i = 0; i < todo && !this.solver.converged; i++) {
      await this.solver.iterate();
      this.step++;
    }
    const metrics = await this.readMetrics();
    return {
      step: this.step,
      metrics,
      done: this.solver.converged || this.step >= this.totalSteps,
    };
  }

  private async readMetrics(): Promise<Record<string, number>> {
    const { tf, data } = this;
    const d = data.d;
    const { w: wT, zDN } = this.solver;
    const packed = tf.tidy(() => recoveryPack(tf, wT, zDN, this.sND, nllDataTerm(tf, wT, zDN)));
    const buf = await packed.data();
    packed.dispose();
    const w = mat(d, d, Float64Array.from(buf.subarray(0, d * d)));
    const corrLT = mat(d, d, Float64Array.from(buf.subarray(d * d, 2 * d * d))); // [learned, true]
    const nll = buf[2 * d * d] - logAbsDet(w);
    const corrTL = transpose(corrLT);
    const matching = mccFromCorrelation(corrTL);
    const nonGauss = data.kinds.map((k, i) => (k === 'gaussian' ? -1 : i)).filter((i) => i >= 0);
    const mccNonGauss = nonGauss.length
      ? nonGauss.reduce((acc, i) => acc + matching.matchedCorr[i], 0) / nonGauss.length
      : NaN;
    const metrics = {
      'loss/nll': nll,
      'metric/amari': amariDistance(matmul(w, this.solver.k), data.a),
      'metric/mcc': matching.mcc,
      'metric/mcc_nongauss': mccNonGauss,
      'metric/mcc_chance': this.chance,
    };
    this.last = { w, matching, corrTL, metrics };
    return metrics;
  }

  /** The current unmixing in observation space, W K (rows are recovered sources). */
  unmixing(): Mat {
    if (!this.last)
      throw new Error('unmixing(): expected a run that has advanced at least once, got none');
    return matmul(this.last.w, this.solver.k);
  }

  private recovered(rows: number): Float64Array {
    return this.solver.recover(this.unmixing(), this.data.x, rows);
  }

  async views(limits: ViewLimits): Promise<Views> {
    if (!this.last) await this.readMetrics();
    const { d, s, x } = this.data;
    const { matching, corrTL } = this.last!;
    const rows = Math.min(limits.points, this.data.n);
    const u = this.recovered(rows);
    const col = (arr: Float64Array, j: number) =>
      Array.from({ length: rows }, (_, i) => arr[i * d + j]);
    // Align each recovered source to its matched true source: permutation, sign and scale.
    const aligned = (t: number) => {
      const j = matching.perm[t];
      const raw = col(u, j);
      const sd = Math.sqrt(raw.reduce((a, v) => a + v * v, 0) / rows) || 1;
      const ref = Math.sqrt(col(s, t).reduce((a, v) => a + v * v, 0) / rows) || 1;
      return raw.map((v) => (matching.signs[t] * v * ref) / sd);
    };
    return {
      scatter: {
        kind: 'scatter-grid',
        panels: [
          { title: 'True sources', xLabel: 's0', yLabel: 's1', x: col(s, 0), y: col(s, 1) },
          { title: 'Observed mixtures', xLabel: 'x0', yLabel: 'x1', x: col(x, 0), y: col(x, 1) },
          {
            title: 'Recovered (matched, aligned)',
            xLabel: `u${matching.perm[0]} -> s0`,
            yLabel: `u${matching.perm[1]} -> s1`,
            x: aligned(0),
            y: aligned(1),
          },
        ],
      },
      heatmap: {
        kind: 'heatmap',
        z: Array.from({ length: d }, (_, t) =>
          Array.from({ length: d }, (_, c) => Math.abs(corrTL.data[t * d + matching.perm[c]])),
        ),
        yLabels: Array.from({ length: d }, (_, t) => `s${t} (${this.data.kinds[t]})`),
        xLabels: Array.from({ length: d }, (_, c) => `u${matching.perm[c]}`),
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    if (!this.last) await this.readMetrics();
    const { n, d, s } = this.data;
    return { 'metric/mcc_spearman': mcc(s, this.recovered(n), n, d, d, 'spearman').mcc };
  }

  dispose(): void {
    this.solver.dispose();
    this.sND.dispose();
  }
}

export const trainer: Trainer<IcaTable> = {
  create: (tf, params) => new IcaRun(tf, params),
  exportData: (params) => toTable(generate(params)),
};
