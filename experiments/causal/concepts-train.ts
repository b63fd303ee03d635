/**
 * The concept run: the environment classifier with one-direction heads, scored by how well each
 * head's projection w_e . f(x) reads out a true concept, against an affine read-out of raw x.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { correlationMatrix, linearR2 } from '../core/metrics';
import type { Trainer, ViewLimits, Views } from '../core/spec';
import type { ConceptsParams, ConceptsTable } from './concepts-spec';
import { generate, toTable, type ConceptsData } from './concepts-data';
import { EnvClassRun, type TestOutputs } from './envclass-run';

class ConceptsRun extends EnvClassRun {
  private readonly r2Raw: number;

  constructor(
    tf: typeof TF,
    p: ConceptsParams,
    private readonly data: ConceptsData = generate(p),
  ) {
    super(tf, data, { ...p, output: p.latents, head: 'concept' });
    const { d, concepts, testConcepts, testX } = data;
    this.r2Raw = linearR2(testX, testConcepts, testX.length / d, d, concepts);
  }

  /** For each concept, the head whose projection correlates best with it and that squared correlation. */
  private bestHeads(out: TestOutputs): { head: number; r2: number }[] {
    const { concepts: k, envs, testConcepts } = this.data;
    const n = testConcepts.length / k;
    const m = envs - 1;
    if (!out.projections.every(Number.isFinite))
      return Array.from({ length: k }, () => ({ head: 0, r2: NaN }));
    const corr = correlationMatrix(testConcepts, out.projections, n, k, m);
    return Array.from({ length: k }, (_, i) => {
      let best = { head: 0, r2: -1 };
      for (let e = 0; e < m; e++) {
        const r2 = corr.data[i * m + e] ** 2;
        if (r2 > best.r2) best = { head: e, r2 };
      }
      return best;
    });
  }

  protected scores(out: TestOutputs): Record<string, number> {
    const { d, concepts: k, testConcepts } = this.data;
    const best = this.bestHeads(out);
    const r2 = best.reduce((a, b) => a + b.r2, 0) / k;
    return {
      'metric/concept_r2': r2,
      'metric/concept_r2_f': linearR2(out.f, testConcepts, testConcepts.length / k, d, k),
      'metric/concept_r2_raw': this.r2Raw,
      'metric/concept_r2_over_raw': r2 - this.r2Raw,
    };
  }

  protected untrainedMetrics(u: Record<string, number>): Record<string, number> {
    return { 'metric/concept_r2_untrained': u['metric/concept_r2'] };
  }

  override async views(limits: ViewLimits): Promise<Views> {
    const out = this.latest;
    if (!out) return {};
    const { concepts: k, envs, testConcepts } = this.data;
    const m = envs - 1;
    const n = testConcepts.length / k;
    const rows = Array.from({ length: Math.min(n, limits.points) }, (_, i) => i);
    const standard = (v: number[]) => {
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) || 1;
      return v.map((x) => (x - mean) / sd);
    };
    const corr = correlationMatrix(testConcepts, out.projections, n, k, m);
    return {
      readout: {
        kind: 'scatter-grid',
        panels: this.bestHeads(out).map(({ head }, i) => {
          const sign = corr.data[i * m + head] < 0 ? -1 : 1;
          return {
            title: `c${i} vs head ${head + 1}`,
            xLabel: `true concept c${i}`,
            yLabel: `w_${head + 1} . f(x)${sign < 0 ? ' (sign flipped)' : ''}`,
            x: standard(rows.map((r) => testConcepts[r * k + i])),
            y: standard(rows.map((r) => sign * out.projections[r * m + head])),
          };
        }),
      },
    };
  }
}

export const trainer: Trainer<ConceptsTable> = {
  create: (tf, params) => new ConceptsRun(tf, params),
  exportData: (params) => toTable(generate(params)),
};
