/** Contrastive model pieces: SIGReg sees non-Gaussianity, the run leaves no tensor, bad settings are refused. */
import { describe, expect, it } from 'vitest';
import { initNodeTf } from '../../experiments/core/tf-node';
import { Rng } from '../../experiments/core/rng';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { ContrastiveModel, OBJECTIVES } from '../../experiments/contrastive/model';
import { spec } from '../../experiments/contrastive/spec';

describe('contrastive model', () => {
  it('SIGReg is small for standard Gaussian embeddings and large for scaled or uniform ones', async () => {
    const { tf } = await initNodeTf('wasm');
    const model = new ContrastiveModel(
      tf,
      {
        objective: 'lejepa',
        observed: 3,
        latents: 3,
        hidden: 8,
        layers: 1,
        normalise: false,
        tau: 1,
        p: 2,
        classes: 2,
        sigregWeight: 0.5,
        sigregSlices: 16,
        lr: 1e-3,
      },
      new Rng(1),
    );
    const rng = new Rng(2);
    const n = 1000;
    const stat = async (f: () => number) => {
      const t = tf.tensor2d(Float32Array.from({ length: n * 3 }, f), [n, 3]);
      const s = model.sigreg(t);
      const v = (await s.data())[0];
      tf.dispose([t, s]);
      return v;
    };
    const gauss = await stat(() => rng.normal());
    const wide = await stat(() => 3 * rng.normal());
    const uniform = await stat(() => rng.uniform(-1.7, 1.7));
    expect(gauss).toBeLessThan(1);
    expect(wide).toBeGreaterThan(10 * gauss);
    expect(uniform).toBeGreaterThan(gauss);
    model.dispose();
  });

  for (const objective of OBJECTIVES) {
    it(`${objective}: a short run finishes, emits its metrics and leaves no tensor`, async () => {
      const { tf } = await initNodeTf('wasm');
      const { params } = resolveParams(spec, 'sphere-vmf', {
        objective,
        steps: 12,
        samples: 300,
        testSamples: 256,
        batch: 32,
        ...(objective === 'lejepa' ? { space: 'gaussian', conditional: 'gaussian' } : {}),
      });
      const before = tf.memory().numTensors;
      const r = await new Runner(
        tf,
        spec,
        await spec.load(),
        params,
        {},
        { stepsPerTick: 5, viewsMs: 0 },
      ).run();
      expect(r.state, r.error).toBe('done');
      expect(Number.isFinite(r.final['metric/r2'])).toBe(true);
      expect(Object.keys(r.views)).toContain('matched');
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('refuses a vMF conditional off the sphere with what was expected', async () => {
    const { tf } = await initNodeTf('wasm');
    // The spec's check refuses it before any run ...
    expect(() => resolveParams(spec, 'sphere-vmf', { space: 'box', steps: 5 })).toThrow(
      /conditional: expected "vmf" only with space "sphere", got space "box"/,
    );
    const { params, conflicts } = resolveParams(
      spec,
      'sphere-vmf',
      { space: 'box', steps: 5 },
      'lenient',
    );
    expect(conflicts.map((e) => e.key)).toEqual(['conditional']);
    // ... and the generator refuses it too when a caller skips the check.
    const r = await new Runner(tf, spec, await spec.load(), params, {}, { views: false }).run();
    expect(r.state).toBe('error');
    expect(r.error).toMatch(
      /conditional: expected "vmf" only with space "sphere", got space "box"/,
    );
  });
});
