/**
 * The intrinsic-dimension MLP's TF.js pieces: the subspace gradient (P c with its hand-written
 * backward) against central differences of the loss, each member moving only its own first d
 * coordinates, and a short run that leaves no tensor.
 */
import { describe, expect, it } from 'vitest';
import { initNodeTf } from '../../experiments/core/tf-node';
import { Rng } from '../../experiments/core/rng';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { CLASSES, OBSERVED } from '../../experiments/dynamics/subspace-data';
import { SubspaceMLP } from '../../experiments/dynamics/subspace-model';
import { spec } from '../../experiments/dynamics/subspace-spec';

describe('dynamics-intrinsic-mlp model', () => {
  it('has the gradient of the members’ loss in c (central differences), zero beyond each d', async () => {
    const { tf } = await initNodeTf('wasm');
    const before = tf.memory().numTensors;
    const dims = [2, 5];
    const model = new SubspaceMLP(
      tf,
      { width: 6, dims, lrSubspace: 0.01, lrFull: 0.01 },
      new Rng(3),
    );
    const r = new Rng(4);
    const c0 = Float32Array.from({ length: 5 * 2 }, () => r.uniform(-2, 2));
    model.setCoordinates(c0);
    const x = tf.tensor2d(
      Float32Array.from({ length: 16 * OBSERVED }, () => r.uniform(-1, 1)),
      [16, OBSERVED],
    );
    const y = tf.tidy(
      () =>
        tf.oneHot(
          tf.tensor1d(
            Int32Array.from({ length: 16 }, () => r.int(CLASSES)),
            'int32',
          ),
          CLASSES,
        ) as typeof x,
    );
    const lossAt = (c: Float32Array) => {
      model.setCoordinates(c);
      const { loss, grad } = model.subspaceLossAndGrad(x, y);
      const v = loss.dataSync()[0];
      tf.dispose([loss, grad]);
      return v;
    };
    model.setCoordinates(c0);
    const { loss, grad } = model.subspaceLossAndGrad(x, y);
    const g = grad.dataSync().slice();
    tf.dispose([loss, grad]);
    const h = 1e-2;
    let checked = 0;
    for (let row = 0; row < 5; row++)
      for (let k = 0; k < 2; k++) {
        const i = row * 2 + k;
        if (row >= dims[k]) {
          expect(Math.abs(g[i])).toBe(0); // member k has only d_k coordinates
          continue;
        }
        const up = c0.slice();
        const down = c0.slice();
        up[i] += h;
        down[i] -= h;
        const fd = (lossAt(up) - lossAt(down)) / (2 * h);
        expect(Math.abs(g[i])).toBeGreaterThan(1e-4);
        expect(g[i]).toBeCloseTo(fd, 2);
        checked++;
      }
    expect(checked).toBe(7);
    tf.dispose([x, y]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a short run finishes, learns above chance, draws its bars and leaves no tensor', async () => {
    const { tf } = await initNodeTf('wasm');
    const { params } = resolveParams(spec, 'width-16', { steps: 60, trainSize: 512 });
    const before = tf.memory().numTensors;
    const r = await new Runner(
      tf,
      spec,
      await spec.load(),
      params,
      {},
      { stepsPerTick: 20, viewsMs: 0 },
    ).run();
    expect(r.state, r.error).toBe('done');
    expect(r.final['metric/acc_full']).toBeGreaterThan(0.3);
    expect(r.final['metric/params']).toBe(970);
    expect(Object.keys(r.views)).toContain('dims');
    expect(tf.memory().numTensors).toBe(before);
  });
});
