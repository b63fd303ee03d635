/**
 * A linear-Gaussian latent SCM on a DAG in topological (index) order,
 *   z_j = sum_{i < j} B_ij z_i + u_j,   u ~ N(0, I),
 * seen in environments that each intervene perfectly on at most one node: the node's parents are
 * cut and it becomes z_t := mean + sd u_t (CauCA's shift by +2, or a variance change). Shared by
 * the CauCA and the interventional-CRL toys; sampling draws one normal per node per row, in node
 * order, whatever the environment.
 */
import type { Rng } from '../core/rng';

export interface Intervention {
  /** The intervened node, or -1 for the observational environment. */
  target: number;
  mean: number;
  sd: number;
}

export interface LinearScm {
  d: number;
  /** B [d, d]: B_ij the weight of the edge i -> j, zero unless i < j. */
  weights: Float64Array;
}

/** Every pair i < j an edge with probability `density`, its weight +-U(lo, hi). */
export function randomDag(d: number, density: number, lo: number, hi: number, rng: Rng): LinearScm {
  const weights = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++)
      if (rng.next() < density)
        weights[i * d + j] = (rng.next() < 0.5 ? -1 : 1) * rng.uniform(lo, hi);
  return { d, weights };
}

/** `perEnv` rows [envs * perEnv, d] of each environment in turn, or with `interleave` row r in environment r mod envs. */
export function sampleScm(
  scm: LinearScm,
  envs: readonly Intervention[],
  perEnv: number,
  rng: Rng,
  interleave = false,
): Float64Array {
  const { d, weights } = scm;
  const n = envs.length * perEnv;
  const z = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    const { target, mean, sd } = envs[interleave ? r % envs.length : Math.floor(r / perEnv)];
    for (let j = 0; j < d; j++) {
      const u = rng.normal();
      if (j === target) {
        z[r * d + j] = mean + sd * u;
        continue;
      }
      let v = u;
      for (let i = 0; i < j; i++) v += weights[i * d + j] * z[r * d + i];
      z[r * d + j] = v;
    }
  }
  return z;
}
