/**
 * Every claim of every registered experiment outside the SAE and contrastive families and the
 * trained causal toys, run headlessly on the WASM
 * backend at its preset and judged by the same judgeClaim the page uses, at one seed; the committed
 * calibration records (`npm run calibrate`, checked in tests/unit/calibration.test.ts) cover seeds
 * 0-7. The SAE and contrastive families run in their own files, in parallel.
 */
import { experiments } from '../../experiments/registry';
import { describeClaims, TRAINED_CAUSAL } from './run-preset';

describeClaims(
  experiments.filter(
    (e) => e.family !== 'sae' && e.family !== 'contrastive' && !TRAINED_CAUSAL.has(e.id),
  ),
);
