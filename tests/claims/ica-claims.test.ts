/** Linear-ICA specifics beyond the verdicts (which tests/claims/all-claims.test.ts checks). */
import { describe, expect, it } from 'vitest';
import { spec } from '../../experiments/ica/spec';
import { runPreset } from './run-preset';

describe('linear-ica controls', () => {
  it('the Gaussian control sits near the random-rotation chance level, well below recovery', async () => {
    const r = await runPreset(spec, 'gaussian-control', 0);
    expect(r.final['metric/mcc']).toBeLessThan(r.final['metric/mcc_chance'] + 0.15);
    expect(r.final['metric/amari']).toBeGreaterThan(0.15);
  });
  it('with one Gaussian source, the MCC over non-Gaussian sources is reported and the Gaussian one is excluded', async () => {
    const r = await runPreset(spec, 'one-gaussian', 0);
    expect(Number.isFinite(r.final['metric/mcc_nongauss'])).toBe(true);
    expect(r.final['metric/mcc_nongauss']).toBeGreaterThanOrEqual(r.final['metric/mcc'] - 1e-9);
  });
});
