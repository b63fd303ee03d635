/**
 * The fine-tuning toy's TF.js pieces: the multi-head pretraining lowers its loss and hands over
 * the trunk it trained, and a short run through both phases finishes, starts both arms from one
 * random trunk when nothing is pretrained, and leaves no tensor.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initNodeTf } from '../../experiments/core/tf-node';
import { Rng } from '../../experiments/core/rng';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import {
  CLASSES,
  OBSERVED,
  generateFamily,
  layerShapes,
  trunkCount,
} from '../../experiments/dynamics/subspace-data';
import { MultiTaskNet } from '../../experiments/dynamics/finetune-model';
import { initialTheta } from '../../experiments/dynamics/subspace-model';
import { spec } from '../../experiments/dynamics/finetune-spec';

describe('dynamics-finetune-dim model', () => {
  it('pretrains every head at once and returns the trained trunk', async () => {
    const { tf } = await initNodeTf('wasm');
    const before = tf.memory().numTensors;
    const T = 3;
    const fam = generateFamily({
      seed: 2,
      tasks: T,
      pretrainSize: 256,
      trainSize: 64,
      gain: 3,
      pretrainLabels: 'tasks',
    });
    const theta0 = initialTheta(layerShapes(8, T * CLASSES), new Rng(5));
    const net = new MultiTaskNet(tf, 8, T, theta0, 1e-2);
    const x = tf.tensor2d(fam.pretrain.x, [256, OBSERVED]);
    const labels = new Int32Array(256 * T);
    for (let i = 0; i < 256; i++)
      for (let t = 0; t < T; t++) labels[i * T + t] = fam.pretrain.ys[t][i];
    const y = tf.tidy(() =>
      tf.oneHot(tf.tensor2d(labels, [256, T], 'int32'), CLASSES),
    ) as TF.Tensor3D;
    const evalLoss = () => {
      const e = net.evaluate(x, y);
      const v = e.dataSync()[1];
      e.dispose();
      return v;
    };
    const start = evalLoss();
    expect(start).toBeCloseTo(Math.log(CLASSES), 0); // small random heads: near-uniform outputs
    for (let s = 0; s < 100; s++) net.step(x, y).dispose();
    expect(evalLoss()).toBeLessThan(0.8 * start);
    const trunk = await net.trunk();
    expect(trunk.length).toBe(trunkCount(8));
    expect(trunk.some((v, i) => Math.abs(v - theta0[i]) > 1e-3)).toBe(true);
    tf.dispose([x, y]);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a short run through pretraining and fine-tuning finishes and leaves no tensor', async () => {
    const { tf } = await initNodeTf('wasm');
    const before = tf.memory().numTensors;
    const run = async (over: Record<string, number | string>) =>
      new Runner(
        tf,
        spec,
        await spec.load(),
        resolveParams(spec, 'multi-task', {
          pretrainSteps: 40,
          steps: 40,
          width: 8,
          pretrainSize: 256,
          trainSize: 256,
          ...over,
        }).params,
        {},
        { stepsPerTick: 20, viewsMs: 0 },
      ).run();
    const r = await run({});
    expect(r.state, r.error).toBe('done');
    expect(r.history[0].metrics['loss/ce']).toBeGreaterThan(1); // pretraining, logged
    expect(Number.isNaN(r.history[0].metrics['metric/d90_pre'])).toBe(true);
    expect(r.final['metric/acc_full_pre']).toBeGreaterThan(0.15);
    expect(Object.keys(r.views)).toContain('dims');
    // Without pretraining both arms are the same network on the same directions.
    const none = await run({ pretrainTasks: 0 });
    expect(none.state, none.error).toBe('done');
    expect(none.final['metric/acc_full_pre']).toBe(none.final['metric/acc_full_rand']);
    expect(none.final['metric/d90_ratio']).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
