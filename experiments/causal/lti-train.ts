/**
 * The LTI run: every environment's trajectory is read batch by batch into the moments; each batch
 * re-estimates A and the unmixing and scores the recovered controls against the true ones.
 */
import type { Mat } from '../core/linalg';
import { chanceMcc, correlationMatrix, mccFromCorrelation } from '../core/metrics';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { LtiParams, LtiTable } from './lti-spec';
import { generate, toTable, type LtiData } from './lti-data';
import { LtiMoments } from './lti-model';

class LtiRun implements ExperimentRun {
  readonly totalSteps: number;
  private step = 0;
  private read = 0;
  private readonly data: LtiData;
  private readonly moments: LtiMoments;
  private readonly chance: number;
  private corr: Mat | null = null;

  constructor(params: LtiParams) {
    this.totalSteps = params.steps;
    this.data = generate(params);
    this.moments = new LtiMoments(this.data.n, this.data.envs);
    this.chance = chanceMcc(this.data.n, new Rng(params.seed).fork('chance'));
    // The first batch is read before the first report: with no transition there is no estimate.
    this.readBatch();
  }

  /** data: the next stretch of every environment's trajectory. */
  private readBatch(): void {
    const { n, envs, steps, x } = this.data;
    const end = Math.round(((this.step + 1) * steps) / this.totalSteps);
    for (; this.read < end; this.read++)
      for (let e = 0; e < envs; e++)
        this.moments.add(
          e,
          x[e].subarray(this.read * n, (this.read + 1) * n),
          x[e].subarray((this.read + 1) * n, (this.read + 2) * n),
        );
    this.step++;
  }

  /** The true controls, the innovations and the recovered controls of every transition read so far. */
  private score(): Record<string, number> {
    const { n, envs, x, u, a: trueA } = this.data;
    let a: Mat;
    let w: Mat;
    try {
      a = this.moments.transition();
      w = this.moments.unmixing(a);
    } catch {
      return {
        'metric/mcc': NaN,
        'metric/mcc_raw': NaN,
        'metric/mcc_chance': this.chance,
        'metric/a_error': NaN,
      };
    }
    const rows = envs * this.read;
    const truth = new Float64Array(rows * n);
    const innov = new Float64Array(rows * n);
    let r = 0;
    for (let e = 0; e < envs; e++)
      for (let t = 0; t < this.read; t++, r++)
        for (let i = 0; i < n; i++) {
          let v = x[e][(t + 1) * n + i];
          for (let j = 0; j < n; j++) v -= a.data[i * n + j] * x[e][t * n + j];
          innov[r * n + i] = v;
          truth[r * n + i] = u[e][t * n + i];
        }
    const recovered = new Float64Array(rows * n);
    for (let k = 0; k < rows; k++)
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += w.data[i * n + j] * innov[k * n + j];
        recovered[k * n + i] = v;
      }
    this.corr = correlationMatrix(truth, recovered, rows, n, n);
    let aErr = 0;
    for (let k = 0; k < n * n; k++) aErr = Math.max(aErr, Math.abs(a.data[k] - trueA[k]));
    return {
      'metric/mcc': mccFromCorrelation(this.corr).mcc,
      'metric/mcc_raw': mccFromCorrelation(correlationMatrix(truth, innov, rows, n, n)).mcc,
      'metric/mcc_chance': this.chance,
      'metric/a_error': aErr,
    };
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.readBatch();
    return { step: this.step, metrics: this.score(), done: this.step >= this.totalSteps };
  }

  async views(): Promise<Views> {
    const n = this.data.n;
    if (!this.corr) return {};
    const { perm } = mccFromCorrelation(this.corr);
    const names = (p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    return {
      matching: {
        kind: 'heatmap',
        xLabels: Array.from(perm, (j) => `u_hat${j}`),
        yLabels: names('u'),
        z: Array.from({ length: n }, (_, i) =>
          Array.from(perm, (j) => Math.abs(this.corr!.data[i * n + j])),
        ),
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<LtiTable> = {
  create: (_tf, params) => new LtiRun(params),
  exportData: (params) => toTable(generate(params)),
};
