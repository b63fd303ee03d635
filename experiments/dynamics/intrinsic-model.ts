/**
 * Training in a random subspace, theta = theta_0 + P v (Li et al. 2018, Eq. 1), on the group-sum
 * objective. The objective is quadratic in v, so the best v for each d is a least-squares
 * solution, the point gradient descent on v converges to.
 */
import { mat, svd, type Mat } from '../core/linalg';
import { groupSums, type SumsTask } from './intrinsic-data';

/** G P_d [groups, d]: how each of the first d directions moves each group sum. */
export function sumsJacobian(task: SumsTask, d: number): Mat {
  const { dim, groups, directions } = task;
  const size = dim / groups;
  const k = directions.cols;
  const j = mat(groups, d);
  for (let i = 0; i < dim; i++) {
    const g = Math.floor(i / size);
    for (let c = 0; c < d; c++) j.data[g * d + c] += directions.data[i * k + c];
  }
  return j;
}

/** The residual t - G theta_0 [groups]. */
export function startResidual(task: SumsTask): Float64Array {
  const s = groupSums(task, task.theta0);
  return task.targets.map((t, g) => t - s[g]);
}

/**
 * min_v |G (theta_0 + P_d v) - t|^2, the objective's minimum inside the d-dimensional subspace,
 * and the group sums there: the part of the residual t - G theta_0 outside the column space of
 * J = G P_d (through the SVD, so that d above the number of groups is fine).
 */
export function subspaceMinimum(task: SumsTask, d: number): { loss: number; sums: Float64Array } {
  const j = sumsJacobian(task, d);
  const r0 = startResidual(task);
  const g = task.groups;
  const { u, s } = svd(j);
  const k = s.length;
  const tol = Math.max(g, d) * Number.EPSILON * (s[0] || 0);
  const e = r0.slice();
  for (let c = 0; c < k; c++) {
    if (!(s[c] > tol)) continue;
    let dot = 0;
    for (let a = 0; a < g; a++) dot += u.data[a * k + c] * r0[a];
    for (let a = 0; a < g; a++) e[a] -= dot * u.data[a * k + c];
  }
  let loss = 0;
  const sums = new Float64Array(g);
  for (let a = 0; a < g; a++) {
    loss += e[a] * e[a];
    sums[a] = task.targets[a] - e[a];
  }
  return { loss, sums };
}
