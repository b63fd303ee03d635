/**
 * Ground-truth recovery metrics. Pure functions on typed arrays (row-major [n, d]); no TF.js.
 * MCC is the mean absolute correlation after optimal one-to-one matching of true and learned
 * dimensions (Hungarian algorithm on -|corr|), as in the nonlinear-ICA literature (Hyvarinen &
 * Morioka 2016; Khemakhem et al. 2020).
 */
import { linearSumAssignment } from './assignment';
import { lstsq, mat, type Mat } from './linalg';
import { randomOrthogonal } from './mixing';
import type { Rng } from './rng';

type Arr = Float64Array | Float32Array;

/** Pearson correlation of every column of a [n, da] with every column of b [n, db]: [da, db]. Constant columns give 0. */
export function correlationMatrix(a: Arr, b: Arr, n: number, da: number, db: number): Mat {
  const stats = (x: Arr, d: number) => {
    const mean = new Float64Array(d);
    const sd = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
    for (let j = 0; j < d; j++) mean[j] /= n;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (x[i * d + j] - mean[j]) ** 2;
    for (let j = 0; j < d; j++) {
      // The rounded mean of a constant column can differ from its value; test constancy exactly.
      let constant = true;
      for (let i = 1; i < n && constant; i++) constant = x[i * d + j] === x[j];
      sd[j] = constant ? 0 : Math.sqrt(sd[j]);
    }
    return { mean, sd };
  };
  if (a.length !== n * da || b.length !== n * db)
    throw new Error(
      `correlationMatrix: expected ${n}x${da} and ${n}x${db} values, got ${a.length} and ${b.length}`,
    );
  const sa = stats(a, da);
  const sb = stats(b, db);
  const out = mat(da, db);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < da; p++) {
      const va = a[i * da + p] - sa.mean[p];
      for (let q = 0; q < db; q++) out.data[p * db + q] += va * (b[i * db + q] - sb.mean[q]);
    }
  }
  for (let p = 0; p < da; p++) {
    for (let q = 0; q < db; q++) {
      const den = sa.sd[p] * sb.sd[q];
      out.data[p * db + q] = den > 0 ? out.data[p * db + q] / den : 0;
    }
  }
  return out;
}

/** Column-wise ranks (1-based, ties get their average rank), [n, d]. */
export function rankColumns(x: Arr, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  const idx = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((p, q) => x[p * d + j] - x[q * d + j]);
    for (let start = 0; start < n;) {
      let end = start + 1;
      while (end < n && x[idx[end] * d + j] === x[idx[start] * d + j]) end++;
      const rank = (start + end + 1) / 2;
      for (let k = start; k < end; k++) out[idx[k] * d + j] = rank;
      start = end;
    }
  }
  return out;
}

export function spearmanMatrix(a: Arr, b: Arr, n: number, da: number, db: number): Mat {
  return correlationMatrix(rankColumns(a, n, da), rankColumns(b, n, db), n, da, db);
}

export interface Matching {
  mcc: number;
  /** perm[i] = learned column matched to true column i. */
  perm: Int32Array;
  /** Sign of the matched correlation, per true column. */
  signs: Float64Array;
  /** |corr| of each true column with its match. */
  matchedCorr: Float64Array;
}

/**
 * Mean matched |correlation| after optimal one-to-one matching; corr is [dTrue, dLearned]. A
 * non-finite correlation (a diverged model) gives NaN, never a number: no matching is made.
 */
export function mccFromCorrelation(corr: Mat): Matching {
  const { rows, cols } = corr;
  if (cols < rows)
    throw new Error(
      `MCC: expected at least as many learned (${cols}) as true dimensions, got ${cols} < ${rows}`,
    );
  if (!corr.data.every(Number.isFinite)) {
    const identity = Int32Array.from({ length: rows }, (_, i) => i);
    return {
      mcc: NaN,
      perm: identity,
      signs: new Float64Array(rows).fill(1),
      matchedCorr: new Float64Array(rows).fill(NaN),
    };
  }
  const cost = mat(
    rows,
    cols,
    corr.data.map((v) => -Math.abs(v)),
  );
  const perm = linearSumAssignment(cost);
  const signs = new Float64Array(rows);
  const matchedCorr = new Float64Array(rows);
  let acc = 0;
  for (let i = 0; i < rows; i++) {
    const v = corr.data[i * cols + perm[i]];
    signs[i] = v < 0 ? -1 : 1;
    matchedCorr[i] = Math.abs(v);
    acc += Math.abs(v);
  }
  return { mcc: acc / rows, perm, signs, matchedCorr };
}

export function mcc(
  trueZ: Arr,
  learnedZ: Arr,
  n: number,
  dTrue: number,
  dLearned: number,
  method: 'pearson' | 'spearman' = 'pearson',
): Matching {
  const f = method === 'pearson' ? correlationMatrix : spearmanMatrix;
  return mccFromCorrelation(f(trueZ, learnedZ, n, dTrue, dLearned));
}

/**
 * Amari distance of an unmixing W [n, m] from the true mixing A [m, n], computed on P = W A.
 * Convention: the classic performance index of Amari, Cichocki & Yang (1996, "A new learning
 * algorithm for blind signal separation") divided by 2n(n-1), so that it lies in [0, 1]; this is
 * Bach & Jordan's (2002, "Kernel independent component analysis") d(V, W) divided by n - 1:
 *   d = 1/(2n(n-1)) [ sum_i (sum_j |p_ij| / max_k |p_ik| - 1) + sum_j (sum_i |p_ij| / max_k |p_kj| - 1) ].
 * 0 iff P is a scaled permutation, 1 when all |p_ij| are equal; an all-zero row or column counts
 * as the worst case, n - 1. n = 1 gives 0. Not the squared-entry variant divided by 2n (used e.g.
 * by the Picard package), which is much smaller for the same P.
 */
export function amariDistance(w: Mat, a: Mat): number {
  if (w.cols !== a.rows || w.rows !== a.cols)
    throw new Error(
      `amariDistance: expected W [n, m] and A [m, n], got ${w.rows}x${w.cols} and ${a.rows}x${a.cols}`,
    );
  const n = w.rows;
  if (n === 1) return 0;
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < w.cols; k++) acc += w.data[i * w.cols + k] * a.data[k * n + j];
      p[i * n + j] = Math.abs(acc);
    }
  }
  // sum over lines of (sum |p| / max |p| - 1), along rows (i, j) and along columns (j, i)
  const term = (at: (line: number, k: number) => number) => {
    let total = 0;
    for (let line = 0; line < n; line++) {
      let sum = 0;
      let max = 0;
      for (let k = 0; k < n; k++) {
        sum += at(line, k);
        max = Math.max(max, at(line, k));
      }
      total += max > 0 ? sum / max - 1 : n - 1;
    }
    return total;
  };
  const rowsTerm = term((i, j) => p[i * n + j]);
  const colsTerm = term((j, i) => p[i * n + j]);
  return (rowsTerm + colsTerm) / (2 * n * (n - 1));
}

/**
 * Held-out R^2 of an affine least-squares map learned -> true, fitted on the first
 * floor(n * trainFraction) rows and scored on the rest; mean over true dimensions.
 */
export function linearR2(
  learned: Arr,
  trueZ: Arr,
  n: number,
  dLearned: number,
  dTrue: number,
  trainFraction = 0.5,
): number {
  const perDim = linearR2PerDim(learned, trueZ, n, dLearned, dTrue, trainFraction);
  return perDim.reduce((a, b) => a + b, 0) / dTrue;
}

/** Held-out R^2 of each true coordinate (same fit as `linearR2`, which is their mean). */
export function linearR2PerDim(
  learned: Arr,
  trueZ: Arr,
  n: number,
  dLearned: number,
  dTrue: number,
  trainFraction = 0.5,
): Float64Array {
  const nTrain = Math.floor(n * trainFraction);
  const nTest = n - nTrain;
  if (!(trainFraction > 0 && trainFraction < 1))
    throw new Error(`linearR2: expected a train fraction in (0, 1), got ${trainFraction}`);
  if (learned.length !== n * dLearned || trueZ.length !== n * dTrue)
    throw new Error(
      `linearR2: expected ${n}x${dLearned} learned and ${n}x${dTrue} true values, got ${learned.length} and ${trueZ.length}`,
    );
  if (nTrain < dLearned + 1 || nTest < 2)
    throw new Error(
      `linearR2: expected at least ${dLearned + 1} training and 2 held-out rows, got ${nTrain} and ${nTest}`,
    );
  const design = (from: number, count: number) => {
    const m = mat(count, dLearned + 1);
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < dLearned; j++)
        m.data[i * (dLearned + 1) + j] = learned[(from + i) * dLearned + j];
      m.data[i * (dLearned + 1) + dLearned] = 1;
    }
    return m;
  };
  const target = mat(nTrain, dTrue, Float64Array.from(trueZ.subarray(0, nTrain * dTrue)));
  const coef = lstsq(design(0, nTrain), target); // [dLearned + 1, dTrue]
  const xTest = design(nTrain, nTest);
  const out = new Float64Array(dTrue);
  for (let q = 0; q < dTrue; q++) {
    let mean = 0;
    for (let i = 0; i < nTest; i++) mean += trueZ[(nTrain + i) * dTrue + q];
    mean /= nTest;
    let sse = 0;
    let sst = 0;
    for (let i = 0; i < nTest; i++) {
      let pred = 0;
      for (let j = 0; j <= dLearned; j++)
        pred += xTest.data[i * (dLearned + 1) + j] * coef.data[j * dTrue + q];
      const y = trueZ[(nTrain + i) * dTrue + q];
      sse += (y - pred) ** 2;
      sst += (y - mean) ** 2;
    }
    out[q] = sst > 0 ? 1 - sse / sst : 0;
  }
  return out;
}

/**
 * Expected MCC between d independent unit-variance sources and a uniformly random rotation of
 * them, the chance level a negative control must be judged against. corr(s_i, (Q s)_j) = Q_ji, so
 * the correlation matrix is Q^T; Q^T is Haar whenever Q is, and matching Q or Q^T gives the same
 * optimum, so Q is used directly. Monte Carlo mean over `trials` draws.
 */
export function chanceMcc(d: number, rng: Rng, trials = 200): number {
  if (!Number.isInteger(trials) || trials < 1)
    throw new Error(`chanceMcc: expected trials >= 1, got ${trials}`);
  let acc = 0;
  for (let t = 0; t < trials; t++) acc += mccFromCorrelation(randomOrthogonal(d, rng)).mcc;
  return acc / trials;
}

/**
 * Alignment of positive pairs (Wang & Isola 2020, eq. 4 with alpha = 2): E |f(x) - f(x')|^2 over
 * the n pairs of embeddings a, b [n, d]. 0 when every pair maps to one point.
 */
export function alignment(a: Arr, b: Arr, n: number, d: number): number {
  let acc = 0;
  for (let i = 0; i < n * d; i++) acc += (a[i] - b[i]) ** 2;
  return acc / n;
}

/**
 * Uniformity (Wang & Isola 2020, eq. 5 with t = 2): log E exp(-2 |f(x) - f(y)|^2) over distinct
 * pairs of the first `rows` embeddings [n, d]. 0 when all collapse to one point, more negative the
 * more uniformly they spread.
 */
export function uniformity(e: Arr, n: number, d: number, rows = 400): number {
  const r = Math.min(n, rows);
  let acc = 0;
  let count = 0;
  for (let i = 0; i < r; i++)
    for (let j = i + 1; j < r; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (e[i * d + k] - e[j * d + k]) ** 2;
      acc += Math.exp(-2 * s);
      count++;
    }
  return Math.log(acc / count);
}
