/** Claims of the contrastive lab's InfoNCE, AnInfoNCE and skill presets at one seed (see all-claims.test.ts). */
import { experiments } from '../../experiments/registry';
import { describeClaims, HEAVY_CONTRASTIVE } from './run-preset';

describeClaims(
  experiments.filter((e) => e.family === 'contrastive'),
  (spec, preset) => !HEAVY_CONTRASTIVE.has(`${spec.id}/${preset}`),
);
