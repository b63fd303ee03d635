/** Every claim of the SAE family at one seed on the WASM backend (see all-claims.test.ts). */
import { experiments } from '../../experiments/registry';
import { describeClaims } from './run-preset';

describeClaims(experiments.filter((e) => e.family === 'sae'));
