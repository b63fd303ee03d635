/** The invariance toy: the ratio classifier against a closed form, and the rank statistic's two limits. */
import { describe, expect, it } from 'vitest';
import { RatioClassifier, rankRatio } from '../../experiments/causal/invariance-model';
import { Rng } from '../../experiments/core/rng';

/** n samples of two independent Gaussians with the given standard deviations, as (v1, v2) rows. */
function gaussians(n: number, s1: number, s2: number, rng: Rng): Float64Array {
  return Float64Array.from({ length: n * 2 }, (_, i) => (i % 2 ? s2 : s1) * rng.normal());
}

describe('causal-invariance', () => {
  it('estimates the log density ratio of two Gaussians: d r / d v1 = v1 (1/s0^2 - 1/s1^2)', () => {
    const rng = new Rng(5);
    const cl = new RatioClassifier(gaussians(20000, 1, 1, rng), gaussians(20000, 2, 1, rng));
    for (let i = 0; i < 12; i++) cl.newtonStep();
    const scratch = new Float64Array(15);
    // log N(v; 0, 4) - log N(v; 0, 1) differentiates to v (1 - 1/4)
    for (const v of [-1, 0.5, 1.2])
      expect(cl.ratioGradient(v, 0.3, 0, scratch)).toBeCloseTo(0.75 * v, 1);
    expect(Math.abs(cl.ratioGradient(0.5, 0.3, 1, scratch))).toBeLessThan(0.1); // v2 unchanged
  });

  it('gives rank ratio 1 with one environment and about 0 when every ratio depends on v through one function', () => {
    const rng = new Rng(6);
    const base = gaussians(20000, 1, 1, rng);
    const one = [new RatioClassifier(base, gaussians(20000, 1.5, 1, rng))];
    // two environments that change only v1's scale: both ratios' v2-gradients vanish alike, their v1-gradients are proportional
    const two = [
      new RatioClassifier(base, gaussians(20000, 1.5, 1, rng)),
      new RatioClassifier(base, gaussians(20000, 0.7, 1, rng)),
    ];
    for (const c of [...one, ...two]) for (let i = 0; i < 12; i++) c.newtonStep();
    const points = gaussians(2000, 1, 1, rng);
    expect(rankRatio(one, points, 0)).toBeCloseTo(1, 12);
    expect(rankRatio(two, points, 0)).toBeLessThan(0.1);
  });
});
