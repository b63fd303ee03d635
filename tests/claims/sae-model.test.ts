/**
 * The SAE family's device code: hand-written gradients against finite differences, sparse
 * inference on the oracle dictionary, every experiment end to end without leaked tensors, and
 * refused settings. (The verdicts are checked by all-claims.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { initNodeTf } from '../../experiments/core/tf-node';
import { Rng } from '../../experiments/core/rng';
import { mcc } from '../../experiments/core/metrics';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { Sae, type Variant } from '../../experiments/sae/model';
import { fista, matchingPursuit } from '../../experiments/sae/inference';
import { generate, type SparseSpec } from '../../experiments/sae/data';
import { saeSpecs } from '../../experiments/sae/spec';

const small: SparseSpec = {
  features: 16,
  dim: 8,
  coherence: 0,
  support: 'exact-k',
  k: 2,
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
  samples: 256,
  testSamples: 256,
};

describe('SAE gradients (hand-written) match finite differences', () => {
  for (const variant of ['relu', 'topk', 'stable'] as Variant[]) {
    it(variant, async () => {
      const { tf } = await initNodeTf('wasm');
      const data = generate(small, 3);
      const x32 = Float32Array.from(data.train.x);
      const sae = new Sae(
        tf,
        { variant, width: 12, saeK: 3, l1: 0.1, lr: 1e-3 },
        8,
        new Rng(1),
        x32,
        data.train.n,
      );
      const x = tf.tensor2d(x32.subarray(0, 16 * 8), [16, 8]);
      const rng = new Rng(2);
      try {
        const grads = tf.tidy(() => {
          const { grads } = sae.lossAndGrads(x);
          return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.keep(g)]));
        });
        const trainable = sae.variables().filter((v) => v.trainable);
        expect(Object.keys(grads).sort()).toEqual(trainable.map((v) => v.name).sort());
        for (const v of trainable) {
          const g = await grads[v.name].data();
          for (let t = 0; t < 4; t++) {
            const i = rng.int(v.size);
            const eps = 2e-3; // small enough that no TopK selection flips, large enough for float32
            const bump = (s: number) =>
              tf.tidy(() =>
                v.assign(
                  tf.add(
                    v,
                    tf.mul(tf.reshape(tf.oneHot(tf.tensor1d([i], 'int32'), v.size), v.shape), s),
                  ) as TF.Tensor,
                ),
              );
            bump(eps);
            const up = (await sae.loss(x).data())[0];
            bump(-2 * eps);
            const down = (await sae.loss(x).data())[0];
            bump(eps);
            const numeric = (up - down) / (2 * eps);
            expect(
              Math.abs(numeric - g[i]),
              `${variant} ${v.name}[${i}] of ${v.shape}: numeric ${numeric}, analytic ${g[i]}`,
            ).toBeLessThan(2e-2 * Math.max(1, Math.abs(g[i])));
          }
        }
        tf.dispose(Object.values(grads));
      } finally {
        x.dispose();
        sae.dispose();
      }
    });
  }
});

describe('per-sample sparse inference', () => {
  it('FISTA and matching pursuit recover sparse codes with the oracle dictionary', async () => {
    const { tf } = await initNodeTf('wasm');
    const before = tf.memory().numTensors;
    const d = generate({ ...small, features: 24, dim: 12 }, 4);
    const set = d.testId;
    const zf = await fista(tf, d.dict, 24, set.x, set.n, 12, 0.01, 400);
    const zm = await matchingPursuit(tf, d.dict, 24, set.x, set.n, 12, 2);
    expect(mcc(set.z, zf, set.n, 24, 24).mcc).toBeGreaterThan(0.95);
    expect(mcc(set.z, zm, set.n, 24, 24).mcc).toBeGreaterThan(0.9);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('SAE experiments end to end', () => {
  const quick = { steps: 20, samples: 512, testSamples: 256, fistaIters: 30 };
  for (const spec of saeSpecs) {
    it(`${spec.id}: runs its default preset briefly, emits every declared metric, leaves no tensor`, async () => {
      const { tf } = await initNodeTf('wasm');
      const extra =
        spec.id === 'sae-compare'
          ? { seedsPerArm: 2 }
          : spec.id === 'sae-sweep'
            ? { points: 3 }
            : {};
      const { params } = resolveParams(spec, spec.defaultPreset, { ...quick, ...extra });
      const before = tf.memory().numTensors;
      const r = await new Runner(
        tf,
        spec,
        await spec.load(),
        params,
        {},
        { stepsPerTick: 10, viewsMs: 0 },
      ).run();
      expect(r.state, r.error).toBe('done');
      expect(Object.keys(r.final).sort()).toEqual(Object.keys(spec.metrics).sort());
      // Every view is one the spec declares, of the kind it declares.
      for (const [id, v] of Object.entries(r.views))
        expect(
          spec.charts.find((c) => c.id === id && c.kind === 'view' && c.view === v?.kind),
          id,
        ).toBeDefined();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('refuses an oracle decoder for a variant whose encoder is its decoder, with what was expected', async () => {
    const { tf } = await initNodeTf('wasm');
    const spec = saeSpecs[0];
    // The spec's check refuses it before any run ...
    expect(() =>
      resolveParams(spec, 'superposition', { variant: 'mp', decoder: 'oracle', steps: 5 }),
    ).toThrow(/decoder: expected "learned" for the mp variant/);
    const { params, errors, conflicts } = resolveParams(
      spec,
      'superposition',
      { variant: 'mp', decoder: 'oracle', steps: 5 },
      'lenient',
    );
    expect(errors).toEqual([]);
    expect(conflicts.map((e) => e.key)).toEqual(['decoder']);
    // ... and the model refuses it too when a caller skips the check.
    const r = await new Runner(tf, spec, await spec.load(), params, {}, { views: false }).run();
    expect(r.state).toBe('error');
    expect(r.error).toMatch(/decoder: expected "learned" for the mp variant/);
  });
});
