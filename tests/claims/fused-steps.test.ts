/**
 * The fused training steps (hand-written gradients, one flat Adam) follow the straightforward
 * implementation (autodiff, TF.js's per-variable Adam) step for step: same batches, same
 * parameters after several steps up to float rounding. This is what lets the benchmark call the
 * straightforward loop "the same model".
 */
import { describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { initNodeTf } from '../../experiments/core/tf-node';
import { FlatAdam } from '../../experiments/core/adam';
import { reluTopK } from '../../experiments/core/host-kernels';
import { Rng } from '../../experiments/core/rng';
import { resolveParams } from '../../experiments/core/params';
import { saeSpec } from '../../experiments/sae/spec';
import { Arm } from '../../experiments/sae/arm';
import { generate as sparseData } from '../../experiments/sae/data';
import { spec as clSpec } from '../../experiments/contrastive/spec';
import { contrastiveSpec, generate as clData } from '../../experiments/contrastive/data';
import { Learner } from '../../experiments/contrastive/train';
import { ContrastiveModel } from '../../experiments/contrastive/model';

async function values(vars: TF.Variable[]): Promise<Float32Array[]> {
  return Promise.all(vars.map(async (v) => (await v.data()) as Float32Array));
}

/** Largest |a - b| over all entries, relative to the largest |b|. */
function relDiff(a: Float32Array[], b: Float32Array[]): number {
  let diff = 0;
  let scale = 0;
  a.forEach((x, i) =>
    x.forEach((v, j) => {
      diff = Math.max(diff, Math.abs(v - b[i][j]));
      scale = Math.max(scale, Math.abs(b[i][j]));
    }),
  );
  return diff / scale;
}

describe('fused steps against the straightforward implementation', () => {
  for (const [backend, hostKernel] of [
    ['wasm', true],
    ['cpu', true],
    ['wasm', false],
  ] as const) {
    it(`flat Adam (${hostKernel ? 'one host kernel' : 'op chain'}, ${backend}) takes the same steps as tf.train.adam on several variables`, async () => {
      const { tf } = await initNodeTf(backend);
      expect(tf.getBackend()).toBe(backend);
      const before = tf.memory().numTensors;
      const rng = new Rng(3);
      const w = Float32Array.from({ length: 12 }, () => rng.normal());
      const make = () =>
        tf.tidy(() => [tf.variable(tf.tensor2d(w, [3, 4])), tf.variable(tf.tensor1d([0.5, -2]))]);
      const a = make();
      const b = make();
      // the [3, 4] variable's rows are projected back to unit norm after each step (an SAE's atoms)
      const flat = new FlatAdam(tf, a, 0.05, { hostKernel, unitRows: a[0] as TF.Variable });
      const ref = tf.train.adam(0.05);
      // loss = sum (v - target)^4 / 4 per variable: gradient (v - target)^3 varies in scale
      const grad = (v: TF.Tensor) => tf.tidy(() => tf.pow(tf.sub(v, 0.3), 3));
      for (let t = 0; t < 20; t++) {
        tf.tidy(() => flat.apply(a.map(grad)));
        tf.tidy(() =>
          ref.applyGradients(
            Object.fromEntries(b.map((v) => [v.name, grad(v)])) as unknown as Parameters<
              typeof ref.applyGradients
            >[0],
          ),
        );
        tf.tidy(() => b[0]!.assign(tf.div(b[0]!, tf.add(tf.norm(b[0]!, 2, 1, true), 1e-8))));
      }
      expect(relDiff(await values(a), await values(b))).toBeLessThan(1e-5);
      const rows = (await a[0]!.array()) as number[][];
      for (const r of rows) expect(Math.hypot(...r)).toBeCloseTo(1, 5);
      expect(relDiff([(await values(a))[1]!], [new Float32Array([0.5, -2])])).toBeGreaterThan(0.1); // it moved
      // a gradient of the wrong shape is refused, naming both shapes
      if (hostKernel)
        expect(() => tf.tidy(() => flat.apply([tf.zeros([4, 3]), tf.zeros([2])]))).toThrow(
          /expected gradient 0 of shape \[3,4\], got \[4,3\]/,
        );
      flat.dispose();
      ref.dispose();
      tf.dispose([...a, ...b]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`ReLU x TopK host kernel (${backend}) selects what tf.topk and step select, ties to the lower index, NaN kept`, async () => {
      const { tf } = await initNodeTf(backend);
      const before = tf.memory().numTensors;
      const rng = new Rng(8);
      const [rows, width] = [40, 17];
      // values on a coarse grid, so rows have ties, many of them at the threshold
      const pre = Float32Array.from(
        { length: rows * width },
        () => Math.round(rng.normal() * 3) / 2,
      );
      pre.fill(-1, 0, width); // an all-negative row selects nothing
      pre[width + 4] = NaN; // a NaN entry stays NaN in the mask and the codes
      for (const k of [1, 3, 8, width]) {
        const [z, mask, zRef, maskRef] = tf.tidy(() => {
          const x = tf.tensor2d(pre, [rows, width]);
          const [zh, mh] = reluTopK(tf, x, k);
          const { indices } = tf.topk(x, k);
          const sel = tf.cast(tf.sum(tf.oneHot(indices, width), 1), 'float32');
          const mr = tf.mul(tf.step(x), sel);
          return [zh, mh, tf.mul(x, mr), mr];
        });
        const [zv, mv, zr, mr] = (await Promise.all(
          [z, mask, zRef, maskRef].map((t) => t.data()),
        )) as Float32Array[];
        tf.dispose([z, mask, zRef, maskRef]);
        expect(Number.isNaN(mv[width + 4]) && Number.isNaN(zv[width + 4])).toBe(true);
        for (let r = 2; r < rows; r++) {
          // rows without NaN: exactly what the op chain gives (tf.topk breaks ties by the lower index)
          const i = r * width;
          const row = (a: Float32Array) => Array.from(a.subarray(i, i + width), (v) => v + 0); // -0 and 0 alike
          expect(row(mv)).toEqual(row(mr));
          expect(row(zv)).toEqual(row(zr));
          const on = mv.subarray(i, i + width).reduce((a, b) => a + b, 0);
          expect(on).toBeLessThanOrEqual(k);
        }
        expect(Array.from(mv.subarray(0, width)).every((v) => v === 0)).toBe(true);
      }
      expect(() => tf.tidy(() => reluTopK(tf, tf.zeros([2, 3]) as TF.Tensor2D, 4))).toThrow(
        /expected k an integer in \[0, 3\], got 4/,
      );
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  for (const variant of ['topk', 'relu', 'stable'] as const) {
    it(`SAE ${variant}: hand gradients and flat Adam follow autodiff and tf.train.adam`, async () => {
      const { tf } = await initNodeTf('wasm');
      const { params } = resolveParams(saeSpec, undefined, {
        variant,
        features: 24,
        dim: 12,
        k: 3,
        width: 24,
        saeK: 3,
        samples: 4096,
        batch: 64,
        l1: 0.05,
        seed: 4,
      });
      // 4096 samples: the stable variant draws its initial atoms from them with replacement, and two equal atoms tie in TopK, where float rounding then decides
      const data = sparseData(params, 4);
      const before = tf.memory().numTensors;
      const fused = new Arm(tf, data, params, 4);
      const ref = new Arm(tf, data, params, 4, true);
      for (let s = 0; s < 3; s++) {
        await fused.train(4);
        await ref.train(4);
        expect(
          Math.abs(fused.last['loss/recon'] - ref.last['loss/recon']) / ref.last['loss/recon'],
        ).toBeLessThan(1e-3);
      }
      expect(fused.step).toBe(12);
      expect(fused.last['loss/sparsity']).toBeGreaterThan(0.1); // codes are not (numerically) zero
      const d = relDiff(await values(fused.sae.variables()), await values(ref.sae.variables()));
      expect(d).toBeLessThan(1e-4);
      // and the two are not trivially equal because nothing moved
      const init = new Arm(tf, data, params, 4);
      expect(
        relDiff(await values(fused.sae.variables()), await values(init.sae.variables())),
      ).toBeGreaterThan(1e-3);
      for (const arm of [fused, ref, init]) arm.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  for (const [preset, lossName, critic] of [
    ['sphere-vmf', 'loss/infonce', 'l2'],
    ['anisotropic-aninfonce', 'loss/infonce', 'l2'],
    ['cross-entropy', 'loss/ce', 'l2'],
    ['lejepa-gaussian', 'loss/prediction', 'l2'],
    ['lejepa-gaussian', 'loss/sigreg', 'l2'],
    ['box-laplace', 'loss/infonce', 'l2'],
    ['box-laplace', 'loss/infonce', 'l1'],
  ] as const)
    it(`${preset} (${lossName}, ${critic} critic off the sphere): the one-pass hand-written step follows autodiff and tf.train.adam`, async () => {
      const { tf } = await initNodeTf('wasm');
      const { params } = resolveParams(clSpec, preset, {
        critic,
        samples: 600,
        testSamples: 256,
        batch: 64,
        hidden: 16,
        seed: 2,
      });
      const data = clData(contrastiveSpec(params), 2);
      const before = tf.memory().numTensors;
      const fused = new Learner(tf, data, params, 2);
      const ref = new Learner(tf, data, params, 2, true);
      expect(fused.model.fused).toBe(true);
      expect(ref.model.fused).toBe(false);
      // Off the sphere Adam's normalised step magnifies float noise in the small distance-critic
      // gradients (and the L1 gradient is a sign, flipped by one ulp at a tie), so the two
      // trajectories part faster; the gradient itself is checked exactly below.
      const tol = preset === 'box-laplace' ? 1e-2 : 1e-3;
      for (let s = 0; s < 3; s++) {
        await fused.train(5);
        await ref.train(5);
        expect(
          Math.abs(fused.last[lossName] - ref.last[lossName]) / ref.last[lossName],
        ).toBeLessThan(tol);
      }
      expect(fused.step).toBe(15);
      expect(
        relDiff(await values(fused.model.variables()), await values(ref.model.variables())),
      ).toBeLessThan(tol);
      expect(Math.abs(fused.latest!.r2 - ref.latest!.r2)).toBeLessThan(tol);
      if (preset === 'anisotropic-aninfonce') {
        // the precisions moved, and moved alike
        const [lf, lr] = [fused.model.lambdaHat()!, ref.model.lambdaHat()!];
        const [vf, vr] = [await lf.data(), await lr.data()];
        tf.dispose([lf, lr]);
        expect(relDiff([Float32Array.from(vf)], [Float32Array.from(vr)])).toBeLessThan(1e-3);
        expect(Math.max(...Array.from(vf, (v) => Math.abs(v - 1)))).toBeGreaterThan(1e-3);
      }
      const init = new Learner(tf, data, params, 2);
      expect(
        relDiff(await values(fused.model.variables()), await values(init.model.variables())),
      ).toBeGreaterThan(1e-3);
      for (const l of [fused, ref, init]) l.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

  for (const p of [1, 2])
    it(`the L${p} distance critic's hand-written gradient equals autodiff's`, async () => {
      const { tf } = await initNodeTf('wasm');
      const before = tf.memory().numTensors;
      const model = new ContrastiveModel(
        tf,
        {
          objective: 'infonce',
          observed: 3,
          latents: 3,
          hidden: 8,
          layers: 1,
          normalise: false,
          tau: 0.7,
          p,
          classes: 1,
          sigregWeight: 0,
          sigregSlices: 1,
          lr: 1e-3,
        },
        new Rng(1),
      );
      const [hand, auto] = tf.tidy(() => {
        const e = tf.randomNormal([32, 3], 0, 1, 'float32', 3) as TF.Tensor2D; // [anchors; positives]
        const [a, b] = tf.split(e, 2) as TF.Tensor2D[];
        const g = (
          model as unknown as {
            distanceGrad(a: TF.Tensor2D, b: TF.Tensor2D, withLoss: boolean): { dE: TF.Tensor2D };
          }
        ).distanceGrad(a, b, false);
        const loss = (x: TF.Tensor) => {
          const [aa, bb] = tf.split(x, 2);
          const diff = tf.sub(tf.expandDims(aa, 1), tf.expandDims(bb, 0));
          const dist =
            p === 1 ? tf.sum(tf.abs(diff), 2) : tf.sqrt(tf.add(tf.sum(tf.square(diff), 2), 1e-12));
          return tf.losses.softmaxCrossEntropy(
            tf.oneHot(tf.range(0, 16, 1, 'int32'), 16),
            tf.div(tf.neg(dist), 0.7),
          );
        };
        return [g.dE, tf.grad(loss)(e)];
      });
      expect(
        relDiff([(await hand.data()) as Float32Array], [(await auto.data()) as Float32Array]),
      ).toBeLessThan(1e-5);
      tf.dispose([hand, auto]);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
});
