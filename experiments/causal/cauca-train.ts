/**
 * The CauCA run: Adam on the flow's negative log-likelihood over balanced batches (every
 * environment the same share, as the authors' multi-environment data loader), scoring f(x) on
 * the test set against the true latents after every report.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { mcc } from '../core/metrics';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, ViewLimits, Views } from '../core/spec';
import type { CaucaParams, CaucaTable } from './cauca-spec';
import { generate, toTable, type CaucaData } from './cauca-data';
import { CaucaModel, Flow, NaiveBase, ScmBase } from './cauca-model';

class CaucaRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly data: CaucaData;
  private readonly model: CaucaModel;
  private readonly rng: Rng;
  private readonly perEnv: number;
  private readonly testX: TF.Tensor2D;
  private readonly rawMcc: number;
  private step = 0;
  private terms: Record<string, number> = {};
  private latent?: Float32Array; // f(x_test) [n_test, d]

  constructor(
    private readonly tf: typeof TF,
    private readonly params: CaucaParams,
  ) {
    this.data = generate(params);
    const { d, targets, test } = this.data;
    this.totalSteps = params.steps;
    this.perEnv = Math.max(1, Math.floor(params.batch / targets.length));
    const init = new Rng(params.seed).fork('init');
    const flow = new Flow(tf, { d, couplings: params.couplings, hidden: params.hidden }, init);
    const base =
      params.base === 'scm'
        ? new ScmBase(tf, { d, targets, perEnv: this.perEnv }, init.fork('base'))
        : new NaiveBase(tf, d);
    this.model = new CaucaModel(tf, flow, base, {
      ...flow.opts,
      lr: params.lr,
      steps: params.steps,
    });
    this.rng = new Rng(params.seed).fork('batches');
    this.testX = tf.tensor2d(Float32Array.from(test.x), [test.x.length / d, d]);
    this.rawMcc = mcc(test.z, test.x, test.x.length / d, d, d).mcc;
  }

  /** data: `perEnv` training rows of every environment, drawn with replacement, grouped by environment. */
  private batch(): TF.Tensor2D {
    const { d, targets, train } = this.data;
    const rows = new Float32Array(targets.length * this.perEnv * d);
    let r = 0;
    for (let e = 0; e < targets.length; e++)
      for (let i = 0; i < this.perEnv; i++, r++) {
        const j = e * train.perEnv + this.rng.int(train.perEnv);
        for (let c = 0; c < d; c++) rows[r * d + c] = train.x[j * d + c];
      }
    return this.tf.tensor2d(rows, [targets.length * this.perEnv, d]);
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    let terms: TF.Tensor1D | undefined;
    for (let s = 0; s < todo; s++) {
      const x = this.batch(); // data [E perEnv, d]
      const last = s === todo - 1;
      const t = this.model.trainStep(x, last); // forward, loss, update
      x.dispose();
      if (t) terms = t;
      this.step++;
    }
    // log (before the first step: the loss of one batch, without an update)
    if (!terms && this.step === 0) {
      const x = this.batch();
      terms = this.model.terms(x);
      x.dispose();
    }
    if (terms) {
      const [nll, base, logdet] = await terms.data();
      terms.dispose();
      this.terms = { 'loss/nll': nll, 'loss/base': base, 'loss/logdet': logdet };
    }
    const z = this.model.encode(this.testX);
    this.latent = (await z.data()) as Float32Array;
    z.dispose();
    return { step: this.step, done: this.step >= this.totalSteps, metrics: await this.scores() };
  }

  private async scores(): Promise<Record<string, number>> {
    const { d, test, edges } = this.data;
    const n = test.x.length / d;
    const m = this.latent!.every(Number.isFinite) ? mcc(test.z, this.latent!, n, d, d).mcc : NaN;
    const learnt = await this.model.base.edges();
    return {
      ...this.terms,
      'metric/mcc': m,
      'metric/mcc_raw': this.rawMcc,
      'metric/mcc_over_raw': m - this.rawMcc,
      'metric/edge_error': learnt ? Math.abs(Math.abs(learnt[0]) - Math.abs(edges[1])) : NaN,
    };
  }

  async views(limits: ViewLimits): Promise<Views> {
    if (!this.latent) return {};
    const { d, test } = this.data;
    const n = test.x.length / d;
    const match = mcc(test.z, this.latent, n, d, d);
    // every environment's share of the test rows, thinned evenly
    const stride = Math.max(1, Math.ceil(n / limits.points));
    const rows = Array.from({ length: Math.floor(n / stride) }, (_, i) => i * stride);
    const col = (a: ArrayLike<number>, j: number, sign = 1) => {
      const v = rows.map((i) => sign * a[i * d + j]);
      const mean = v.reduce((x, y) => x + y, 0) / v.length;
      const sd = Math.sqrt(v.reduce((x, y) => x + (y - mean) ** 2, 0) / v.length) || 1;
      return v.map((x) => (x - mean) / sd);
    };
    return {
      matched: {
        kind: 'scatter-grid',
        panels: Array.from({ length: d }, (_, i) => ({
          title: `z${i} vs learned ${match.perm[i]}`,
          xLabel: `true z${i}`,
          yLabel: `learned ${match.perm[i]}${match.signs[i] < 0 ? ' (sign flipped)' : ''}`,
          x: col(test.z, i),
          y: col(this.latent!, match.perm[i], match.signs[i]),
        })),
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    this.model.dispose();
    this.testX.dispose();
  }
}

export const trainer: Trainer<CaucaTable> = {
  create: (tf, params) => new CaucaRun(tf, params),
  exportData: (params) => toTable(generate(params)),
};
