/**
 * Every claim of every registered experiment, run headlessly on the WASM backend at its preset
 * and judged by the same judgeClaim the page uses. Two seeds each: a claim that holds only for
 * one seed is not a claim. (Ten seeds were checked by hand with `npm run claims -- --seed N`.)
 */
import { describe, expect, it } from 'vitest';
import { experiments } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import { judgeClaim, shippedVerdict } from '../../experiments/core/claims';
import { Runner, type RunResult } from '../../experiments/core/runner';
import { initNodeTf } from '../../experiments/core/tf-node';
import type { ExperimentSpec } from '../../experiments/core/spec';

const cache = new Map<string, Promise<RunResult>>();
export function runPreset(spec: ExperimentSpec, preset: string, seed: number): Promise<RunResult> {
  const key = `${spec.id}/${preset}/${seed}`;
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

for (const spec of experiments) {
  describe(`${spec.id} claims (WASM)`, () => {
    for (const claim of spec.claims) {
      for (const seed of [0, 1]) {
        it(`${claim.id} (seed ${seed}) ${claim.expect}`, async () => {
          const result = await runPreset(spec, claim.preset, seed);
          expect(result.state, result.error).toBe('done');
          const j = judgeClaim(claim, result.final[claim.metric]);
          expect(j.verdict, `${claim.metric} = ${j.measured}`).toBe(shippedVerdict(claim));
        });
      }
    }
    it('declares every metric it emits, and emits every metric it declares', async () => {
      const presets = [...new Set(spec.claims.map((c) => c.preset))];
      const result = await runPreset(spec, presets[0] ?? spec.defaultPreset, 0);
      expect(Object.keys(result.final).sort()).toEqual(Object.keys(spec.metrics).sort());
    });
  });
}
