/**
 * Linear ICA run: whiten on the device, then FastICA fixed points (Hyvarinen 1999) or
 * extended-infomax natural-gradient steps (Amari, Cichocki & Yang 1996; Lee et al. 1999).
 * One `advance(k)` = k iterations, then one packed readback for the metrics.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import { covariance, logAbsDet, mat, matmul, symmetricDecorrelation, transpose, whiteningMatrix, type Mat } from '../core/linalg';
import { amariDistance, chanceMcc, mcc, mccFromCorrelation, type Matching } from '../core/metrics';
import type { ExperimentRun, Params, StepReport, Trainer, View } from '../core/spec';
import { generate, toTable, type IcaData } from './data';
import { fastIcaUpdate, infomaxGradient, nllDataTerm, recoveryPack, type Contrast } from './model';

const SCATTER_POINTS = 600;

export class IcaRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private converged = false;
  private readonly data: IcaData;
  private readonly k: Mat; // [d, d] whitening, z = K (x - mean)
  private readonly mean: Float64Array;
  private readonly zDN: TF.Tensor2D; // [d, n] whitened observations
  private readonly sND: TF.Tensor2D; // [n, d] standardised true sources
  private readonly w: TF.Variable<TF.Rank.R2>; // [d, d] unmixing in whitened space
  private readonly optimizer?: TF.Optimizer;
  private readonly chance: number;
  private last?: { w: Mat; matching: Matching; corrTL: Mat; metrics: Record<string, number> };

  /** `data` defaults to the seeded generator; tests pass reference data sets. */
  constructor(
    private readonly tf: typeof TF,
    private readonly params: Params,
    data: IcaData = generate(params),
  ) {
    this.totalSteps = params.steps as number;
    this.data = data;
    const { n, d } = data;
    const root = new Rng(params.seed as number);
    const { mean, cov } = covariance(data.x, n, d);
    this.mean = mean;
    this.k = whiteningMatrix(cov);
    this.chance = chanceMcc(d, root.fork('chance'));

    const xc = new Float32Array(n * d);
    const sStd = new Float32Array(n * d);
    const sCov = covariance(data.s, n, d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        xc[i * d + j] = data.x[i * d + j] - mean[j];
        sStd[i * d + j] = (data.s[i * d + j] - sCov.mean[j]) / Math.sqrt(sCov.cov.data[j * d + j] + 1e-300);
      }
    }
    // W starts at a random orthogonal matrix, as in scikit-learn's FastICA (w_init ~ N(0, 1), decorrelated).
    const init = root.fork('init');
    const w0 = symmetricDecorrelation(mat(d, d, Float64Array.from({ length: d * d }, () => init.normal())));
    this.zDN = tf.tidy(() => tf.matMul(tf.tensor2d(toF32(this.k.data), [d, d]), tf.tensor2d(xc, [n, d]), false, true)); // [d, n]
    this.sND = tf.tensor2d(sStd, [n, d]);
    const w0Tensor = tf.tensor2d(toF32(w0.data), [d, d]);
    this.w = tf.variable(w0Tensor, true, undefined, 'float32');
    w0Tensor.dispose();
    if (params.algorithm === 'infomax') {
      const lr = params.lr as number;
      this.optimizer = params.optimizer === 'adam' ? tf.train.adam(lr) : tf.train.sgd(lr);
    }
  }

  async advance(kSteps: number): Promise<StepReport> {
    const { tf } = this;
    const todo = Math.min(kSteps, this.totalSteps - this.step);
    for (let i = 0; i < todo && !this.converged; i++) {
      if (this.optimizer) {
        // update: W <- W - lr * (-[I - K tanh(u) u^T - u u^T] W), natural gradient (Lee et al. 1999, eq. 2.13)
        tf.tidy(() => {
          this.optimizer!.applyGradients({ [this.w.name]: infomaxGradient(tf, this.w, this.zDN) });
        });
      } else {
        await this.fastIcaIteration();
      }
      this.step++;
    }
    const metrics = await this.readMetrics();
    return { step: this.step, metrics, done: this.converged || this.step >= this.totalSteps };
  }

  /** One parallel FastICA iteration; the d x d decorrelation runs on the CPU (TF.js has no eig). */
  private async fastIcaIteration(): Promise<void> {
    const { tf } = this;
    const d = this.data.d;
    const wPlus = tf.tidy(() => fastIcaUpdate(tf, this.w, this.zDN, this.params.contrast as Contrast));
    const wPlusData = await wPlus.data();
    wPlus.dispose();
    const wOld = await this.w.data();
    const wNew = symmetricDecorrelation(mat(d, d, Float64Array.from(wPlusData)));
    // Convergence as in scikit-learn: max_i | |<w_new_i, w_old_i>| - 1 |.
    let lim = 0;
    for (let r = 0; r < d; r++) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += wNew.data[r * d + c] * wOld[r * d + c];
      lim = Math.max(lim, Math.abs(Math.abs(dot) - 1));
    }
    tf.tidy(() => this.w.assign(tf.tensor2d(toF32(wNew.data), [d, d])));
    if (lim < (this.params.tol as number)) this.converged = true;
  }

  private async readMetrics(): Promise<Record<string, number>> {
    const { tf, data } = this;
    const d = data.d;
    const packed = tf.tidy(() => recoveryPack(tf, this.w, this.zDN, this.sND, nllDataTerm(tf, this.w, this.zDN)));
    const buf = await packed.data();
    packed.dispose();
    const w = mat(d, d, Float64Array.from(buf.subarray(0, d * d)));
    const corrLT = mat(d, d, Float64Array.from(buf.subarray(d * d, 2 * d * d))); // [learned, true]
    const nll = buf[2 * d * d] - logAbsDet(w);
    const corrTL = transpose(corrLT);
    const matching = mccFromCorrelation(corrTL);
    const nonGauss = data.kinds.map((k, i) => (k === 'gaussian' ? -1 : i)).filter((i) => i >= 0);
    const mccNonGauss = nonGauss.length ? nonGauss.reduce((acc, i) => acc + matching.matchedCorr[i], 0) / nonGauss.length : NaN;
    const metrics = {
      'loss/nll': nll,
      'metric/amari': amariDistance(matmul(w, this.k), data.a),
      'metric/mcc': matching.mcc,
      'metric/mcc_nongauss': mccNonGauss,
      'metric/mcc_chance': this.chance,
    };
    this.last = { w, matching, corrTL, metrics };
    return metrics;
  }

  /** The current unmixing in observation space, W K (rows are recovered sources). */
  unmixing(): Mat {
    if (!this.last) throw new Error('unmixing(): expected a run that has advanced at least once, got none');
    return matmul(this.last.w, this.k);
  }

  /** Recovered sources u = W K (x - mean) for the first `rows` samples, [rows, d]. */
  private recovered(rows: number): Float64Array {
    const { d, x } = this.data;
    const wt = this.unmixing();
    const u = new Float64Array(rows * d);
    for (let i = 0; i < rows; i++) {
      for (let r = 0; r < d; r++) {
        let acc = 0;
        for (let c = 0; c < d; c++) acc += wt.data[r * d + c] * (x[i * d + c] - this.mean[c]);
        u[i * d + r] = acc;
      }
    }
    return u;
  }

  async views(): Promise<View[]> {
    if (!this.last) await this.readMetrics();
    const { d, s, x } = this.data;
    const { matching, corrTL } = this.last!;
    const rows = Math.min(SCATTER_POINTS, this.data.n);
    const u = this.recovered(rows);
    const col = (arr: Float64Array, j: number) => Array.from({ length: rows }, (_, i) => arr[i * d + j]);
    // Align each recovered source to its matched true source: permutation, sign and scale.
    const aligned = (t: number) => {
      const j = matching.perm[t];
      const raw = col(u, j);
      const sd = Math.sqrt(raw.reduce((a, v) => a + v * v, 0) / rows) || 1;
      const ref = Math.sqrt(col(s, t).reduce((a, v) => a + v * v, 0) / rows) || 1;
      return raw.map((v) => (matching.signs[t] * v * ref) / sd);
    };
    const scatter: View = {
      kind: 'scatter-grid',
      id: 'scatter',
      title: 'True sources, mixtures, recovered sources',
      panels: [
        { title: 'True sources', xLabel: 's0', yLabel: 's1', x: col(s, 0), y: col(s, 1) },
        { title: 'Observed mixtures', xLabel: 'x0', yLabel: 'x1', x: col(x, 0), y: col(x, 1) },
        { title: 'Recovered (matched, aligned)', xLabel: `u${matching.perm[0]} -> s0`, yLabel: `u${matching.perm[1]} -> s1`, x: aligned(0), y: aligned(1) },
      ],
    };
    const heat: View = {
      kind: 'heatmap',
      id: 'heatmap',
      title: '|correlation|: true vs recovered',
      z: Array.from({ length: d }, (_, t) => Array.from({ length: d }, (_, c) => Math.abs(corrTL.data[t * d + matching.perm[c]]))),
      yLabels: Array.from({ length: d }, (_, t) => `s${t} (${this.data.kinds[t]})`),
      xLabels: Array.from({ length: d }, (_, c) => `u${matching.perm[c]}`),
      zRange: [0, 1],
      xTitle: 'recovered, in matched order',
      yTitle: 'true source',
    };
    return [scatter, heat];
  }

  async finalMetrics(): Promise<Record<string, number>> {
    if (!this.last) await this.readMetrics();
    const { n, d, s } = this.data;
    return { 'metric/mcc_spearman': mcc(s, this.recovered(n), n, d, d, 'spearman').mcc };
  }

  dispose(): void {
    this.zDN.dispose();
    this.sND.dispose();
    this.w.dispose();
    this.optimizer?.dispose();
  }
}

function toF32(a: Float64Array): Float32Array {
  return Float32Array.from(a);
}

export const trainer: Trainer = {
  create: (tf, params) => new IcaRun(tf, params),
  exportData: (params) => toTable(generate(params)),
};
