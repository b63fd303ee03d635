/** The CauCA data: seeded, perfect interventions that cut the parent and shift the mean by +2, an invertible mixing. */
import { describe, expect, it } from 'vitest';
import { generate, toTable } from '../../experiments/causal/cauca-data';
import { defaults } from '../../experiments/core/params';
import { spec, type CaucaParams } from '../../experiments/causal/cauca-spec';

const base = { ...defaults(spec.params), samples: 4000 } as CaucaParams;

/** Mean, variance and correlation of the two latents in environment e of the training split. */
function moments(p: CaucaParams, e: number) {
  const { train } = generate(p);
  const n = train.perEnv;
  const z = train.z.subarray(e * n * 2, (e + 1) * n * 2);
  const mean = [0, 1].map((j) => z.filter((_, i) => i % 2 === j).reduce((a, b) => a + b, 0) / n);
  const cov = (a: number, b: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (z[2 * i + a] - mean[a]) * (z[2 * i + b] - mean[b]);
    return s / n;
  };
  return { mean, var: [cov(0, 0), cov(1, 1)], corr: cov(0, 1) / Math.sqrt(cov(0, 0) * cov(1, 1)) };
}

describe('causal-cauca', () => {
  it('is seeded and standardises x with the training statistics', () => {
    const a = generate(base);
    expect(Array.from(a.train.x.slice(0, 8))).toEqual(
      Array.from(generate(base).train.x.slice(0, 8)),
    );
    expect(generate({ ...base, seed: 1 }).train.x[0]).not.toBe(a.train.x[0]);
    const n = a.train.x.length / 2;
    const m0 = a.train.x.filter((_, i) => i % 2 === 0).reduce((s, v) => s + v, 0) / n;
    expect(m0).toBeCloseTo(0, 10);
    expect(a.targets).toEqual([-1, 0, 1]);
    expect(Math.abs(a.edges[1])).toBeGreaterThanOrEqual(0.5);
  });

  it('observational z1 = c z0 + u; do(z0) shifts z0 by +2 and keeps the edge; do(z1) cuts it', () => {
    const c = generate(base).edges[1];
    const obs = moments(base, 0);
    expect(obs.var[1]).toBeCloseTo(1 + c * c, 0);
    expect(obs.corr).toBeCloseTo(c / Math.sqrt(1 + c * c), 1);
    const do0 = moments(base, 1);
    expect(do0.mean[0]).toBeCloseTo(2, 1);
    expect(do0.mean[1]).toBeCloseTo(2 * c, 1);
    const do1 = moments(base, 2);
    expect(do1.mean[1]).toBeCloseTo(2, 1);
    expect(Math.abs(do1.corr)).toBeLessThan(0.05);
  });

  it('exports every training row with its target and the truth', () => {
    const t = toTable(generate(base));
    expect(t.columns).toEqual(['target', 'x0', 'x1', 'z0', 'z1']);
    expect(t.rows).toBe(3 * base.samples);
    expect(t.values[0]).toBe(-1);
    expect(t.values[(t.rows - 1) * 5]).toBe(1);
    expect((t.truth as { mixing: unknown[] }).mixing).toHaveLength(base.layers);
  });
});
