/** Optimal assignment (Hungarian / Kuhn-Munkres) through the `munkres` package. */
import { munkres } from 'munkres';
import type { Mat } from './linalg';

/** For each row i the column assigned to it, minimising the total cost (rows <= cols). */
export function linearSumAssignment(cost: Mat): Int32Array {
  if (cost.rows > cost.cols) throw new Error(`linearSumAssignment: expected rows <= columns, got ${cost.rows}x${cost.cols}`);
  for (const v of cost.data) if (!Number.isFinite(v)) throw new Error(`linearSumAssignment: expected finite costs, got ${v}`);
  const rows = Array.from({ length: cost.rows }, (_, r) => Array.from(cost.data.subarray(r * cost.cols, (r + 1) * cost.cols)));
  const out = new Int32Array(cost.rows).fill(-1);
  for (const [r, c] of munkres(rows)) if (r < cost.rows && c < cost.cols) out[r] = c;
  return out;
}
