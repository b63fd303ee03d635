/**
 * The interventional-CRL run: the environment classifier with low-rank quadratic heads, scored by
 * the held-out linear R^2 of the true latents from f(x), against the raw observations and the
 * untrained encoder.
 */
import { lstsq, mat } from '../core/linalg';
import { linearR2, linearR2PerDim } from '../core/metrics';
import type { Trainer, ViewLimits, Views } from '../core/spec';
import type { LinCrlParams, LinCrlTable } from './lincrl-spec';
import { generate, toTable, type LinCrlData } from './lincrl-data';
import { EnvClassRun, type TestOutputs } from './envclass-run';
import type * as TF from '@tensorflow/tfjs-core';

class LinCrlRun extends EnvClassRun {
  private readonly r2Raw: number;

  constructor(
    tf: typeof TF,
    p: LinCrlParams,
    private readonly data: LinCrlData = generate(p),
  ) {
    super(tf, data, { ...p, output: p.latents, head: 'low-rank' });
    const { d, testZ, testX } = data;
    this.r2Raw = linearR2(testX, testZ, testZ.length / d, d, d);
  }

  protected scores(out: TestOutputs): Record<string, number> {
    const { d, testZ } = this.data;
    const perDim = linearR2PerDim(out.f, testZ, testZ.length / d, d, d);
    const r2 = perDim.reduce((a, b) => a + b, 0) / d;
    return {
      'metric/r2': r2,
      'metric/r2_worst': Math.min(...perDim),
      'metric/r2_raw': this.r2Raw,
      'metric/r2_over_raw': r2 - this.r2Raw,
    };
  }

  protected untrainedMetrics(u: Record<string, number>): Record<string, number> {
    return { 'metric/r2_untrained': u['metric/r2'] };
  }

  override async views(limits: ViewLimits): Promise<Views> {
    const f = this.latest?.f;
    if (!f || !f.every(Number.isFinite)) return {};
    const { d, testZ } = this.data;
    const n = testZ.length / d;
    // the affine read-out z ~ [f, 1] C fitted on every test row: the view, not the score
    const design = mat(n, d + 1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) design.data[i * (d + 1) + j] = f[i * d + j];
      design.data[i * (d + 1) + d] = 1;
    }
    const coef = lstsq(design, mat(n, d, Float64Array.from(testZ)));
    const rows = Array.from({ length: Math.min(n, limits.points) }, (_, i) => i);
    return {
      fit: {
        kind: 'scatter-grid',
        panels: Array.from({ length: d }, (_, q) => ({
          title: `z${q}`,
          xLabel: `true z${q}`,
          yLabel: `linear read-out of f(x)`,
          x: rows.map((i) => testZ[i * d + q]),
          y: rows.map((i) => {
            let v = 0;
            for (let j = 0; j <= d; j++) v += design.data[i * (d + 1) + j] * coef.data[j * d + q];
            return v;
          }),
        })),
      },
    };
  }
}

export const trainer: Trainer<LinCrlTable> = {
  create: (tf, params) => new LinCrlRun(tf, params),
  exportData: (params) => toTable(generate(params)),
};
