/** The interventional-CRL data: a linear SCM on a DAG, perfect interventions that cut the parents and set the variance. */
import { describe, expect, it } from 'vitest';
import { generate, toTable } from '../../experiments/causal/lincrl-data';
import { defaults } from '../../experiments/core/params';
import { spec, type LinCrlParams } from '../../experiments/causal/lincrl-spec';
import { sampleScm } from '../../experiments/causal/scm';
import { Rng } from '../../experiments/core/rng';

const base = { ...defaults(spec.params), samples: 6000 } as LinCrlParams;

describe('causal-linear-crl', () => {
  it('is seeded, draws an upper-triangular DAG and one environment per intervened node', () => {
    const a = generate(base);
    expect(Array.from(a.trainX.slice(0, 6))).toEqual(Array.from(generate(base).trainX.slice(0, 6)));
    expect(a.targets).toEqual([-1, 0, 1, 2]);
    const d = a.d;
    for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) expect(a.weights[i * d + j]).toBe(0);
    for (const w of a.weights) if (w !== 0) expect(Math.abs(w)).toBeGreaterThanOrEqual(0.5);
    expect(
      Array.from(a.variances.slice(1), (v) => [10, 0.1].some((r) => Math.abs(v - r) < 1e-12)),
    ).toEqual([true, true, true]);
  });

  it('an intervened node has the variance set and no correlation with the nodes before it', () => {
    for (const seed of [0, 1, 2]) {
      const a = generate({ ...base, seed });
      const { d, trainZ, trainPerEnv: n } = a;
      for (let e = 1; e < a.envs; e++) {
        const t = a.targets[e];
        const col = (j: number) =>
          Float64Array.from({ length: n }, (_, i) => trainZ[(e * n + i) * d + j]);
        const zt = col(t);
        const v = zt.reduce((s, x) => s + x * x, 0) / n;
        expect(v / a.variances[e]).toBeGreaterThan(0.9);
        expect(v / a.variances[e]).toBeLessThan(1.1);
        for (let j = 0; j < t; j++) {
          const zj = col(j);
          const c = zt.reduce((s, x, i) => s + x * zj[i], 0) / n;
          expect(Math.abs(c / Math.sqrt(v * (zj.reduce((s, x) => s + x * x, 0) / n)))).toBeLessThan(
            0.05,
          );
        }
      }
    }
  });

  it('the shared SCM sampler: observational Cov(z) = (I - B^T)^{-1} (I - B^T)^{-T}', () => {
    const d = 3;
    const scm = { d, weights: Float64Array.of(0, 0.8, -0.5, 0, 0, 0.6, 0, 0, 0) };
    const n = 40000;
    const z = sampleScm(scm, [{ target: -1, mean: 0, sd: 1 }], n, new Rng(11));
    // z = M u with M = (I - B^T)^{-1}, unit lower-triangular here
    const m = [
      [1, 0, 0],
      [0.8, 1, 0],
      [-0.5 + 0.8 * 0.6, 0.6, 1],
    ];
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) {
        let c = 0;
        for (let i = 0; i < n; i++) c += z[i * d + a] * z[i * d + b];
        const want = m[a].reduce((s, v, k) => s + v * m[b][k], 0);
        expect(c / n).toBeCloseTo(want, 1);
      }
  });

  it('interleaves the test environments and exports the truth', () => {
    const a = generate({ ...base, samples: 1000 });
    expect(a.testX.length).toBe(a.envs * a.testPerEnv * a.d);
    const t = toTable(a);
    expect(t.columns).toEqual(['env', 'x0', 'x1', 'x2', 'z0', 'z1', 'z2']);
    expect(t.rows).toBe(4000);
    expect((t.truth as { targets: number[] }).targets).toEqual([-1, 0, 1, 2]);
  });
});
