/**
 * The slower contrastive presets (cross-entropy, LeJEPA, the sweeps) in a file of their own, so
 * Vitest spreads the family over its workers.
 */
import { experiments } from '../../experiments/registry';
import { describeClaims, HEAVY_CONTRASTIVE } from './run-preset';

describeClaims(
  experiments.filter((e) => e.family === 'contrastive'),
  (spec, preset) => HEAVY_CONTRASTIVE.has(`${spec.id}/${preset}`),
);
