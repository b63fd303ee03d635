import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import {
  amariDistance,
  chanceMcc,
  correlationMatrix,
  linearR2,
  linearR2PerDim,
  mcc,
  mccFromCorrelation,
  rankColumns,
} from '../../experiments/core/metrics';
import { identity, inv, mat } from '../../experiments/core/linalg';
import { randomWithCondition } from '../../experiments/core/mixing';
import { sample } from '../../experiments/core/distributions';

function sources(n: number, d: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const s = new Float64Array(n * d);
  for (let j = 0; j < d; j++) sample('laplace', rng, n).forEach((v, i) => (s[i * d + j] = v));
  return s;
}

describe('correlation matrices', () => {
  it('Pearson on a hand case: [da, db] layout, exact +-1 for affine columns', () => {
    // a = (t, -t), b = (2t + 1, t^2, t) for t = 0..3
    const t = [0, 1, 2, 3];
    const a = Float64Array.from(t.flatMap((v) => [v, -v]));
    const b = Float64Array.from(t.flatMap((v) => [2 * v + 1, v * v, v]));
    const c = correlationMatrix(a, b, 4, 2, 3);
    expect([c.rows, c.cols]).toEqual([2, 3]);
    expect(c.data[0]).toBeCloseTo(1, 15);
    expect(c.data[2]).toBeCloseTo(1, 15);
    expect(c.data[3]).toBeCloseTo(-1, 15);
    // corr(t, t^2) over t = 0..3: sum of centred products 15, sums of squares 5 and 49.
    expect(c.data[1]).toBeCloseTo(15 / Math.sqrt(5 * 49), 14);
    expect(c.data[4]).toBeCloseTo(-c.data[1], 15);
  });
  it('gives exactly 0, not NaN, for a constant column (even when its mean rounds)', () => {
    expect(
      correlationMatrix(Float64Array.from([1, 2, 3]), Float64Array.from([5, 5, 5]), 3, 1, 1)
        .data[0],
    ).toBe(0);
    const b = Float64Array.from({ length: 7 }, (_, i) => Math.sin(i));
    expect(correlationMatrix(new Float64Array(7).fill(0.1), b, 7, 1, 1).data[0]).toBe(0);
  });
  it('accepts Float32Array input', () => {
    const a = Float32Array.from([1, 2, 3, 4]);
    expect(
      correlationMatrix(a, Float64Array.from([2, 4, 6, 8.5]), 4, 1, 1).data[0],
    ).toBeGreaterThan(0.99);
  });
  it('refuses inputs whose length does not match the shape', () => {
    expect(() => correlationMatrix(new Float64Array(5), new Float64Array(6), 3, 2, 2)).toThrow(
      'correlationMatrix: expected 3x2 and 3x2 values, got 5 and 6',
    );
  });
  it('ranks with average ranks for ties', () => {
    // column 0: 10, 30, 20, 20 -> 1, 4, 2.5, 2.5; column 1: 5, 5, 5, 1 -> 3, 3, 3, 1
    const x = Float64Array.from([10, 5, 30, 5, 20, 5, 20, 1]);
    expect(Array.from(rankColumns(x, 4, 2))).toEqual([1, 3, 4, 3, 2.5, 3, 2.5, 1]);
  });
});

describe('MCC', () => {
  const n = 2000;
  const d = 4;
  const s = sources(n, d, 1);
  it('is 1 for identical data', () => {
    const m = mcc(s, s, n, d, d);
    expect(m.mcc).toBeCloseTo(1, 12);
    expect(Array.from(m.perm)).toEqual([0, 1, 2, 3]);
  });
  it('sees through permutation, sign and scale, and reports them', () => {
    const perm = [2, 0, 3, 1]; // learned column j holds true column perm[j]
    const scale = [-3, 0.5, 2, -0.1];
    const learned = new Float64Array(n * d);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) learned[i * d + j] = scale[j] * s[i * d + perm[j]];
    const m = mcc(s, learned, n, d, d);
    expect(m.mcc).toBeCloseTo(1, 12);
    expect(Array.from(m.perm)).toEqual([1, 3, 0, 2]);
    expect(Array.from(m.signs)).toEqual([1, -1, -1, 1]);
    for (const v of m.matchedCorr) expect(v).toBeCloseTo(1, 12);
  });
  it('matches true dimensions into a wider learned code, ignoring the extra columns', () => {
    const learned = new Float64Array(n * 6);
    const noise = sources(n, 2, 9);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) learned[i * 6 + (5 - j)] = s[i * d + j];
      learned[i * 6 + 0] = noise[i * 2];
      learned[i * 6 + 1] = noise[i * 2 + 1];
    }
    const m = mcc(s, learned, n, d, 6);
    expect(m.mcc).toBeCloseTo(1, 12);
    expect(Array.from(m.perm)).toEqual([5, 4, 3, 2]);
    expect(() => mcc(learned, s, n, 6, d)).toThrow(
      /expected at least as many learned \(4\) as true dimensions/,
    );
  });
  it('is small for independent data', () => {
    // |corr| of independent columns is about sqrt(2 / (pi n)) = 0.018; matching picks the largest.
    expect(mcc(s, sources(n, d, 2), n, d, d).mcc).toBeLessThan(0.06);
  });
  it('Spearman is invariant to monotone maps where Pearson is not', () => {
    const warped = s.map((v) => Math.exp(2 * v));
    expect(mcc(s, warped, n, d, d, 'spearman').mcc).toBeCloseTo(1, 12);
    expect(mcc(s, warped, n, d, d, 'pearson').mcc).toBeLessThan(0.9);
  });
  it('mccFromCorrelation takes the best matching, not the greedy one', () => {
    // Greedy on the largest entry takes (0, 0) = 0.9 then (1, 1) = 0.1: mean 0.5.
    // The optimum is (0, 1) + (1, 0) = 0.8 + 0.85: mean 0.825.
    const m = mccFromCorrelation(mat(2, 2, Float64Array.from([0.9, -0.8, 0.85, 0.1])));
    expect(m.mcc).toBeCloseTo(0.825, 15);
    expect(Array.from(m.perm)).toEqual([1, 0]);
    expect(Array.from(m.signs)).toEqual([-1, 1]);
  });
});

describe('Amari distance (classic, normalised to [0, 1])', () => {
  const a = randomWithCondition(5, 10, new Rng(3));
  it('is 0 for the true inverse and for any scaled permutation of it', () => {
    expect(amariDistance(inv(a), a)).toBeCloseTo(0, 12);
    const w = inv(a);
    const pw = mat(5, 5);
    const order = [3, 1, 4, 0, 2];
    order.forEach((src, dst) => {
      for (let c = 0; c < 5; c++)
        pw.data[dst * 5 + c] = (dst % 2 ? -2.5 : 0.3) * w.data[src * 5 + c];
    });
    expect(amariDistance(pw, a)).toBeCloseTo(0, 12);
  });
  it('has the hand-computed value on a 2x2 case', () => {
    // P = [[1, 0.5], [0.25, 1]]: rows (0.5 + 0.25), columns (0.25 + 0.5), over 2n(n-1) = 4.
    const p = mat(2, 2, Float64Array.from([1, 0.5, 0.25, 1]));
    expect(amariDistance(p, identity(2))).toBeCloseTo(0.375, 15);
    // Signs do not matter; W and A enter only through P = W A.
    expect(
      amariDistance(mat(2, 2, Float64Array.from([-1, 0.5, 0.25, -1])), identity(2)),
    ).toBeCloseTo(0.375, 15);
  });
  it('reaches 1 for the all-equal matrix; is 0 for n = 1; is scale-invariant', () => {
    expect(amariDistance(mat(3, 3, new Float64Array(9).fill(1)), identity(3))).toBeCloseTo(1, 15);
    expect(amariDistance(mat(1, 1, Float64Array.of(-4)), mat(1, 1, Float64Array.of(2)))).toBe(0);
    const w = mat(3, 3, Float64Array.from([1, 0.2, -0.1, 0.3, 2, 0, 0.5, 0.5, 1]));
    const w7 = mat(
      3,
      3,
      w.data.map((v) => 7 * v),
    );
    expect(amariDistance(w7, identity(3))).toBeCloseTo(amariDistance(w, identity(3)), 15);
  });
  it('refuses shapes whose product is not square', () => {
    expect(() => amariDistance(mat(2, 3), mat(2, 3))).toThrow(
      'amariDistance: expected W [n, m] and A [m, n], got 2x3 and 2x3',
    );
  });
});

describe('linear R^2 (held out)', () => {
  const n = 2000;
  const s = sources(n, 3, 4);
  it('is ~1 for an invertible affine map and ~0 or below for independent noise', () => {
    const a = randomWithCondition(3, 5, new Rng(5));
    const x = new Float64Array(n * 3);
    for (let i = 0; i < n; i++)
      for (let r = 0; r < 3; r++)
        for (let c = 0; c < 3; c++) x[i * 3 + r] += a.data[r * 3 + c] * s[i * 3 + c];
    for (let i = 0; i < n * 3; i++) x[i] += 10; // the intercept is fitted
    expect(linearR2(x, s, n, 3, 3)).toBeCloseTo(1, 9);
    expect(linearR2(sources(n, 3, 6), s, n, 3, 3)).toBeLessThan(0.01);
  });
  it('scores the mean over true dimensions (one recoverable, one not)', () => {
    // learned = (s0, noise); true = (s0, s1): R^2 about (1 + 0) / 2.
    const learned = new Float64Array(n * 2);
    const trueZ = new Float64Array(n * 2);
    const noise = sources(n, 1, 7);
    for (let i = 0; i < n; i++) {
      learned[i * 2] = s[i * 3];
      learned[i * 2 + 1] = noise[i];
      trueZ[i * 2] = s[i * 3];
      trueZ[i * 2 + 1] = s[i * 3 + 1];
    }
    expect(Math.abs(linearR2(learned, trueZ, n, 2, 2) - 0.5)).toBeLessThan(0.01);
    const perDim = linearR2PerDim(learned, trueZ, n, 2, 2);
    expect(perDim[0]).toBeCloseTo(1, 9);
    expect(Math.abs(perDim[1])).toBeLessThan(0.02);
  });
  it('survives a collapsed (constant) learned dimension', () => {
    const learned = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) learned[i * 2] = s[i * 3];
    const r2 = linearR2(learned, s, n, 2, 3);
    expect(Number.isFinite(r2)).toBe(true);
    expect(r2).toBeCloseTo(1 / 3, 1);
  });
  it('refuses too few rows or a bad train fraction', () => {
    expect(() => linearR2(new Float64Array(8), new Float64Array(4), 4, 2, 1)).toThrow(
      'linearR2: expected at least 3 training and 2 held-out rows, got 2 and 2',
    );
    expect(() => linearR2(new Float64Array(8), new Float64Array(4), 4, 2, 1, 1)).toThrow(
      'linearR2: expected a train fraction in (0, 1), got 1',
    );
  });
});

describe('chance MCC of a random rotation', () => {
  // Reference values of the expected MCC at these dimensions: about 0.90, 0.81, 0.73, 0.59.
  for (const [d, expected] of [
    [2, 0.9],
    [3, 0.81],
    [5, 0.73],
    [10, 0.59],
  ] as const) {
    it(`d=${d} is about ${expected}`, () =>
      expect(Math.abs(chanceMcc(d, new Rng(d)) - expected)).toBeLessThan(0.03));
  }
  it('d=2 matches the closed form E max(|cos t|, |sin t|) = 2 sqrt 2 / pi', () => {
    expect(Math.abs(chanceMcc(2, new Rng(77), 20_000) - (2 * Math.SQRT2) / Math.PI)).toBeLessThan(
      0.003,
    );
  });
  it('is 1 at d=1', () => {
    expect(chanceMcc(1, new Rng(1), 5)).toBe(1);
  });
});
