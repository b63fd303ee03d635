/**
 * Every claim of every registered experiment outside the SAE and contrastive families, run headlessly on the WASM
 * backend at its preset and judged by the same judgeClaim the page uses, at seeds 0 and 1 (a claim
 * that holds only for one seed is not a claim; more seeds were checked by hand with
 * `npm run claims -- --seed N`). The SAE and contrastive families run in their own files, in parallel.
 */
import { experiments } from '../../experiments/registry';
import { describeClaims } from './run-preset';

describeClaims(experiments.filter((e) => e.family !== 'sae' && e.family !== 'contrastive'));
