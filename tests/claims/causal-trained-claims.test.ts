/** Claims of the causal toys trained in TF.js (CauCA's flow, the environment classifiers) at one seed (see all-claims.test.ts). */
import { experiments } from '../../experiments/registry';
import { describeClaims, TRAINED_CAUSAL } from './run-preset';

describeClaims(experiments.filter((e) => TRAINED_CAUSAL.has(e.id)));
