/** The selection-bias toy: a deterministic generator and estimators checked against closed forms. */
import { describe, expect, it } from 'vitest';
import { generate } from '../../experiments/causal/selection-data';
import { SelectedSampleStats } from '../../experiments/causal/selection-model';
import { defaults } from '../../experiments/core/params';
import { spec } from '../../experiments/causal/selection-spec';
import type { SelectionParams } from '../../experiments/causal/selection-spec';

const base = { ...defaults(spec.params), samples: 5000 } as SelectionParams;

describe('causal-selection', () => {
  it('draws the same population for a seed, another for another seed, and reports its exact ATE', () => {
    const a = generate(base);
    const b = generate(base);
    const c = generate({ ...base, seed: 1 });
    expect(Array.from(a.y.slice(0, 20))).toEqual(Array.from(b.y.slice(0, 20)));
    expect(a.y[0]).not.toBe(c.y[0]);
    let effects = 0;
    for (const x of a.x) effects += 1 + base.modification * x;
    expect(a.ate).toBeCloseTo(effects / a.n, 12);
  });

  it('recovers the effect exactly from noise-free outcomes, and the naive contrast is the difference of means', () => {
    const stats = new SelectedSampleStats();
    const xs = [-1.5, -0.5, 0.2, 0.9, 1.7, -0.8, 0.4, 1.1, -1.2, 0.6];
    let y1 = 0;
    let n1 = 0;
    let y0 = 0;
    let n0 = 0;
    xs.forEach((x, i) => {
      const t = i % 2;
      const y = 0.3 + (1 + 0.5 * x) * t + 1.5 * x; // b0 = 0.3, bT = 1, bX = 1.5, bTX = 0.5
      stats.add(x, t, y);
      if (t) {
        y1 += y;
        n1++;
      } else {
        y0 += y;
        n0++;
      }
    });
    expect(stats.formula(0)).toBeCloseTo(1, 10);
    expect(stats.formula(2)).toBeCloseTo(2, 10);
    const meanX = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(stats.selectedAdjusted()).toBeCloseTo(1 + 0.5 * meanX, 10);
    expect(stats.naive()).toBeCloseTo(y1 / n1 - y0 / n0, 12);
  });

  it('gives no estimate before both arms have units', () => {
    const stats = new SelectedSampleStats();
    stats.add(0.5, 1, 2);
    expect(stats.naive()).toBeNaN();
    expect(stats.formula(0)).toBeNaN();
  });
});
