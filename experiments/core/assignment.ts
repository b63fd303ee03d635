/**
 * Optimal assignment (Hungarian / Kuhn-Munkres; Kuhn 1955, Munkres 1957) through the `munkres`
 * package, with scipy.optimize.linear_sum_assignment's contract for rows <= columns.
 */
import { munkres } from 'munkres';
import type { Mat } from './linalg';

/**
 * For each row i the column assigned to it, minimising the total cost; rows <= cols, every row
 * gets a distinct column. With tied optima the choice may differ from SciPy's, the total does not.
 */
export function linearSumAssignment(cost: Mat): Int32Array {
  if (cost.rows > cost.cols)
    throw new Error(`linearSumAssignment: expected rows <= columns, got ${cost.rows}x${cost.cols}`);
  for (const v of cost.data)
    if (!Number.isFinite(v))
      throw new Error(`linearSumAssignment: expected finite costs, got ${v}`);
  const rows = Array.from({ length: cost.rows }, (_, r) =>
    Array.from(cost.data.subarray(r * cost.cols, (r + 1) * cost.cols)),
  );
  const out = new Int32Array(cost.rows).fill(-1);
  for (const [r, c] of munkres(rows)) if (r < cost.rows && c < cost.cols) out[r] = c;
  const missing = out.indexOf(-1);
  if (missing >= 0)
    throw new Error(
      `linearSumAssignment: expected every row assigned, got row ${missing} unassigned`,
    );
  return out;
}
