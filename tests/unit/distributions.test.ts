import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import {
  sample,
  excessKurtosis,
  isGaussian,
  SOURCE_KINDS,
  THEORETICAL_EXCESS_KURTOSIS,
} from '../../experiments/core/distributions';

const moments = (x: Float64Array) => {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
  return { mean, variance };
};

describe('source distributions', () => {
  for (const kind of SOURCE_KINDS) {
    it(`${kind}: zero mean and unit variance at n = 2e5`, () => {
      const x = sample(kind, new Rng(11), 200_000);
      const { mean, variance } = moments(x);
      expect(x.every(Number.isFinite)).toBe(true);
      // Standard error of the mean is 1/sqrt(n) = 0.0022; of the variance sqrt((kurt + 2) / n) <= 0.006.
      expect(Math.abs(mean)).toBeLessThan(0.01);
      expect(Math.abs(variance - 1)).toBeLessThan(0.025);
    });
  }

  for (const kind of SOURCE_KINDS.filter((k) => k !== 'student-t')) {
    it(`${kind}: sample excess kurtosis near ${THEORETICAL_EXCESS_KURTOSIS[kind].toFixed(4)}`, () => {
      const x = sample(kind, new Rng(12), 200_000);
      // About four standard errors of the sample kurtosis at n = 2e5 (largest for Laplace, about 0.11).
      const tol = kind === 'laplace' ? 0.45 : 0.05;
      expect(Math.abs(excessKurtosis(x) - THEORETICAL_EXCESS_KURTOSIS[kind])).toBeLessThan(tol);
    });
  }

  it('student-t(5): tail mass of t(5), and a kurtosis loosely near 6', () => {
    // t(5) has no finite sixth moment, so the sample kurtosis has infinite variance and swings from
    // about 4 to 9 across seeds at n = 2e5. A quantile pins the shape instead: P(|T| > 2.015) = 0.10
    // for t(5), and the samples are T scaled by sqrt(3/5).
    const x = sample('student-t', new Rng(11), 200_000);
    const tail = x.filter((v) => Math.abs(v) > 2.015 * Math.sqrt(0.6)).length / x.length;
    expect(Math.abs(tail - 0.1)).toBeLessThan(0.004);
    // Median over seeds of the sample kurtosis (biased low at finite n); t(4) or t(10) would miss this.
    const ks = Array.from({ length: 9 }, (_, i) =>
      excessKurtosis(sample('student-t', new Rng(100 + i), 200_000)),
    ).sort((a, b) => a - b);
    expect(Math.abs(ks[4] - THEORETICAL_EXCESS_KURTOSIS['student-t'])).toBeLessThan(1.5);
  });

  it('has the analytic kurtosis values', () => {
    expect(THEORETICAL_EXCESS_KURTOSIS.laplace).toBe(3);
    expect(THEORETICAL_EXCESS_KURTOSIS.uniform).toBeCloseTo(-1.2, 15);
    expect(THEORETICAL_EXCESS_KURTOSIS.gaussian).toBe(0);
    expect(THEORETICAL_EXCESS_KURTOSIS['student-t']).toBe(6);
    // 0.5 N(-0.9, 0.19) + 0.5 N(0.9, 0.19): E x^4 = 0.9^4 + 6 (0.81)(0.19) + 3 (0.19)^2 = 1.6878.
    expect(THEORETICAL_EXCESS_KURTOSIS.bimodal).toBeCloseTo(1.6878 - 3, 12);
  });

  it('bimodal: two modes at +-0.9, the density dips at 0', () => {
    const x = sample('bimodal', new Rng(13), 100_000);
    const near = (c: number) => x.filter((v) => Math.abs(v - c) < 0.1).length;
    expect(near(0.9)).toBeGreaterThan(2 * near(0));
    expect(near(-0.9)).toBeGreaterThan(2 * near(0));
  });

  it('uniform stays inside [-sqrt 3, sqrt 3]', () => {
    const x = sample('uniform', new Rng(14), 10_000);
    expect(Math.max(...x)).toBeLessThan(Math.sqrt(3));
    expect(Math.min(...x)).toBeGreaterThanOrEqual(-Math.sqrt(3));
    expect(Math.max(...x)).toBeGreaterThan(1.7);
  });

  it('is deterministic per seed and differs across seeds', () => {
    for (const kind of SOURCE_KINDS) {
      expect(sample(kind, new Rng(5), 100)).toEqual(sample(kind, new Rng(5), 100));
      expect(sample(kind, new Rng(5), 100)).not.toEqual(sample(kind, new Rng(6), 100));
    }
  });

  it('names the Gaussian kind as the only Gaussian one', () => {
    expect(SOURCE_KINDS.filter(isGaussian)).toEqual(['gaussian']);
  });

  it('refuses an unknown kind or a bad count with what it expected', () => {
    expect(() => sample('cauchy' as never, new Rng(1), 10)).toThrow(
      /expected one of laplace, uniform, gaussian, student-t, bimodal, got cauchy/,
    );
    expect(() => sample('laplace', new Rng(1), -1)).toThrow(
      'sample: expected a sample count >= 0, got -1',
    );
    expect(() => excessKurtosis(new Float64Array(1))).toThrow('expected at least 2 values, got 1');
  });
});
