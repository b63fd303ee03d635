/** Contrastive data: seeded latents and conditionals with the right geometry, and an invertible g. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import {
  applyMixing,
  conditionalScales,
  generate,
  invertMixing,
  makeMixing,
  sampleVmf,
  type ContrastiveSpec,
} from '../../experiments/contrastive/data';

const base: ContrastiveSpec = {
  latents: 3,
  space: 'sphere',
  conditional: 'vmf',
  kappa: 10,
  scale: 0.05,
  anisotropy: 16,
  observed: 6,
  depth: 3,
  conditionDraws: 10,
  classes: 5,
  clusters: false,
  skills: null,
  samples: 300,
  testSamples: 256,
};

describe('contrastive data', () => {
  it('is a pure function of the seed', () => {
    expect(Array.from(generate(base, 3).train.x.slice(0, 20))).toEqual(
      Array.from(generate(base, 3).train.x.slice(0, 20)),
    );
    expect(Array.from(generate(base, 4).train.x.slice(0, 20))).not.toEqual(
      Array.from(generate(base, 3).train.x.slice(0, 20)),
    );
  });

  it('vMF samples are unit vectors with the mean cosine of the vMF law (coth k - 1/k in 3-D)', () => {
    const rng = new Rng(1);
    const mu = Float64Array.from([0, 0.6, 0.8]);
    for (const kappa of [2, 10, 50]) {
      let mean = 0;
      const n = 4000;
      for (let i = 0; i < n; i++) {
        const v = sampleVmf(mu, kappa, rng);
        expect(Math.hypot(...v)).toBeCloseTo(1, 10);
        mean += v[0] * mu[0] + v[1] * mu[1] + v[2] * mu[2];
      }
      const expected = 1 / Math.tanh(kappa) - 1 / kappa;
      expect(Math.abs(mean / n - expected)).toBeLessThan(0.02);
    }
  });

  it('g is numerically invertible, layer by layer', () => {
    const d = generate({ ...base, observed: 8, depth: 4 }, 2);
    expect(d.inversionError).toBeLessThan(1e-8);
    const g = makeMixing({ ...base, observed: 5 }, new Rng(9));
    const z = Float64Array.from([0.3, -0.2, 0.5, 1, 2, 3]);
    const x = Float64Array.from([
      ...applyMixing(g, z.subarray(0, 3)),
      ...applyMixing(g, z.subarray(3)),
    ]);
    const back = invertMixing(g, x, 2);
    for (let i = 0; i < 6; i++) expect(back[i]).toBeCloseTo(z[i], 8);
  });

  it('anisotropic pairs have one scale per dimension, log-spaced', () => {
    const s = conditionalScales({
      ...base,
      conditional: 'anisotropic',
      scale: 0.8,
      anisotropy: 16,
    });
    expect(Array.from(s)).toEqual([0.8, 0.2, 0.05].map((v) => expect.closeTo(v, 12)));
    const d = generate(
      {
        ...base,
        space: 'box',
        conditional: 'anisotropic',
        scale: 0.2,
        anisotropy: 10,
        samples: 3000,
      },
      5,
    );
    const sd = [0, 1, 2].map((j) =>
      Math.sqrt(
        Array.from(
          { length: 3000 },
          (_, i) => (d.train.zPos[i * 3 + j] - d.train.z[i * 3 + j]) ** 2,
        ).reduce((a, b) => a + b) / 3000,
      ),
    );
    expect(sd[0]).toBeGreaterThan(3 * sd[2]);
    for (const v of d.train.zPos) expect(v >= 0 && v <= 1).toBe(true); // reflected into the box
  });

  it('cluster labels name the vMF component each latent was drawn from', () => {
    const d = generate({ ...base, clusters: true, classes: 4, kappa: 200 }, 6);
    const { z, label, n } = d.train;
    let agree = 0;
    for (let i = 0; i < n; i++) {
      const k = label[i];
      let dot = 0;
      for (let j = 0; j < 3; j++) dot += z[i * 3 + j] * d.centroids[k * 3 + j];
      if (dot > 0.9) agree++;
    }
    expect(agree / n).toBeGreaterThan(0.95);
  });

  it('skill transitions move the state along the labelled skill direction, inside the span', () => {
    const d = generate(
      {
        ...base,
        space: 'gaussian',
        conditional: 'gaussian',
        scale: 0.01,
        skills: { count: 6, span: 2, step: 0.5 },
      },
      7,
    );
    const { z, zPos, label, n } = d.train;
    for (let k = 0; k < 6; k++) {
      const u = d.skillDirections.subarray(k * 3, k * 3 + 3);
      expect(Math.hypot(...u)).toBeCloseTo(1, 12);
      expect(u[2]).toBe(0); // span 2: the last latent is never moved by a skill
    }
    let err = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < 3; j++)
        err = Math.max(
          err,
          Math.abs(zPos[i * 3 + j] - z[i * 3 + j] - 0.5 * d.skillDirections[label[i] * 3 + j]),
        );
    expect(err).toBeLessThan(0.06); // only the conditional noise (sd 0.01) is left
    expect(new Set(label).size).toBe(6);
  });

  it('refuses a vMF conditional off the sphere and a non-injective g', () => {
    expect(() => generate({ ...base, space: 'box' }, 0)).toThrow(
      /conditional: expected "vmf" only with space "sphere", got space "box"/,
    );
    expect(() => generate({ ...base, observed: 2 }, 0)).toThrow(
      /observed: expected at least latents \(3\)/,
    );
  });
});
