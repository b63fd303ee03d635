/**
 * The three estimators of theta compared on the same data. CPU, pure: they take the observed
 * table and, for ICA, the estimated unmixing from the shared ICA solver.
 */
import { linearSumAssignment } from '../core/assignment';
import { inv, lstsq, mat, type Mat } from '../core/linalg';

/** Least squares of Y on the chosen columns plus an intercept; returns the coefficients of `treatmentCols`. */
export function olsEffects(
  obs: Float64Array,
  n: number,
  d: number,
  regressors: number[],
  treatmentCols: number[],
): Float64Array {
  const p = regressors.length + 1;
  const design = mat(n, p);
  const y = mat(n, 1);
  for (let i = 0; i < n; i++) {
    regressors.forEach((c, j) => (design.data[i * p + j] = obs[i * d + c]));
    design.data[i * p + p - 1] = 1;
    y.data[i] = obs[i * d + d - 1];
  }
  const coef = lstsq(design, y);
  return Float64Array.from(treatmentCols, (c) => coef.data[regressors.indexOf(c)]);
}

/**
 * ICA estimate: in the mixing A = (W K)^-1 the column of treatment noise eta_j loads 1 on T_j,
 * theta_j on Y and nothing on X or the other treatments. Pick, by an optimal assignment, the
 * column whose load on rows X, T is concentrated on T_j, and read theta_j = A[Y, c] / A[T_j, c].
 * Only the known roles of the observed variables (covariate, treatment, outcome) are used.
 */
export function icaEffects(
  unmixing: Mat,
  k: number,
  m: number,
): { theta: Float64Array; columns: Int32Array } {
  const a = inv(unmixing);
  const d = a.rows;
  const yRow = d - 1;
  const cost = mat(m, d);
  for (let j = 0; j < m; j++) {
    for (let c = 0; c < d; c++) {
      let total = 0;
      for (let r = 0; r < yRow; r++) total += a.data[r * d + c] ** 2;
      const share = total > 0 ? a.data[(k + j) * d + c] ** 2 / total : 0;
      cost.data[j * d + c] = -share;
    }
  }
  const columns = linearSumAssignment(cost);
  const theta = Float64Array.from(
    { length: m },
    (_, j) => a.data[yRow * d + columns[j]] / a.data[(k + j) * d + columns[j]],
  );
  return { theta, columns };
}

export function meanAbsError(est: Float64Array, truth: Float64Array): number {
  let acc = 0;
  for (let j = 0; j < truth.length; j++) acc += Math.abs(est[j] - truth[j]);
  return acc / truth.length;
}
