/**
 * The factor-model run: pretraining (the principal subspace of the unlabelled draw) once, then one
 * labelled draw per size per step, each fitted by least squares on the pretrained features, by
 * ridge on the raw x and by least squares on the true factors.
 */
import type { Mat } from '../core/linalg';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { RIDGE_LAMBDAS, type FactorParams, type FactorTable } from './factor-spec';
import {
  generate,
  LABELLED_SIZES,
  sample,
  toTable,
  type FactorModel,
  type Sample,
} from './factor-data';
import { leastSquares, mse, principalSubspace, project, ridgePath } from './factor-model';

type Learner = 'pretrained' | 'ridge' | 'ridge1' | 'oracle';
const LEARNERS: Learner[] = ['pretrained', 'ridge', 'ridge1', 'oracle'];
const NAMES: Record<Learner, string> = {
  pretrained: 'pretrained (PCA + least squares)',
  ridge: 'ridge on x, best penalty',
  ridge1: 'ridge on x, penalty 1',
  oracle: 'least squares on the true z',
};

function median(v: number[]): number {
  if (!v.length) return NaN;
  const s = v.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

class FactorRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly model: FactorModel;
  private readonly test: Sample;
  private readonly p: Mat;
  private readonly testFeatures: Float64Array;
  private readonly overlap: number;
  private readonly rng: Rng;
  /** Test MSEs per learner and labelled size, one per repetition. */
  private readonly errors = new Map<string, number[]>();
  private step = 0;

  constructor(private readonly params: FactorParams) {
    this.totalSteps = params.steps;
    const g = generate(params);
    this.model = g.model;
    this.test = g.test;
    const { dim, k } = g.model;
    // pretraining: the principal subspace of the unlabelled x.
    this.p = principalSubspace(g.unlabelled.x, g.unlabelled.n, dim, k);
    this.testFeatures = project(g.test.x, g.test.n, this.p);
    const u = g.model.basis;
    let o = 0;
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let v = 0;
        for (let i = 0; i < dim; i++) v += this.p.data[i * k + a] * u.data[i * k + b];
        o += v * v;
      }
    this.overlap = o / k;
    this.rng = new Rng(params.seed).fork('labelled');
    // The first repetition before the first report: with no labelled draw there is no estimate.
    this.repeat();
  }

  private repeat(): void {
    for (const n of LABELLED_SIZES) this.fit(n);
    this.step++;
  }

  private record(learner: Learner, n: number, value: number): void {
    const key = `${learner}/${n}`;
    if (!this.errors.has(key)) this.errors.set(key, []);
    this.errors.get(key)!.push(value);
  }

  private med(learner: Learner, n: number): number {
    return median(this.errors.get(`${learner}/${n}`) ?? []);
  }

  /** One labelled draw of size n, fitted by every learner, scored on the test set. */
  private fit(n: number): void {
    const { dim, k } = this.model;
    const s = sample(this.model, this.params, n, this.rng);
    const features = project(s.x, n, this.p);
    this.record(
      'pretrained',
      n,
      mse(this.testFeatures, leastSquares(features, s.y, k), this.test.y),
    );
    const ridge = ridgePath(s.x, s.y, dim, RIDGE_LAMBDAS).map((w) =>
      mse(this.test.x, w, this.test.y),
    );
    this.record('ridge', n, Math.min(...ridge));
    this.record('ridge1', n, ridge[RIDGE_LAMBDAS.indexOf(1)]);
    this.record('oracle', n, mse(this.test.z, leastSquares(s.z, s.y, k), this.test.y));
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.repeat();
    return {
      step: this.step,
      metrics: {
        'metric/pretrained_20': this.med('pretrained', 20),
        'metric/ridge_20': this.med('ridge', 20),
        'metric/oracle_20': this.med('oracle', 20),
        'metric/ratio_20': this.med('pretrained', 20) / this.med('ridge', 20),
        'metric/ratio_200': this.med('pretrained', 200) / this.med('ridge', 200),
        'metric/subspace_overlap': this.overlap,
      },
      done: this.step >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
    if (!this.step) return {};
    return {
      sizes: {
        kind: 'lines',
        x: [...LABELLED_SIZES],
        series: LEARNERS.map((l) => ({
          name: NAMES[l],
          y: LABELLED_SIZES.map((n) => this.med(l, n)),
        })),
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<FactorTable> = {
  create: (_tf, params) => new FactorRun(params),
  exportData: (params) => toTable(params),
};
