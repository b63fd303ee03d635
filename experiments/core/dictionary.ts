/**
 * Metrics for dictionaries and sparse codes, and representational similarity. Pure functions on
 * row-major typed arrays; no TF.js. Atoms are rows ([atoms, dim]); codes are [samples, atoms].
 */
import { linearSumAssignment } from './assignment';
import { correlationMatrix } from './metrics';
import { mat, type Mat } from './linalg';

type Arr = Float64Array | Float32Array;

/** |cos| between every row of A [na, d] and every row of B [nb, d], as an [na, nb] matrix. Zero rows give 0. */
export function absCosine(a: Arr, na: number, b: Arr, nb: number, d: number): Mat {
  if (a.length !== na * d || b.length !== nb * d)
    throw new Error(
      `absCosine: expected ${na}x${d} and ${nb}x${d} values, got ${a.length} and ${b.length}`,
    );
  const norms = (x: Arr, n: number) =>
    Float64Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let c = 0; c < d; c++) s += x[i * d + c] ** 2;
      return Math.sqrt(s);
    });
  const na2 = norms(a, na);
  const nb2 = norms(b, nb);
  const out = mat(na, nb);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += a[i * d + c] * b[j * d + c];
      const den = na2[i] * nb2[j];
      out.data[i * nb + j] = den > 0 ? Math.abs(s) / den : 0;
    }
  }
  return out;
}

export interface DictionaryRecovery {
  /** Mean over true atoms of the best |cos| with any learned atom (duplicates may share one). */
  meanMaxCos: number;
  /** Mean |cos| over a one-to-one Hungarian matching of true and learned atoms. */
  matchedCos: number;
  /** For each learned atom, its best |cos| with a true atom. */
  bestPerLearned: Float64Array;
  /** For each true atom, the learned atom matched to it (-1 when there are fewer learned atoms). */
  matchOfTrue: Int32Array;
  /** [true, learned] |cos|. */
  cos: Mat;
}

/** Dictionary recovery of `learned` [m, d] against the true atoms [n, d]. */
export function dictionaryRecovery(
  trueD: Arr,
  n: number,
  learned: Arr,
  m: number,
  d: number,
): DictionaryRecovery {
  const cos = absCosine(trueD, n, learned, m, d);
  let sumMax = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 0; j < m; j++) best = Math.max(best, cos.data[i * m + j]);
    sumMax += best;
  }
  const bestPerLearned = new Float64Array(m);
  for (let j = 0; j < m; j++)
    for (let i = 0; i < n; i++)
      bestPerLearned[j] = Math.max(bestPerLearned[j], cos.data[i * m + j]);
  const matchOfTrue = new Int32Array(n).fill(-1);
  let matched = 0;
  if (n <= m) {
    const cost = mat(
      n,
      m,
      cos.data.map((v) => -v),
    );
    const assign = linearSumAssignment(cost);
    for (let i = 0; i < n; i++) {
      matchOfTrue[i] = assign[i];
      matched += cos.data[i * m + assign[i]];
    }
    matched /= n;
  } else {
    const cost = mat(m, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) cost.data[j * n + i] = -cos.data[i * m + j];
    const assign = linearSumAssignment(cost);
    for (let j = 0; j < m; j++) {
      matchOfTrue[assign[j]] = j;
      matched += cos.data[assign[j] * m + j];
    }
    matched /= n; // unmatched true atoms count as 0
  }
  return { meanMaxCos: sumMax / n, matchedCos: matched, bestPerLearned, matchOfTrue, cos };
}

/** Fraction of atoms (columns of codes [n, m]) that are never active (> 0) on these samples. */
export function deadFraction(codes: Arr, n: number, m: number): number {
  let dead = 0;
  for (let j = 0; j < m; j++) {
    let alive = false;
    for (let i = 0; i < n && !alive; i++) alive = codes[i * m + j] !== 0;
    if (!alive) dead++;
  }
  return dead / m;
}

/** Mean number of nonzero entries per sample. */
export function meanL0(codes: Arr, n: number, m: number): number {
  let c = 0;
  for (let i = 0; i < n * m; i++) if (codes[i] !== 0) c++;
  return c / n;
}

/** Fraction of atoms [m, d] whose |cos| with an earlier atom exceeds `threshold`: duplicates. */
export function duplicateFraction(atoms: Arr, m: number, d: number, threshold = 0.95): number {
  const cos = absCosine(atoms, m, atoms, m, d);
  let dup = 0;
  for (let j = 1; j < m; j++) {
    for (let i = 0; i < j; i++) {
      if (cos.data[i * m + j] > threshold) {
        dup++;
        break;
      }
    }
  }
  return dup / m;
}

/**
 * Polysemantic atoms: among atoms used on the data (`live`), the fraction whose |cos| reaches
 * `threshold` with two or more true atoms. A mixture of two unit atoms at equal weight has
 * cos 0.71 with both; a random pair in d dimensions has |cos| of about 1/sqrt(d) (0.2 at d = 24), so 0.6 is rarely reached by chance.
 */
export function polysemanticFraction(cos: Mat, live: boolean[], threshold = 0.6): number {
  const { rows: n, cols: m } = cos;
  let count = 0;
  let poly = 0;
  for (let j = 0; j < m; j++) {
    if (!live[j]) continue;
    count++;
    let hits = 0;
    for (let i = 0; i < n; i++) if (cos.data[i * m + j] >= threshold) hits++;
    if (hits >= 2) poly++;
  }
  return count ? poly / count : NaN;
}

/**
 * Fraction of variance unexplained: sum |x - xhat|^2 / sum |x - mean x|^2. NaN when x has no
 * variance (every column exactly constant) or anything is not finite.
 */
export function fvu(x: Arr, xhat: Arr, n: number, d: number): number {
  if (x.length !== n * d || xhat.length !== n * d)
    throw new Error(`fvu: expected ${n}x${d} values twice, got ${x.length} and ${xhat.length}`);
  const mean = new Float64Array(d);
  // An exactly constant column contributes exactly 0: its rounded mean would leave n ulp^2.
  const constant = Array.from({ length: d }, () => true);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < d; c++) {
      mean[c] += x[i * d + c];
      if (x[i * d + c] !== x[c]) constant[c] = false;
    }
  for (let c = 0; c < d; c++) mean[c] /= n;
  let err = 0;
  let tot = 0;
  for (let i = 0; i < n * d; i++) {
    err += (x[i] - xhat[i]) ** 2;
    if (!constant[i % d]) tot += (x[i] - mean[i % d]) ** 2;
  }
  return tot > 0 && Number.isFinite(err) ? err / tot : NaN;
}

function centred(x: Arr, n: number, p: number): Float64Array {
  const out = Float64Array.from(x);
  for (let c = 0; c < p; c++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += out[i * p + c];
    m /= n;
    for (let i = 0; i < n; i++) out[i * p + c] -= m;
  }
  return out;
}

function gram(a: Float64Array, b: Float64Array, n: number, p: number, q: number): Float64Array {
  const g = new Float64Array(p * q);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < p; r++) {
      const v = a[i * p + r];
      if (v === 0) continue;
      for (let c = 0; c < q; c++) g[r * q + c] += v * b[i * q + c];
    }
  return g;
}

const frob2 = (g: Float64Array) => g.reduce((s, v) => s + v * v, 0);

/**
 * Linear CKA (Kornblith et al. 2019): |Xc^T Yc|_F^2 / (|Xc^T Xc|_F |Yc^T Yc|_F) for X [n, p],
 * Y [n, q]. Invariant to rotations and isotropic scaling of either side, so it cannot see a
 * rotational ambiguity; it does see a non-orthogonal change of basis.
 */
export function linearCka(x: Arr, y: Arr, n: number, p: number, q: number): number {
  const xc = centred(x, n, p);
  const yc = centred(y, n, q);
  const num = frob2(gram(xc, yc, n, p, q));
  const den = Math.sqrt(frob2(gram(xc, xc, n, p, p)) * frob2(gram(yc, yc, n, q, q)));
  return den > 0 ? num / den : NaN;
}

/**
 * RSA: Pearson correlation between the upper triangles of the two Euclidean distance matrices
 * of the first `rows` samples. Rotation-invariant like CKA, but sensitive to non-uniform scaling.
 */
export function rsa(x: Arr, y: Arr, n: number, p: number, q: number, rows = 300): number {
  const r = Math.min(rows, n);
  const dist = (a: Arr, w: number) => {
    const out = new Float64Array((r * (r - 1)) / 2);
    let t = 0;
    for (let i = 0; i < r; i++)
      for (let j = i + 1; j < r; j++) {
        let s = 0;
        for (let c = 0; c < w; c++) s += (a[i * w + c] - a[j * w + c]) ** 2;
        out[t++] = Math.sqrt(s);
      }
    return out;
  };
  const a = dist(x, p);
  const b = dist(y, q);
  return correlationMatrix(a, b, a.length, 1, 1).data[0];
}

/**
 * Monosemanticity of units [n, u] with respect to true features [n, f]: for each unit that
 * varies, the largest |Pearson correlation| with a single feature; the mean over those units.
 * A neuron in superposition mixes many features and scores low; a feature-aligned unit near 1.
 */
export function selectivity(units: Arr, n: number, u: number, trueZ: Arr, f: number): number {
  const corr = correlationMatrix(units, trueZ, n, u, f);
  let sum = 0;
  let count = 0;
  for (let j = 0; j < u; j++) {
    let best = 0;
    let varies = false;
    for (let i = 0; i < f; i++) {
      const v = Math.abs(corr.data[j * f + i]);
      if (Number.isFinite(v)) {
        best = Math.max(best, v);
        if (v > 0) varies = true;
      }
    }
    if (varies) {
      sum += best;
      count++;
    }
  }
  return count ? sum / count : NaN;
}

/**
 * Spread of the true features over learned atoms: the mean over true features of the number of
 * live learned atoms with |cos| >= threshold. 1 when recovery is one-to-one; above 1 when features
 * split over several atoms (the "from isolation to entanglement" measure); below 1 when atoms are lost.
 * `cos` is [true, learned] |cos| (absCosine), `live` marks the learned atoms that fire.
 */
export function spreadOverAtoms(cos: Mat, live: readonly boolean[], threshold = 0.5): number {
  const n = cos.rows;
  const m = cos.cols;
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) if (live[j] && cos.data[i * m + j] >= threshold) total++;
  return total / n;
}

/**
 * Agreement of dictionaries learned from different initialisations: the mean, over every pair,
 * of the Hungarian-matched |cos| between their atoms (1 when all learn the same atoms). NaN for
 * fewer than two.
 */
export function dictionaryAgreement(dicts: readonly Arr[], m: number, d: number): number {
  const scores: number[] = [];
  for (let i = 0; i < dicts.length; i++)
    for (let j = i + 1; j < dicts.length; j++)
      scores.push(dictionaryRecovery(dicts[i], m, dicts[j], m, d).matchedCos);
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : NaN;
}
