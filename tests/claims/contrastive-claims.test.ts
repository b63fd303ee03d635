/** Every claim of the contrastive family at seeds 0 and 1 on the WASM backend (see all-claims.test.ts). */
import { experiments } from '../../experiments/registry';
import { describeClaims } from './run-preset';

describeClaims(experiments.filter((e) => e.family === 'contrastive'));
