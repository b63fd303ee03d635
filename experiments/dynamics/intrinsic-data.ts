/**
 * The toy objective of Li, Farkhoor, Liu and Yosinski, "Measuring the Intrinsic Dimension of
 * Objective Landscapes" (ICLR 2018), Sec. 2: D parameters in `groups` groups whose sums must equal
 * 1, 2, ..., groups; the loss is sum_g (sum_{i in g} theta_i - g)^2. Its solutions form a
 * (D - groups)-dimensional affine set, so its intrinsic dimension is exactly `groups`.
 */
import { mat, type Mat } from '../core/linalg';
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { IntrinsicParams } from './intrinsic-spec';

export interface SumsTask {
  /** D = groups * groupSize. */
  dim: number;
  groups: number;
  /** [D] starting point theta_0 and [groups] targets 1..groups. */
  theta0: Float64Array;
  targets: Float64Array;
  /** [D, dMax] random directions with unit-norm columns (the first d span the d-dim subspace). */
  directions: Mat;
}

export function generate(p: IntrinsicParams): SumsTask {
  const { groups, groupSize, maxDim } = p;
  const dim = groups * groupSize;
  const r = new Rng(p.seed);
  const ri = r.fork('init');
  // theta_0 as a network would start: small random values (the paper's toy starts from a random point).
  const theta0 = Float64Array.from({ length: dim }, () => ri.normal() * 0.1);
  const targets = Float64Array.from({ length: groups }, (_, g) => g + 1);
  const rp = r.fork('subspace');
  const directions = mat(dim, maxDim);
  // 'confined': every direction moves only the first half of the groups' parameters.
  const active = p.subspace === 'confined' ? Math.ceil(groups / 2) * groupSize : dim;
  for (let c = 0; c < maxDim; c++) {
    let norm = 0;
    for (let i = 0; i < active; i++) {
      const v = rp.normal();
      directions.data[i * maxDim + c] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < active; i++) directions.data[i * maxDim + c] /= norm;
  }
  return { dim, groups, theta0, targets, directions };
}

/** The group sums G theta [groups]. */
export function groupSums(task: SumsTask, theta: Float64Array): Float64Array {
  const size = task.dim / task.groups;
  const s = new Float64Array(task.groups);
  for (let i = 0; i < task.dim; i++) s[Math.floor(i / size)] += theta[i];
  return s;
}

export function toTable(p: IntrinsicParams): DataTable {
  const t = generate(p);
  const values = new Float64Array(t.dim * 2);
  const size = t.dim / t.groups;
  for (let i = 0; i < t.dim; i++) {
    values[2 * i] = Math.floor(i / size);
    values[2 * i + 1] = t.theta0[i];
  }
  return {
    columns: ['group', 'theta0'],
    rows: t.dim,
    values,
    truth: {
      targets: Array.from(t.targets),
      note: 'loss(theta) = sum_g (sum of theta over group g - target_g)^2; intrinsic dimension = number of groups',
    },
  };
}
