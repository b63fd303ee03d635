/** The run loop: no leaked tensors, same seed same curves, divergence stops with a message, controls work. */
import { describe, expect, it } from 'vitest';
import { spec } from '../../experiments/ica/spec';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { initNodeTf } from '../../experiments/core/tf-node';
import type { MetricPoint, Trainer } from '../../experiments/core/spec';

async function setup(overrides: Record<string, unknown>, preset = 'laplace-fastica') {
  const { tf } = await initNodeTf('wasm');
  const { params } = resolveParams(spec, preset, overrides);
  return { tf, params, trainer: await spec.load() };
}

describe('Runner', () => {
  for (const algorithm of ['fastica', 'infomax']) {
    it(`leaves no tensor behind (${algorithm}, with views and final metrics)`, async () => {
      const { tf, params, trainer } = await setup({ algorithm, steps: 20, samples: 500 });
      const before = tf.memory().numTensors;
      const r = await new Runner(
        tf,
        spec,
        trainer,
        params,
        {},
        { stepsPerTick: 3, viewsMs: 0 },
      ).run();
      expect(r.state).toBe('done');
      expect(Object.keys(r.views)).toEqual(['scatter', 'heatmap']);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('reproduces the same curves from the same seed, and different ones from another seed', async () => {
    const { tf, params, trainer } = await setup({
      algorithm: 'infomax',
      steps: 30,
      samples: 800,
      seed: 5,
    });
    const curve = async (p: typeof params) =>
      (await new Runner(tf, spec, trainer, p, {}, { stepsPerTick: 5, views: false }).run()).history;
    const a = await curve(params);
    const b = await curve(params);
    const c = await curve({ ...params, seed: 6 });
    expect(b).toEqual(a);
    expect(c.at(-1)!.metrics['metric/amari']).not.toBe(a.at(-1)!.metrics['metric/amari']);
  });

  it('stops a diverging run with a message, keeps its history and disposes the run', async () => {
    const { tf, params } = await setup({});
    let disposed = false;
    // A trainer whose loss turns NaN at step 4: the mechanism under test is the Runner's.
    const trainer: Trainer = {
      exportData: () => ({ columns: [], rows: 0, values: new Float64Array(), truth: {} }),
      create: () => {
        let step = 0;
        return {
          totalSteps: 100,
          advance: async (k: number) => {
            step += k;
            return {
              step,
              done: false,
              metrics: { 'loss/nll': step >= 4 ? NaN : 1 / (step + 1), 'metric/mcc': 0.5 },
            };
          },
          views: async () => ({}),
          finalMetrics: async () => ({}),
          dispose: () => void (disposed = true),
        };
      },
    };
    const r = await new Runner(
      tf,
      spec,
      trainer,
      params,
      {},
      { stepsPerTick: 1, views: false },
    ).run();
    expect(r.state).toBe('error');
    expect(r.error).toBe(
      'diverged at step 4: loss/nll is NaN; the last finite value was at step 3; try a smaller learning rate',
    );
    expect(r.history.map((p) => p.step)).toEqual([0, 1, 2, 3, 4]);
    expect(disposed).toBe(true);
  });

  it('pauses, single-steps, resumes and stops', async () => {
    const { tf, params, trainer } = await setup({
      algorithm: 'infomax',
      steps: 5000,
      samples: 400,
    });
    const points: MetricPoint[] = [];
    const yieldFn = () => new Promise<void>((r) => setTimeout(r, 0));
    const runner = new Runner(
      tf,
      spec,
      trainer,
      params,
      { onPoints: (p) => points.push(...p) },
      { startPaused: true, flushMs: 0, views: false, yieldFn },
    );
    const done = runner.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(points.map((p) => p.step)).toEqual([0]);
    runner.stepOnce();
    runner.stepOnce();
    await new Promise((r) => setTimeout(r, 50));
    expect(points.map((p) => p.step)).toEqual([0, 1, 2]);
    runner.setStepsPerTick(7);
    runner.resume();
    await expect.poll(() => points.at(-1)!.step, { interval: 1 }).toBeGreaterThan(2);
    runner.stop();
    const r = await done;
    expect(r.state).toBe('stopped');
    expect(r.step).toBeGreaterThan(2);
    expect(r.step).toBeLessThan(5000);
    expect((r.step - 2) % 7).toBe(0);
  });
});
