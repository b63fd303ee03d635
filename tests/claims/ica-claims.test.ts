/**
 * Every linear-ICA claim, run headlessly on the WASM backend at its preset and judged by the
 * same judgeClaim the page uses. Two seeds each: a claim that holds only for one seed is not a claim.
 */
import { describe, expect, it } from 'vitest';
import { spec } from '../../experiments/ica/spec';
import { resolveParams } from '../../experiments/core/params';
import { judgeClaim } from '../../experiments/core/claims';
import { Runner, type RunResult } from '../../experiments/core/runner';
import { initNodeTf } from '../../experiments/core/tf-node';

const cache = new Map<string, Promise<RunResult>>();
function runPreset(preset: string, seed: number): Promise<RunResult> {
  const key = `${preset}/${seed}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      (async () => {
        const { tf } = await initNodeTf('wasm');
        const { params } = resolveParams(spec, preset, { seed });
        return new Runner(tf, spec, await spec.load(), params, {}, { stepsPerTick: 50, views: false }).run();
      })(),
    );
  }
  return cache.get(key)!;
}

describe('linear-ica claims (WASM)', () => {
  it('runs on the WASM backend', async () => {
    expect((await initNodeTf('wasm')).backend).toBe('wasm');
  });
  for (const claim of spec.claims) {
    for (const seed of [0, 1]) {
      it(`${claim.id} (seed ${seed}) ${claim.expect}`, async () => {
        const result = await runPreset(claim.preset, seed);
        expect(result.state, result.error).toBe('done');
        const j = judgeClaim(claim, result.final[claim.metric]);
        expect(j.verdict, `${claim.metric} = ${j.measured}`).toBe(claim.expect);
      });
    }
  }
  it('the Gaussian control sits near the random-rotation chance level, well below recovery', async () => {
    const r = await runPreset('gaussian-control', 0);
    expect(r.final['metric/mcc']).toBeLessThan(r.final['metric/mcc_chance'] + 0.15);
    expect(r.final['metric/amari']).toBeGreaterThan(0.15);
  });
  it('with one Gaussian source, the MCC over non-Gaussian sources is reported and the Gaussian one is excluded', async () => {
    const r = await runPreset('one-gaussian', 0);
    expect(Number.isFinite(r.final['metric/mcc_nongauss'])).toBe(true);
    expect(r.final['metric/mcc_nongauss']).toBeGreaterThanOrEqual(r.final['metric/mcc'] - 1e-9);
  });
});
