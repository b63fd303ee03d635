/**
 * Shared by the claim test files: run a preset once per (experiment, preset, seed) within a file,
 * and the suite that judges every claim of a list of experiments at seeds 0 and 1. The families
 * are split over files so Vitest runs them in parallel.
 */
import { describe, expect, it } from 'vitest';
import { judgeClaim, shippedVerdict } from '../../experiments/core/claims';
import { resolveParams } from '../../experiments/core/params';
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


export function describeClaims(specs: readonly ExperimentSpec[]): void {
  for (const spec of specs) {
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
}
