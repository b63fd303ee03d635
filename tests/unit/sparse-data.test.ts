/** The sparse-coding generator: seeded, exact in its structure, and honest about its split. */
import { describe, expect, it } from 'vitest';
import { generate, cooccurrence, _internal, type SparseSpec } from '../../experiments/sae/data';
import { absCosine } from '../../experiments/core/dictionary';

const base: SparseSpec = {
  features: 24,
  dim: 12,
  coherence: 0,
  support: 'exact-k',
  k: 3,
  p: 0.1,
  magnitude: 'uniform',
  noise: 0,
  structure: 'none',
  groupSize: 2,
  cooccur: 0,
  rho: 0,
  childCos: 0.6,
  anisotropy: 1,
  split: 'iid',
  samples: 400,
  testSamples: 200,
};
const activeSets = (z: Float64Array, n: number, f: number) =>
  Array.from({ length: n }, (_, r) =>
    Array.from({ length: f }, (_, i) => i).filter((i) => z[r * f + i] !== 0),
  );

describe('sparse-coding data', () => {
  it('is a pure function of the seed', () => {
    const a = generate(base, 7);
    const b = generate(base, 7);
    const c = generate(base, 8);
    expect(Array.from(a.train.x.slice(0, 50))).toEqual(Array.from(b.train.x.slice(0, 50)));
    expect(Array.from(a.train.x.slice(0, 50))).not.toEqual(Array.from(c.train.x.slice(0, 50)));
  });

  it('has unit atoms, exactly k non-negative active codes, and x = z D without noise', () => {
    const d = generate({ ...base, anisotropy: 5 }, 1);
    const { features: f, dim } = d;
    for (let i = 0; i < f; i++)
      expect(Math.hypot(...d.dict.subarray(i * dim, (i + 1) * dim))).toBeCloseTo(1, 10);
    for (const s of activeSets(d.train.z, d.train.n, f)) expect(s.length).toBe(3);
    expect(d.train.z.every((v) => v >= 0)).toBe(true);
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < dim; c++) {
        let v = 0;
        for (let i = 0; i < f; i++) v += d.train.z[r * f + i] * d.dict[i * dim + c];
        expect(d.train.x[r * dim + c]).toBeCloseTo(v, 10);
      }
    }
  });

  it('compositional split: training combines one half only, the OOD set always both', () => {
    const d = generate({ ...base, split: 'compositional', k: 4 }, 2);
    const f = d.features;
    for (const s of activeSets(d.train.z, d.train.n, f))
      expect(new Set(s.map((i) => d.compartment[i])).size).toBe(1);
    for (const s of activeSets(d.testOod!.z, d.testOod!.n, f))
      expect(new Set(s.map((i) => d.compartment[i])).size).toBe(2);
  });

  it('hierarchy: children never fire without their parent, and sit at the chosen cosine', () => {
    const d = generate({ ...base, structure: 'hierarchy', groupSize: 4, k: 4 }, 3);
    const f = d.features;
    for (const s of activeSets(d.train.z, d.train.n, f))
      for (const i of s) if (i % 4 !== 0) expect(s).toContain(i - (i % 4));
    const cos = absCosine(d.dict, f, d.dict, f, d.dim);
    expect(cos.data[0 * f + 1]).toBeCloseTo(0.6, 6);
  });

  it('co-occurrence and copula correlation raise how often group mates fire together', () => {
    const low = cooccurrence(
      generate({ ...base, structure: 'groups', cooccur: 0, support: 'bernoulli' }, 4).train,
      { ...base, structure: 'groups' },
    );
    const high = cooccurrence(
      generate({ ...base, structure: 'groups', cooccur: 0.9, support: 'bernoulli' }, 4).train,
      { ...base, structure: 'groups' },
    );
    expect(high).toBeGreaterThan(low + 0.5);
    const r0 = cooccurrence(
      generate({ ...base, structure: 'correlated', rho: 0, support: 'bernoulli', p: 0.1 }, 5).train,
      { ...base, structure: 'correlated' },
    );
    const r1 = cooccurrence(
      generate({ ...base, structure: 'correlated', rho: 0.95, support: 'bernoulli', p: 0.1 }, 5)
        .train,
      { ...base, structure: 'correlated' },
    );
    expect(r1).toBeGreaterThan(r0 + 0.3);
  });

  it('coherence raises the mean |cos| between atoms', () => {
    const mean = (c: number) => {
      const d = generate({ ...base, features: 40, dim: 20, coherence: c }, 6);
      const cos = absCosine(d.dict, 40, d.dict, 40, 20);
      let s = 0;
      for (let i = 0; i < 40; i++) for (let j = i + 1; j < 40; j++) s += cos.data[i * 40 + j];
      return s / ((40 * 39) / 2);
    };
    expect(mean(0.5)).toBeGreaterThan(mean(0) + 0.2);
  });

  it('refuses impossible settings with what was expected', () => {
    expect(() => generate({ ...base, k: 20, split: 'compositional' }, 0)).toThrow(
      /k: expected at most 12/,
    );
    expect(() => generate({ ...base, features: 25, structure: 'groups' }, 0)).toThrow(
      /features: expected a multiple of the group size 2/,
    );
  });

  it('probit inverts the normal CDF', () => {
    expect(_internal.probit(0.5)).toBeCloseTo(0, 8);
    expect(_internal.probit(0.975)).toBeCloseTo(1.959964, 5);
    expect(_internal.probit(0.001)).toBeCloseTo(-3.090232, 5);
  });
});
