import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import {
  conditionNumber,
  identity,
  mat,
  matmul,
  svd,
  transpose,
  type Mat,
} from '../../experiments/core/linalg';
import { mixSamples, randomOrthogonal, randomWithCondition } from '../../experiments/core/mixing';

const close = (a: Mat, b: Mat, tol: number) => {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  for (let i = 0; i < a.data.length; i++) expect(Math.abs(a.data[i] - b.data[i])).toBeLessThan(tol);
};

describe('randomOrthogonal', () => {
  it('Q Q^T = Q^T Q = I', () => {
    for (const n of [1, 2, 6, 20]) {
      const q = randomOrthogonal(n, new Rng(n));
      close(matmul(q, transpose(q)), identity(n), 1e-12);
      close(matmul(transpose(q), q), identity(n), 1e-12);
    }
  });
  it('is Haar: entries have mean 0 and variance 1/n (a QR without the sign fix biases Q_00)', () => {
    const rng = new Rng(2);
    const n = 3;
    const trials = 4000;
    let m00 = 0;
    let m12 = 0;
    let v00 = 0;
    for (let t = 0; t < trials; t++) {
      const q = randomOrthogonal(n, rng);
      m00 += q.data[0];
      m12 += q.data[1 * n + 2];
      v00 += q.data[0] ** 2;
    }
    // Standard error of each mean is sqrt(1/3 / 4000) = 0.009.
    expect(Math.abs(m00 / trials)).toBeLessThan(0.04);
    expect(Math.abs(m12 / trials)).toBeLessThan(0.04);
    expect(Math.abs(v00 / trials - 1 / n)).toBeLessThan(0.02);
  });
  it('is deterministic per seed', () => {
    expect(randomOrthogonal(4, new Rng(3)).data).toEqual(randomOrthogonal(4, new Rng(3)).data);
  });
});

describe('randomWithCondition', () => {
  it('has exactly the requested condition number, singular values log-spaced from 1', () => {
    for (const c of [1, 10, 500, 1e6]) {
      const a = randomWithCondition(5, c, new Rng(2));
      expect(conditionNumber(a) / c).toBeCloseTo(1, 8);
      const { s } = svd(a);
      expect(s[0]).toBeCloseTo(1, 10);
      expect(s[2]).toBeCloseTo(1 / Math.sqrt(c), 10); // the middle of five log-spaced values
    }
  });
  it('gives [[1]] for n = 1 and refuses a condition below 1', () => {
    expect(randomWithCondition(1, 7, new Rng(1))).toEqual(mat(1, 1, Float64Array.of(1)));
    expect(() => randomWithCondition(3, 0.5, new Rng(2))).toThrow(
      'randomWithCondition: expected a condition number >= 1, got 0.5',
    );
    expect(() => randomWithCondition(3, Number.NaN, new Rng(2))).toThrow(/got NaN/);
    expect(() => randomWithCondition(0, 2, new Rng(2))).toThrow(
      'randomWithCondition: expected a size >= 1, got 0',
    );
  });
});

describe('mixSamples', () => {
  it('applies x = A s row by row (hand-computed)', () => {
    const a = mat(2, 2, Float64Array.from([1, 2, 3, 4]));
    // s rows (1, 0), (0, 1), (1, 1) -> A s = (1, 3), (2, 4), (3, 7)
    expect(Array.from(mixSamples(Float64Array.from([1, 0, 0, 1, 1, 1]), 3, 2, a))).toEqual([
      1, 3, 2, 4, 3, 7,
    ]);
  });
  it('handles a non-square A [m, d]', () => {
    const a = mat(3, 2, Float64Array.from([1, 0, 0, 1, 2, -1]));
    expect(Array.from(mixSamples(Float64Array.from([5, 7]), 1, 2, a))).toEqual([5, 7, 3]);
  });
  it('refuses mismatched shapes with what it expected', () => {
    expect(() => mixSamples(new Float64Array(6), 3, 2, mat(2, 3))).toThrow(
      'mixSamples: expected A with 2 columns, got 2x3',
    );
    expect(() => mixSamples(new Float64Array(5), 3, 2, mat(2, 2))).toThrow(
      'mixSamples: expected 6 source values, got 5',
    );
  });
});

describe('leakyTanhStack', () => {
  it('draws well-conditioned layers and maps rows by x <- tanh(x M) + 0.1 x M, strictly monotone per layer', async () => {
    const { leakyTanhStack, applyLeakyTanhStack } = await import('../../experiments/core/mixing');
    const { logAbsDet } = await import('../../experiments/core/linalg');
    const stack = leakyTanhStack(2, 3, new Rng(7));
    expect(stack).toHaveLength(3);
    for (const m of stack) expect(logAbsDet(mat(2, 2, m))).toBeGreaterThanOrEqual(Math.log(0.1));
    const z = Float64Array.of(0.4, -1.3, 2, 0.5);
    const x = applyLeakyTanhStack(stack, z, 2);
    // row 0 by hand
    let h = [0.4, -1.3];
    for (const m of stack) {
      const v = [h[0] * m[0] + h[1] * m[2], h[0] * m[1] + h[1] * m[3]];
      h = v.map((t) => Math.tanh(t) + 0.1 * t);
    }
    expect(x[0]).toBeCloseTo(h[0], 12);
    expect(x[1]).toBeCloseTo(h[1], 12);
    expect(Array.from(z)).toEqual([0.4, -1.3, 2, 0.5]); // input untouched
  });

  it('standardiseLike gives the reference zero mean and unit sd and applies the same map to the others', async () => {
    const { standardiseLike } = await import('../../experiments/core/mixing');
    const ref = Float64Array.of(1, 10, 3, 20, 5, 30);
    const other = Float64Array.of(3, 20);
    standardiseLike(2, ref, other);
    expect(ref[0] + ref[2] + ref[4]).toBeCloseTo(0, 12);
    expect((ref[1] ** 2 + ref[3] ** 2 + ref[5] ** 2) / 3).toBeCloseTo(1, 12);
    expect(Array.from(other)).toEqual([0, 0]); // the reference's mean row
  });
});
