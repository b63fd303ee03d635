/**
 * The model is plain linear ICA, shared with the `ica` family (experiments/ica/model.ts):
 * the point of this experiment is what happens to it when the mixing is only almost linear.
 */
export { IcaSolver, solverOptions } from '../ica/model';
