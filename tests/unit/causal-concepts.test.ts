/** The concept data: exact Gaussian conditioning on one concept, rejection on ||z||^2 for the control. */
import { describe, expect, it } from 'vitest';
import { generate, toTable } from '../../experiments/causal/concepts-data';
import { defaults } from '../../experiments/core/params';
import { spec, type ConceptsParams } from '../../experiments/causal/concepts-spec';

const base = { ...defaults(spec.params), samples: 8000 } as ConceptsParams;

/** Mean and variance of <a_i, z> over environment e's training rows. */
function concept(p: ConceptsParams, e: number, i: number) {
  const a = generate(p);
  const { d, trainZ, trainPerEnv: n, directions } = a;
  const c = Float64Array.from({ length: n }, (_, r) => {
    let v = 0;
    for (let j = 0; j < d; j++) v += directions[i * d + j] * trainZ[(e * n + r) * d + j];
    return v;
  });
  const mean = c.reduce((s, x) => s + x, 0) / n;
  return { mean, var: c.reduce((s, x) => s + (x - mean) ** 2, 0) / n };
}

describe('causal-concepts', () => {
  it('is seeded, with unit concept directions and n + 1 conditioned environments', () => {
    const a = generate(base);
    expect(Array.from(a.trainX.slice(0, 8))).toEqual(Array.from(generate(base).trainX.slice(0, 8)));
    expect(a.envs).toBe(base.concepts + 2);
    for (let i = 0; i < a.concepts; i++) {
      let n2 = 0;
      for (let j = 0; j < a.d; j++) n2 += a.directions[i * a.d + j] ** 2;
      expect(n2).toBeCloseTo(1, 12);
    }
  });

  it('conditions exactly: c ~ N(b / (1 + s^2), s^2 / (1 + s^2)) in its environment, N(0, 1) in the base', () => {
    expect(concept(base, 0, 0).mean).toBeCloseTo(0, 1);
    expect(concept(base, 0, 0).var).toBeCloseTo(1, 1);
    const up = concept(base, 1, 0); // c0 near +1, s = 0.5
    expect(up.mean).toBeCloseTo(0.8, 1);
    expect(up.var).toBeCloseTo(0.2, 1);
    expect(concept(base, 2, 1).mean).toBeCloseTo(0.8, 1); // c1 near +1
    expect(concept(base, 3, 0).mean).toBeCloseTo(-0.8, 1); // c0 near -1
  });

  it('the control conditions on ||z||^2 and leaves every concept centred', () => {
    const p = { ...base, conditioning: 'norm' as const };
    const a = generate(p);
    expect(a.conditions.every((c) => c.concept === -1)).toBe(true);
    for (let e = 1; e < a.envs; e++) expect(Math.abs(concept(p, e, 0).mean)).toBeLessThan(0.06);
    const t = toTable(a);
    expect(t.columns).toEqual(['env', 'x0', 'x1', 'x2', 'x3', 'z0', 'z1', 'z2', 'z3']);
  });
});
