/**
 * Our FastICA against scikit-learn's on the same data (fixture made once by
 * tests/fixtures/make_fixtures.py): the same unmixing up to permutation, sign and scale,
 * and the same recovery quality.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../browser/harness';
import { spec } from '../../experiments/ica/spec';
import { resolveParams } from '../../experiments/core/params';
import { IcaRun } from '../../experiments/ica/train';
import { mat, type Mat } from '../../experiments/core/linalg';
import { initNodeTf } from '../../experiments/core/tf-node';
import type { SourceKind } from '../../experiments/core/distributions';

interface SkRun {
  components: number[][];
  amari: number;
  mcc: number;
  n_iter: number;
}
const ref = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/reference.json'), 'utf8'))
  .fastica as {
  X: number[][];
  S: number[][];
  A: number[][];
  runs: Record<'logcosh' | 'exp' | 'cube', SkRun>;
};

const n = ref.X.length;
const d = ref.X[0].length;
const data = {
  n,
  d,
  kinds: ['laplace', 'uniform', 'laplace'] as SourceKind[],
  s: Float64Array.from(ref.S.flat()),
  x: Float64Array.from(ref.X.flat()),
  a: mat(d, d, Float64Array.from(ref.A.flat())),
};

/** Largest angle (degrees) between matched rows of two unmixing matrices, rows compared up to sign and scale. */
function worstRowAngle(ours: Mat, theirs: number[][]): number {
  const unit = (r: number[]) => {
    const norm = Math.hypot(...r);
    return r.map((v) => v / norm);
  };
  const a = Array.from({ length: d }, (_, i) =>
    unit(Array.from(ours.data.subarray(i * d, (i + 1) * d))),
  );
  const b = theirs.map(unit);
  let worst = 0;
  for (const row of b) {
    const best = Math.max(...a.map((r) => Math.abs(r.reduce((acc, v, k) => acc + v * row[k], 0))));
    worst = Math.max(worst, (Math.acos(Math.min(1, best)) * 180) / Math.PI);
  }
  return worst;
}

describe('FastICA matches scikit-learn on the same data', () => {
  expect(d).toBe(3);
  for (const contrast of ['logcosh', 'exp', 'cube'] as const) {
    it(`contrast ${contrast}`, async () => {
      const { tf } = await initNodeTf('wasm');
      const { params } = resolveParams(spec, 'laplace-fastica', {
        contrast,
        dim: d,
        samples: n,
        steps: 200,
        tol: 1e-4,
      });
      const run = new IcaRun(tf, params, data);
      try {
        let report = await run.advance(0);
        while (!report.done) report = await run.advance(10);
        const sk = ref.runs[contrast];
        expect(worstRowAngle(run.unmixing(), sk.components)).toBeLessThan(1.5);
        expect(report.metrics['metric/amari']).toBeCloseTo(sk.amari, 2);
        expect(Math.abs(report.metrics['metric/mcc'] - sk.mcc)).toBeLessThan(2e-3);
      } finally {
        run.dispose();
      }
    });
  }
});
