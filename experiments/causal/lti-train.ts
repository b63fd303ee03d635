/**
 * The LTI run: every environment's trajectory is read batch by batch into the moments; each batch
 * re-estimates A and the unmixing and scores the recovered controls against the true ones.
 */
import type { Mat } from '../core/linalg';
import { chanceMcc, correlationMatrix, mccFromCorrelation } from '../core/metrics';
import { Rng } from '../core/rng';
import type { Trainer, Views } from '../core/spec';
import type { LtiParams, LtiTable } from './lti-spec';
import { generate, toTable, type LtiData } from './lti-data';
import { LtiMoments } from './lti-model';
import { BatchedRun } from './batched';

class LtiRun extends BatchedRun {
  private readonly data: LtiData;
  private readonly moments: LtiMoments;
  private readonly chance: number;
  private corr: Mat | null = null;

  constructor(params: LtiParams) {
    const data = generate(params);
    super(params.steps, data.steps);
    this.data = data;
    this.moments = new LtiMoments(data.n, data.envs);
    this.chance = chanceMcc(data.n, new Rng(params.seed).fork('chance'));
    this.start();
  }

  /** data: transitions [from, to) of every environment's trajectory. */
  protected consume(from: number, to: number): void {
    const { n, envs, x } = this.data;
    for (let t = from; t < to; t++)
      for (let e = 0; e < envs; e++)
        this.moments.add(
          e,
          x[e].subarray(t * n, (t + 1) * n),
          x[e].subarray((t + 1) * n, (t + 2) * n),
        );
  }

  /** The true controls, the innovations and the recovered controls of every transition read so far. */
  protected metrics(): Record<string, number> {
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

  override async views(): Promise<Views> {
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
}

export const trainer: Trainer<LtiTable> = {
  create: (_tf, params) => new LtiRun(params),
  exportData: (params) => toTable(generate(params)),
};
