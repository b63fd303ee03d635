import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import { sample, excessKurtosis, SOURCE_KINDS, THEORETICAL_EXCESS_KURTOSIS } from '../../experiments/core/distributions';

describe('source distributions', () => {
  for (const kind of SOURCE_KINDS) {
    it(`${kind}: zero mean, unit variance, kurtosis as theory says`, () => {
      const x = sample(kind, new Rng(11), 200_000);
      const mean = x.reduce((a, v) => a + v, 0) / x.length;
      const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
      expect(Math.abs(mean)).toBeLessThan(0.01);
      expect(Math.abs(variance - 1)).toBeLessThan(0.02);
      if (kind === 'student-t') {
        // t(5) has no finite 8th moment, so its sample kurtosis does not settle; check a quantile:
        // P(|T| > 2.015) = 0.10 for t(5), and the samples are T scaled by sqrt(3/5).
        const tail = x.filter((v) => Math.abs(v) > 2.015 * Math.sqrt(0.6)).length / x.length;
        expect(Math.abs(tail - 0.1)).toBeLessThan(0.004);
      } else {
        // About four standard errors of the sample kurtosis at n = 2e5 (largest for Laplace, about 0.11).
        const tol = kind === 'laplace' ? 0.45 : 0.05;
        expect(Math.abs(excessKurtosis(x) - THEORETICAL_EXCESS_KURTOSIS[kind])).toBeLessThan(tol);
      }
    });
  }
  it('is deterministic per seed', () => {
    expect(sample('laplace', new Rng(5), 100)).toEqual(sample('laplace', new Rng(5), 100));
  });
  it('separates super- from sub-Gaussian shapes', () => {
    expect(THEORETICAL_EXCESS_KURTOSIS.laplace).toBeGreaterThan(0);
    expect(THEORETICAL_EXCESS_KURTOSIS.uniform).toBeLessThan(0);
    expect(THEORETICAL_EXCESS_KURTOSIS.bimodal).toBeLessThan(0);
  });
});
