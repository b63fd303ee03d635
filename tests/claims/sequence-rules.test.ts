/**
 * The tiny next-token models: the masked loss at the data's entropy for a model that has learned
 * the language, greedy completion stopping at EOS, and a short run of each preset that learns the
 * training strings and leaves no tensor.
 */
import { describe, expect, it } from 'vitest';
import { initNodeTf } from '../../experiments/core/tf-node';
import { Rng } from '../../experiments/core/rng';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import {
  EOS,
  PAD,
  SOS,
  entropyFloor,
  targetWeights,
  trainingSet,
} from '../../experiments/sequence/data';
import { TinyLM } from '../../experiments/sequence/model';
import { spec } from '../../experiments/sequence/rules-spec';
import { spec as nonid } from '../../experiments/sequence/nonid-spec';

describe('sequence-rules model', () => {
  it('learns the training strings to the entropy floor and completes a prompt to EOS', async () => {
    const { tf } = await initNodeTf('wasm');
    const before = tf.memory().numTensors;
    const N = 4;
    const L = 2 * N + 2;
    const lm = new TinyLM(
      tf,
      { arch: 'transformer', length: L, dim: 16, heads: 4, layers: 1, hidden: 32, lr: 1e-2 },
      new Rng(1),
    );
    const data = trainingSet(N, L);
    const w = targetWeights(data, L);
    const tokens = tf.tensor2d(data, [N, L], 'int32');
    const weights = tf.tensor2d(w, [N, L - 1]);
    for (let s = 0; s < 300; s++) lm.step([{ tokens, weights }]).dispose();
    const loss = lm.loss(tokens, weights);
    // Only the length is uncertain: ln N / (N + 2) nats per token at best.
    expect(loss.dataSync()[0]).toBeCloseTo(entropyFloor(N), 1);
    loss.dispose();
    const [done] = await lm.complete([[SOS, 0, 0, 0, 1]]);
    expect(done.slice(0, 8)).toEqual([SOS, 0, 0, 0, 1, 1, 1, EOS]);
    expect(done.slice(8).every((t) => t === PAD)).toBe(true);
    tf.dispose([tokens, weights]);
    lm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  for (const preset of ['transformer', 'linear'])
    it(`a short run at ${preset} finishes, scores the rules, draws its bars and leaves no tensor`, async () => {
      const { tf } = await initNodeTf('wasm');
      const before = tf.memory().numTensors;
      const { params } = resolveParams(spec, preset, { steps: 60, maxN: 8, promptLength: 6 });
      const r = await new Runner(
        tf,
        spec,
        await spec.load(),
        params,
        {},
        { stepsPerTick: 30, viewsMs: 0 },
      ).run();
      expect(r.state, r.error).toBe('done');
      expect(r.final['loss/ce']).toBeLessThan(0.6);
      for (const k of ['metric/id_r1', 'metric/ood_r1', 'metric/ood_r1_linear'])
        expect(r.final[k]).toBeGreaterThanOrEqual(0);
      expect(Object.keys(r.views)).toContain('imbalance');
      expect(tf.memory().numTensors).toBe(before);
    });

  it('the three non-identifiability arms train from one start and leave no tensor; without the completion term they stay one model', async () => {
    const { tf } = await initNodeTf('wasm');
    const before = tf.memory().numTensors;
    const run = async (extraWeight: number) =>
      new Runner(
        tf,
        nonid,
        await nonid.load(),
        resolveParams(nonid, 'three-arms', { steps: 40, maxN: 8, promptLength: 4, extraWeight })
          .params,
        {},
        { stepsPerTick: 20, viewsMs: 0 },
      ).run();
    const r = await run(1);
    expect(r.state, r.error).toBe('done');
    expect(r.final['metric/max_id_kl']).toBeLessThan(1);
    const same = await run(0);
    expect(same.state, same.error).toBe('done');
    expect(same.final['loss/id_kl_extrapolate']).toBe(same.final['loss/id_kl_plain']);
    expect(same.final['metric/ood_r1_gap']).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
