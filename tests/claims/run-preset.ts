/**
 * Shared by the claim test files: run a preset once per (experiment, preset, seed) within a file,
 * and the suite that judges every claim of a list of experiments at one seed. The families are
 * split over files so Vitest runs them in parallel.
 */
import { describe, expect, it } from 'vitest';
import { judgeClaim, shippedVerdict } from '../../experiments/core/claims';
import { resolveParams } from '../../experiments/core/params';
import { Runner, type RunResult } from '../../experiments/core/runner';
import { initNodeTf } from '../../experiments/core/tf-node';
import type { ExperimentSpec } from '../../experiments/core/spec';
import { readCalibration } from '../../src/cli/calibrations';

/** The slower contrastive presets, judged in a file of their own (contrastive-heavy-claims.test.ts). */
export const HEAVY_CONTRASTIVE = new Set([
  'contrastive/cross-entropy',
  'contrastive/lejepa-gaussian',
  'contrastive/lejepa-laplace',
  'contrastive-sweep/samples-sweep',
  'contrastive-sweep/batch-sweep',
]);

/** The causal toys trained in TF.js, judged in a file of their own (causal-trained-claims.test.ts). */
export const TRAINED_CAUSAL = new Set(['causal-cauca', 'causal-linear-crl', 'causal-concepts']);

const cache = new Map<string, Promise<RunResult>>();
export function runPreset(spec: ExperimentSpec, preset: string, seed: number): Promise<RunResult> {
  const key = `${spec.id}/${preset}/${seed}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      (async () => {
        const { tf } = await initNodeTf('wasm');
        const { params } = resolveParams(spec, preset, { seed });
        return new Runner(
          tf,
          spec,
          await spec.load(),
          params,
          {},
          { stepsPerTick: 50, views: false },
        ).run();
      })(),
    );
  }
  return cache.get(key)!;
}

/** Seed the claim tests run at; the calibration records (npm run calibrate) cover seeds 0-7. */
const SEED = 0;

/**
 * Judge the claims of `specs` (only those of presets `presets` accepts, when given) at one seed,
 * and check that the run reproduces the calibration record's metrics at that seed: a change to the
 * code that moves a result shows here, even when its parameters (and so the record's freshness)
 * did not change.
 */
export function describeClaims(
  specs: readonly ExperimentSpec[],
  presets?: (spec: ExperimentSpec, preset: string) => boolean,
): void {
  for (const spec of specs) {
    const claims = spec.claims.filter((c) => !presets || presets(spec, c.preset));
    if (!claims.length) continue;
    describe(`${spec.id} claims (WASM)`, () => {
      for (const claim of claims) {
        it(`${claim.id} (seed ${SEED}) ${claim.expect}`, async () => {
          const result = await runPreset(spec, claim.preset, SEED);
          expect(result.state, result.error).toBe('done');
          const j = judgeClaim(claim, result.final[claim.metric]);
          // A seed-dependent claim has no single shipped verdict; it must still be measured.
          if (claim.seedDependent)
            expect(j.verdict, `${claim.metric} = ${j.measured}`).not.toBe('undefined');
          else expect(j.verdict, `${claim.metric} = ${j.measured}`).toBe(shippedVerdict(claim));
          const rec = readCalibration(spec.id, claim.preset);
          const at = rec?.seeds.indexOf(SEED) ?? -1;
          if (rec && at >= 0) {
            const recorded = rec.finals[claim.metric]?.[at] ?? NaN;
            expect(
              Math.abs(j.measured - recorded),
              `${claim.metric} = ${j.measured} here, ${recorded} in the calibration record (npm run calibrate -- --only ${spec.id}/${claim.preset})`,
            ).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(recorded)));
          }
        });
      }
      it('declares every metric it emits, and emits every metric it declares', async () => {
        const result = await runPreset(spec, claims[0].preset, SEED);
        expect(Object.keys(result.final).sort()).toEqual(Object.keys(spec.metrics).sort());
      });
    });
  }
}
