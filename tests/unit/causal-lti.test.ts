/** The LTI toy: a stable system, least squares for A, and an unmixing that inverts B up to permutation and scale. */
import { describe, expect, it } from 'vitest';
import { generate } from '../../experiments/causal/lti-data';
import { LtiMoments } from '../../experiments/causal/lti-model';
import { defaults } from '../../experiments/core/params';
import { mat, matmul } from '../../experiments/core/linalg';
import { spec, type LtiParams } from '../../experiments/causal/lti-spec';

const base = { ...defaults(spec.params), samples: 6000 } as LtiParams;

function moments(p: LtiParams) {
  const d = generate(p);
  const m = new LtiMoments(d.n, d.envs);
  for (let e = 0; e < d.envs; e++)
    for (let t = 0; t < d.steps; t++)
      m.add(
        e,
        d.x[e].subarray(t * d.n, (t + 1) * d.n),
        d.x[e].subarray((t + 1) * d.n, (t + 2) * d.n),
      );
  return { d, m };
}

describe('causal-lti', () => {
  it('draws a seeded, stable system', () => {
    const a = generate(base);
    expect(Array.from(a.x[0].slice(0, 12))).toEqual(Array.from(generate(base).x[0].slice(0, 12)));
    expect(a.x[0].every(Number.isFinite)).toBe(true);
    expect(Math.max(...Array.from(a.x[0], Math.abs))).toBeLessThan(50); // spectral radius 0.9: no blow-up
  });

  it('estimates A by least squares and unmixes B u into a scaled permutation of u', () => {
    const { d, m } = moments(base);
    const a = m.transition();
    for (let k = 0; k < d.n * d.n; k++) expect(Math.abs(a.data[k] - d.a[k])).toBeLessThan(0.05);
    // W B is a scaled permutation: each row has one dominant entry
    const p = matmul(m.unmixing(a), mat(d.n, d.n, d.b));
    for (let i = 0; i < d.n; i++) {
      const row = Array.from(p.data.slice(i * d.n, (i + 1) * d.n), Math.abs).sort((x, y) => y - x);
      expect(row[1] / row[0]).toBeLessThan(0.1);
    }
  });
});
