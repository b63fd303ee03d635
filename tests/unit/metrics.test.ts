import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../experiments/core/rng';
import { amariDistance, chanceMcc, correlationMatrix, linearR2, mcc, spearmanMatrix } from '../../experiments/core/metrics';
import { linearSumAssignment } from '../../experiments/core/assignment';
import { inv, mat, type Mat } from '../../experiments/core/linalg';
import { randomWithCondition } from '../../experiments/core/mixing';
import { sample } from '../../experiments/core/distributions';

const ref = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reference.json'), 'utf8'));
const fromRows = (rows: number[][]): Mat => mat(rows.length, rows[0].length, Float64Array.from(rows.flat()));

function sources(n: number, d: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const s = new Float64Array(n * d);
  for (let j = 0; j < d; j++) sample('laplace', rng, n).forEach((v, i) => (s[i * d + j] = v));
  return s;
}

describe('MCC', () => {
  const n = 2000;
  const d = 4;
  const s = sources(n, d, 1);
  it('is 1 for identical data', () => {
    expect(mcc(s, s, n, d, d).mcc).toBeCloseTo(1, 12);
  });
  it('sees through permutation, sign and scale, and reports them', () => {
    const perm = [2, 0, 3, 1]; // learned column j holds true column perm[j]
    const scale = [-3, 0.5, 2, -0.1];
    const learned = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) learned[i * d + j] = scale[j] * s[i * d + perm[j]];
    const m = mcc(s, learned, n, d, d);
    expect(m.mcc).toBeCloseTo(1, 12);
    expect(Array.from(m.perm)).toEqual([1, 3, 0, 2]);
    expect(Array.from(m.signs)).toEqual([1, -1, -1, 1]);
  });
  it('is small for independent data', () => {
    expect(mcc(s, sources(n, d, 2), n, d, d).mcc).toBeLessThan(0.06);
  });
  it('Spearman is invariant to monotone maps where Pearson is not', () => {
    const warped = s.map((v) => Math.exp(2 * v));
    expect(mcc(s, warped, n, d, d, 'spearman').mcc).toBeCloseTo(1, 12);
    expect(mcc(s, warped, n, d, d, 'pearson').mcc).toBeLessThan(0.9);
  });
  it('gives 0, not NaN, for a constant column', () => {
    expect(correlationMatrix(Float64Array.from([1, 2, 3]), Float64Array.from([5, 5, 5]), 3, 1, 1).data[0]).toBe(0);
  });
  it('matches SciPy on a fixture (Pearson, Spearman, matched MCC)', () => {
    const c = ref.metrics.corr;
    const a = Float64Array.from(c.a.flat());
    const b = Float64Array.from(c.b.flat());
    const p = correlationMatrix(a, b, 200, 4, 4);
    const sp = spearmanMatrix(a, b, 200, 4, 4);
    c.pearson.flat().forEach((v: number, i: number) => expect(p.data[i]).toBeCloseTo(v, 9));
    c.spearman.flat().forEach((v: number, i: number) => expect(sp.data[i]).toBeCloseTo(v, 9));
    expect(mcc(a, b, 200, 4, 4).mcc).toBeCloseTo(c.mcc_pearson, 9);
    expect(mcc(a, b, 200, 4, 4, 'spearman').mcc).toBeCloseTo(c.mcc_spearman, 9);
  });
});

describe('Amari distance', () => {
  const a = randomWithCondition(5, 10, new Rng(3));
  it('is 0 for the true inverse and for any scaled permutation of it', () => {
    expect(amariDistance(inv(a), a)).toBeCloseTo(0, 12);
    const w = inv(a);
    const pw = mat(5, 5);
    const order = [3, 1, 4, 0, 2];
    order.forEach((src, dst) => {
      for (let c = 0; c < 5; c++) pw.data[dst * 5 + c] = (dst % 2 ? -2.5 : 0.3) * w.data[src * 5 + c];
    });
    expect(amariDistance(pw, a)).toBeCloseTo(0, 12);
  });
  it('has the hand-computed value on a 2x2 case', () => {
    // P = [[1, 0.5], [0.25, 1]]: rows (0.5 + 0.25), columns (0.25 + 0.5), over 2n(n-1) = 4.
    const p = mat(2, 2, Float64Array.from([1, 0.5, 0.25, 1]));
    expect(amariDistance(p, mat(2, 2, Float64Array.from([1, 0, 0, 1])))).toBeCloseTo(0.375, 15);
  });
  it('reaches 1 for the all-equal matrix and matches the Python fixture', () => {
    expect(amariDistance(mat(3, 3, new Float64Array(9).fill(1)), mat(3, 3, Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1])))).toBeCloseTo(1, 15);
    expect(amariDistance(fromRows(ref.metrics.amari.W), fromRows(ref.metrics.amari.A))).toBeCloseTo(ref.metrics.amari.value, 12);
  });
});

describe('linear R^2 (held out)', () => {
  const n = 2000;
  const s = sources(n, 3, 4);
  it('is ~1 for an invertible linear map and ~0 for independent noise', () => {
    const a = randomWithCondition(3, 5, new Rng(5));
    const x = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) x[i * 3 + r] += a.data[r * 3 + c] * s[i * 3 + c];
    expect(linearR2(x, s, n, 3, 3)).toBeCloseTo(1, 9);
    expect(linearR2(sources(n, 3, 6), s, n, 3, 3)).toBeLessThan(0.01);
  });
});

describe('chance MCC of a random rotation', () => {
  // Reference values: ../shared/reference-setups.md (about 0.90, 0.81, 0.73, 0.59).
  for (const [d, expected] of [[2, 0.9], [3, 0.81], [5, 0.73], [10, 0.59]] as const) {
    it(`d=${d} is about ${expected}`, () => expect(Math.abs(chanceMcc(d, new Rng(d)) - expected)).toBeLessThan(0.03));
  }
});

describe('linear sum assignment', () => {
  it('solves a hand case', () => {
    expect(Array.from(linearSumAssignment(mat(3, 3, Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]))))).toEqual([1, 0, 2]);
  });
  it('matches SciPy on square and rectangular fixtures', () => {
    for (const f of ref.assignment) {
      const cost = fromRows(f.cost);
      const cols = linearSumAssignment(cost);
      const total = Array.from(cols).reduce((acc, c, r) => acc + cost.data[r * cost.cols + c], 0);
      expect(total).toBeCloseTo(f.total, 9);
      expect(Array.from(cols)).toEqual(f.cols);
    }
  });
  it('refuses more rows than columns', () => {
    expect(() => linearSumAssignment(mat(3, 2))).toThrow('expected rows <= columns, got 3x2');
  });
});
