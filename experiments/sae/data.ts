/**
 * Pure, seeded sparse-coding data: n true features (dictionary atoms) superposed in d < n
 * dimensions, x = sum_j z_j a_j + noise, with non-negative sparse codes z. Options cover the
 * structures the SAE papers argue about: co-occurring groups, correlated concepts, parent-child
 * hierarchies, an anisotropic input covariance, and a compositional out-of-distribution split.
 */
import { Rng } from '../core/rng';
import { mat, matmul, normaliseRowsInPlace } from '../core/linalg';
import { randomWithCondition } from '../core/mixing';
import { rowsOf, type DataTable } from '../core/spec';
import { sparseCodingRules, type SaeParams } from './params';

export type Magnitude = SaeParams['magnitude'];

/** The parameters the generator reads, as the spec declares them. */
export type SparseSpec = Pick<
  SaeParams,
  | 'features'
  | 'dim'
  | 'coherence'
  | 'support'
  | 'k'
  | 'p'
  | 'magnitude'
  | 'noise'
  | 'structure'
  | 'groupSize'
  | 'cooccur'
  | 'rho'
  | 'childCos'
  | 'anisotropy'
  | 'split'
  | 'samples'
  | 'testSamples'
>;

export interface CodeSet {
  n: number;
  /** [n, features] true codes, in units of the unit-norm observed atoms. */
  z: Float64Array;
  /** [n, dim] observations. */
  x: Float64Array;
}

export interface SparseData {
  spec: SparseSpec;
  features: number;
  dim: number;
  /** [features, dim] true atoms as unit-norm rows, in observation space. */
  dict: Float64Array;
  train: CodeSet;
  testId: CodeSet;
  /** Combinations of features never seen together in training; absent without the split. */
  testOod?: CodeSet;
  /** Compartment of each feature under the compositional split (0 or 1). */
  compartment: Int32Array;
}

function gaussianRows(rng: Rng, rows: number, cols: number): Float64Array {
  return normaliseRowsInPlace(
    Float64Array.from({ length: rows * cols }, () => rng.normal()),
    rows,
    cols,
  );
}

/**
 * [features, dim] unit atoms before the anisotropic map. Coherent atoms share a direction u:
 * a_i ~ g_i + t u with |g_i| = 1 and t^2 / (1 + t^2) = coherence, so E cos(a_i, a_j) ~ coherence.
 * Hierarchy: each group's first atom is the parent, children are parent + fresh direction at the
 * chosen cosine.
 */
export function atoms(s: SparseSpec, rng: Rng): Float64Array {
  const { features: n, dim: d } = s;
  const a = gaussianRows(rng.fork('atoms'), n, d);
  if (s.coherence > 0) {
    const u = gaussianRows(rng.fork('shared-direction'), 1, d);
    const t = Math.sqrt(s.coherence / (1 - s.coherence));
    for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) a[i * d + c] += t * u[c];
    normaliseRowsInPlace(a, n, d);
  }
  if (s.structure === 'hierarchy') {
    const fresh = gaussianRows(rng.fork('child-directions'), n, d);
    const c = s.childCos;
    for (let i = 0; i < n; i++) {
      const parent = i - (i % s.groupSize);
      if (parent === i) continue;
      // child = c * parent + sqrt(1 - c^2) * (fresh direction orthogonalised against the parent)
      let dot = 0;
      for (let j = 0; j < d; j++) dot += fresh[i * d + j] * a[parent * d + j];
      let norm = 0;
      for (let j = 0; j < d; j++) {
        fresh[i * d + j] -= dot * a[parent * d + j];
        norm += fresh[i * d + j] ** 2;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++)
        a[i * d + j] = c * a[parent * d + j] + Math.sqrt(1 - c * c) * (fresh[i * d + j] / norm);
    }
  }
  return a;
}

function magnitude(kind: Magnitude, rng: Rng): number {
  switch (kind) {
    case 'uniform':
      return rng.next();
    case 'half-normal':
      return Math.abs(rng.normal());
    case 'exponential':
      return -Math.log(1 - rng.next());
    case 'lognormal':
      return Math.exp(0.5 * rng.normal());
  }
}

/** Inverse standard-normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function probit(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const dd = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((dd[0] * q + dd[1]) * q + dd[2]) * q + dd[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -probit(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Groups of consecutive features (the unit of co-occurrence, correlation and hierarchy). */
const groupOf = (s: SparseSpec, i: number) =>
  s.structure === 'none' ? i : Math.floor(i / s.groupSize);

/** Active set of one sample drawn from `pool` (feature indices), before structure is applied. */
function baseSupport(s: SparseSpec, pool: number[], k: number, p: number, rng: Rng): number[] {
  if (s.support === 'exact-k') {
    const idx = pool.slice();
    const take = Math.min(k, idx.length);
    for (let i = 0; i < take; i++) {
      const j = i + rng.int(idx.length - i);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, take);
  }
  return pool.filter(() => rng.next() < p);
}

/**
 * One sample's support. `pool` restricts features (the compositional split). Structure:
 * groups spread activity to group mates with probability cooccur; correlated draws whole groups
 * through an equicorrelated Gaussian copula with the marginal rate p (or k / features);
 * hierarchy draws parents, and each active parent turns on one of its children (children never
 * fire alone).
 */
function supportOf(s: SparseSpec, pool: number[], k: number, p: number, rng: Rng): number[] {
  if (s.structure === 'correlated') {
    const rate = s.support === 'exact-k' ? k / Math.max(1, pool.length) : p;
    const thr = probit(1 - Math.min(Math.max(rate, 1e-6), 1 - 1e-6));
    const shared = new Map<number, number>();
    const out: number[] = [];
    for (const i of pool) {
      const g = groupOf(s, i);
      if (!shared.has(g)) shared.set(g, rng.normal());
      const latent = Math.sqrt(s.rho) * shared.get(g)! + Math.sqrt(1 - s.rho) * rng.normal();
      if (latent > thr) out.push(i);
    }
    return out;
  }
  if (s.structure === 'hierarchy') {
    const parents = pool.filter((i) => i % s.groupSize === 0);
    const out: number[] = [];
    for (const parent of baseSupport(s, parents, Math.max(1, Math.round(k / 2)), p, rng)) {
      out.push(parent);
      const children = pool.filter((i) => i !== parent && i - (i % s.groupSize) === parent);
      if (children.length) out.push(children[rng.int(children.length)]);
    }
    return out;
  }
  const base = baseSupport(s, pool, k, p, rng);
  if (s.structure !== 'groups' || s.cooccur === 0) return base;
  const on = new Set(base);
  for (const i of base) {
    const g = groupOf(s, i);
    for (const j of pool)
      if (j !== i && groupOf(s, j) === g && !on.has(j) && rng.next() < s.cooccur) on.add(j);
  }
  return [...on].sort((x, y) => x - y);
}

function drawCodes(
  s: SparseSpec,
  n: number,
  rng: Rng,
  kind: 'train' | 'ood',
  compartment: Int32Array,
): Float64Array {
  const f = s.features;
  const z = new Float64Array(n * f);
  const all = Array.from({ length: f }, (_, i) => i);
  const pools = [all.filter((i) => compartment[i] === 0), all.filter((i) => compartment[i] === 1)];
  for (let r = 0; r < n; r++) {
    let active: number[];
    if (s.split !== 'compositional') active = supportOf(s, all, s.k, s.p, rng);
    else if (kind === 'train') active = supportOf(s, pools[rng.int(2)], s.k, s.p, rng);
    else {
      // Out of distribution: both compartments at once, half the activity from each.
      do {
        active = [
          ...supportOf(s, pools[0], Math.ceil(s.k / 2), s.p, rng),
          ...supportOf(s, pools[1], Math.floor(s.k / 2) || 1, s.p, rng),
        ];
      } while (!(
        active.some((i) => compartment[i] === 0) && active.some((i) => compartment[i] === 1)
      ));
    }
    for (const i of active) z[r * f + i] = magnitude(s.magnitude, rng);
  }
  return z;
}

function observe(
  z: Float64Array,
  n: number,
  dict: Float64Array,
  f: number,
  d: number,
  noise: number,
  rng: Rng,
): Float64Array {
  const x = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < f; i++) {
      const v = z[r * f + i];
      if (v === 0) continue;
      for (let c = 0; c < d; c++) x[r * d + c] += v * dict[i * d + c];
    }
    if (noise > 0) for (let c = 0; c < d; c++) x[r * d + c] += noise * rng.normal();
  }
  return x;
}

/**
 * The observed dictionary: atoms mapped by L (anisotropy) and renormalised, with the codes
 * rescaled by |L a_i| so that x = z dict exactly.
 */
function applyAnisotropy(
  s: SparseSpec,
  raw: Float64Array,
  rng: Rng,
): { dict: Float64Array; scale: Float64Array } {
  const { features: f, dim: d } = s;
  const scale = new Float64Array(f).fill(1);
  if (s.anisotropy === 1) return { dict: raw, scale };
  const l = randomWithCondition(d, s.anisotropy, rng.fork('anisotropy'));
  // rows a_i -> (L a_i)^T, i.e. A L^T
  const lt = mat(d, d);
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) lt.data[c * d + r] = l.data[r * d + c];
  const mapped = matmul(mat(f, d, raw), lt).data;
  for (let i = 0; i < f; i++) {
    let nrm = 0;
    for (let c = 0; c < d; c++) nrm += mapped[i * d + c] ** 2;
    scale[i] = Math.sqrt(nrm);
  }
  return { dict: normaliseRowsInPlace(mapped, f, d), scale };
}

export function compartments(s: SparseSpec): Int32Array {
  // Whole groups share a compartment, so the split changes which groups meet, not the groups.
  return Int32Array.from({ length: s.features }, (_, i) => groupOf(s, i) % 2);
}

function codeSet(
  s: SparseSpec,
  n: number,
  dict: Float64Array,
  scale: Float64Array,
  rng: Rng,
  kind: 'train' | 'ood',
  comp: Int32Array,
): CodeSet {
  const z = drawCodes(s, n, rng.fork('codes'), kind, comp);
  const f = s.features;
  for (let r = 0; r < n; r++) for (let i = 0; i < f; i++) z[r * f + i] *= scale[i];
  return { n, z, x: observe(z, n, dict, f, s.dim, s.noise, rng.fork('noise')) };
}

/** The generator's guard for callers that skip the spec's check (tests, other families): the same rules. */
export function validate(s: SparseSpec): void {
  const [first] = sparseCodingRules({
    ...s,
    decoder: 'learned',
    variant: 'topk',
    width: s.features,
    whiten: false,
  });
  if (first) throw first;
}

/** The data set of a run: `label` separates independent draws that share one seed (e.g. two systems). */
export function generate(s: SparseSpec, seed: number, label = 'data'): SparseData {
  validate(s);
  const root = new Rng(seed).fork(label);
  const { dict, scale } = applyAnisotropy(s, atoms(s, root), root);
  const comp = compartments(s);
  return {
    spec: s,
    features: s.features,
    dim: s.dim,
    dict,
    train: codeSet(s, s.samples, dict, scale, root.fork('train'), 'train', comp),
    testId: codeSet(s, s.testSamples, dict, scale, root.fork('test-id'), 'train', comp),
    testOod:
      s.split === 'compositional'
        ? codeSet(s, s.testSamples, dict, scale, root.fork('test-ood'), 'ood', comp)
        : undefined,
    compartment: comp,
  };
}

/**
 * The same codes seen through another random dictionary: a second system holding the same
 * features. Its atoms are fresh unit vectors (no anisotropy), so the shared codes keep their units.
 */
export function reproject(
  data: SparseData,
  seed: number,
  label: string,
): { dict: Float64Array; train: CodeSet; testId: CodeSet } {
  const s = { ...data.spec, anisotropy: 1 };
  const root = new Rng(seed).fork(label);
  const dict = atoms(s, root);
  const again = (set: CodeSet, tag: string): CodeSet => ({
    n: set.n,
    z: set.z,
    x: observe(set.z, set.n, dict, s.features, s.dim, s.noise, root.fork(`noise-${tag}`)),
  });
  return { dict, train: again(data.train, 'train'), testId: again(data.testId, 'test') };
}

/** Empirical rate at which two features of one group are active together, given one is (structure diagnostics). */
export function cooccurrence(set: CodeSet, s: SparseSpec): number {
  if (s.structure === 'none') return NaN;
  const f = s.features;
  let both = 0;
  let one = 0;
  for (let r = 0; r < set.n; r++) {
    for (let i = 0; i < f; i += s.groupSize) {
      let on = 0;
      for (let j = i; j < i + s.groupSize; j++) if (set.z[r * f + j] > 0) on++;
      if (on >= 1) one++;
      if (on >= 2) both++;
    }
  }
  return one ? both / one : NaN;
}

/**
 * Observations and true codes, one row per sample: split (0 train, 1 in-distribution test, 2
 * out-of-distribution test), x0.., z0..; the truth is the dictionary (x = z D) and each feature's
 * compartment under the compositional split.
 */
export function toTable(data: SparseData): DataTable {
  const { dim: d, features: f } = data;
  const sets = [data.train, data.testId, ...(data.testOod ? [data.testOod] : [])];
  const rows = sets.reduce((a, s) => a + s.n, 0);
  const columns = [
    'split',
    ...Array.from({ length: d }, (_, j) => `x${j}`),
    ...Array.from({ length: f }, (_, j) => `z${j}`),
  ];
  const w = 1 + d + f;
  const values = new Float64Array(rows * w);
  let row = 0;
  sets.forEach(({ n, x, z }, split) => {
    for (let r = 0; r < n; r++, row++) {
      values[row * w] = split;
      values.set(x.subarray(r * d, (r + 1) * d), row * w + 1);
      values.set(z.subarray(r * f, (r + 1) * f), row * w + 1 + d);
    }
  });
  return {
    columns,
    rows,
    values,
    truth: {
      dictionary: rowsOf(data.dict, f, d),
      compartment: Array.from(data.compartment),
      splits: { train: data.train.n, testId: data.testId.n, testOod: data.testOod?.n ?? 0 },
    },
  };
}

export const _internal = { probit, supportOf };
