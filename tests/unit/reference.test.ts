/**
 * Our metrics and assignment against SciPy on stored data (tests/fixtures/reference.json, written
 * once by tests/fixtures/make_fixtures.py with Debian's scikit-learn and SciPy; no Python needed here).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  amariDistance,
  correlationMatrix,
  mcc,
  spearmanMatrix,
} from '../../experiments/core/metrics';
import { linearSumAssignment } from '../../experiments/core/assignment';
import { mat, type Mat } from '../../experiments/core/linalg';

interface Reference {
  assignment: { cost: number[][]; cols: number[]; total: number }[];
  metrics: {
    amari: { W: number[][]; A: number[][]; value: number };
    corr: {
      a: number[][];
      b: number[][];
      pearson: number[][];
      spearman: number[][];
      mcc_pearson: number;
      mcc_spearman: number;
    };
  };
  fastica: {
    X: number[][];
    S: number[][];
    A: number[][];
    runs: Record<
      'logcosh' | 'exp' | 'cube',
      { components: number[][]; mixing: number[][]; n_iter: number; amari: number; mcc: number }
    >;
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(
  readFileSync(path.join(here, '../fixtures/reference.json'), 'utf8'),
) as Reference;
const fromRows = (rows: number[][]): Mat =>
  mat(rows.length, rows[0].length, Float64Array.from(rows.flat()));
const TOL = 1e-9;

describe('scipy.optimize.linear_sum_assignment fixtures', () => {
  it('has square and rectangular cases', () => {
    expect(ref.assignment.map((f) => [f.cost.length, f.cost[0].length])).toEqual([
      [5, 5],
      [7, 7],
      [4, 6],
    ]);
  });
  for (const [k, f] of ref.assignment.entries()) {
    it(`case ${k} (${f.cost.length}x${f.cost[0].length}): same columns and total`, () => {
      const cost = fromRows(f.cost);
      const cols = linearSumAssignment(cost);
      expect(Array.from(cols)).toEqual(f.cols);
      const sum = Array.from(cols).reduce((acc, c, r) => acc + cost.data[r * cost.cols + c], 0);
      expect(Math.abs(sum - f.total)).toBeLessThan(TOL);
    });
  }
});

describe('metric fixtures (NumPy, scipy.stats.spearmanr)', () => {
  const c = ref.metrics.corr;
  const n = c.a.length;
  const a = Float64Array.from(c.a.flat());
  const b = Float64Array.from(c.b.flat());
  const expectMat = (got: Mat, want: number[][]) => {
    expect([got.rows, got.cols]).toEqual([want.length, want[0].length]);
    want.flat().forEach((v, i) => expect(Math.abs(got.data[i] - v)).toBeLessThan(TOL));
  };
  it('Amari distance of a random 5x5 W and A', () => {
    expect(
      Math.abs(
        amariDistance(fromRows(ref.metrics.amari.W), fromRows(ref.metrics.amari.A)) -
          ref.metrics.amari.value,
      ),
    ).toBeLessThan(TOL);
  });
  it('Pearson cross-correlation matrix [200, 4] x [200, 4]', () => {
    expect([n, c.a[0].length, c.b[0].length]).toEqual([200, 4, 4]);
    expectMat(correlationMatrix(a, b, n, 4, 4), c.pearson);
  });
  it('Spearman cross-correlation matrix', () => {
    expectMat(spearmanMatrix(a, b, n, 4, 4), c.spearman);
  });
  it('Hungarian-matched MCC, Pearson and Spearman', () => {
    expect(Math.abs(mcc(a, b, n, 4, 4).mcc - c.mcc_pearson)).toBeLessThan(TOL);
    expect(Math.abs(mcc(a, b, n, 4, 4, 'spearman').mcc - c.mcc_spearman)).toBeLessThan(TOL);
  });
});

describe('FastICA fixture shape (checked against our solver elsewhere)', () => {
  it('has X, S, A and the three scikit-learn runs', () => {
    const f = ref.fastica;
    expect([
      f.X.length,
      f.X[0].length,
      f.S.length,
      f.S[0].length,
      f.A.length,
      f.A[0].length,
    ]).toEqual([1000, 3, 1000, 3, 3, 3]);
    for (const fun of ['logcosh', 'exp', 'cube'] as const) {
      const r = f.runs[fun];
      expect([
        r.components.length,
        r.components[0].length,
        r.mixing.length,
        r.mixing[0].length,
      ]).toEqual([3, 3, 3, 3]);
      expect(r.n_iter).toBeGreaterThan(0);
      // The stored Amari value is ours: recompute it from the stored unmixing.
      expect(Math.abs(amariDistance(fromRows(r.components), fromRows(f.A)) - r.amari)).toBeLessThan(
        TOL,
      );
      expect(r.mcc).toBeGreaterThan(0.99);
    }
  });
});
