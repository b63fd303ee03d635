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

/**
 * Each column of x [n, d], centred and scaled to unit norm, column-major [d, n]; `state` says per
 * column whether it is usable ('ok'), exactly constant ('constant', all zeros) or holds a NaN or
 * an infinity ('nonfinite', all NaN). The column is divided by its largest |value| before the
 * sums, so columns at 1e-170 or 1e160 neither underflow nor overflow.
 */
function unitColumns(x: Arr, n: number, d: number) {
  const out = new Float64Array(d * n);
  const state: ('ok' | 'constant' | 'nonfinite')[] = [];
  for (let j = 0; j < d; j++) {
    const col = out.subarray(j * n, (j + 1) * n);
    let maxAbs = 0;
    let finite = true;
    let constant = true;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j];
      if (!Number.isFinite(v)) finite = false;
      else maxAbs = Math.max(maxAbs, Math.abs(v));
      if (v !== x[j]) constant = false;
    }
    if (!finite) {
      col.fill(NaN);
      state.push('nonfinite');
      continue;
    }
    // The rounded mean of a constant column can differ from its value; test constancy exactly.
    if (constant || n < 2) {
      state.push('constant');
      continue;
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += col[i] = x[i * d + j] / maxAbs;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (col[i] -= mean) ** 2;
    const norm = Math.sqrt(ss);
    for (let i = 0; i < n; i++) col[i] /= norm;
    state.push('ok');
  }
  return { cols: out, state };
}

/**
 * Pearson correlation of every column of a [n, da] with every column of b [n, db]: [da, db].
 * A constant column correlates 0 (numpy gives NaN); a column holding a NaN or an infinity gives
 * NaN, so that no score built on it is a number.
 */
export function correlationMatrix(a: Arr, b: Arr, n: number, da: number, db: number): Mat {
  if (a.length !== n * da || b.length !== n * db)
    throw new Error(
      `correlationMatrix: expected ${n}x${da} and ${n}x${db} values, got ${a.length} and ${b.length}`,
    );
  const ua = unitColumns(a, n, da);
  const ub = unitColumns(b, n, db);
  const out = mat(da, db);
  for (let p = 0; p < da; p++) {
    const ca = ua.cols.subarray(p * n, (p + 1) * n);
    for (let q = 0; q < db; q++) {
      const cb = ub.cols.subarray(q * n, (q + 1) * n);
      if (ua.state[p] === 'nonfinite' || ub.state[q] === 'nonfinite') out.data[p * db + q] = NaN;
      else if (ua.state[p] === 'constant' || ub.state[q] === 'constant') out.data[p * db + q] = 0;
      else {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += ca[i] * cb[i];
        out.data[p * db + q] = Math.max(-1, Math.min(1, acc));
      }
    }
  }
  return out;
}

/**
 * Column-wise ranks (1-based, ties get their average rank), [n, d]. A column holding a NaN or an
 * infinity is all NaN (no order is defined on it; scipy's `rankdata` propagates NaN too).
 */
export function rankColumns(x: Arr, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  const idx = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    let finite = true;
    for (let i = 0; i < n && finite; i++) finite = Number.isFinite(x[i * d + j]);
    if (!finite) {
      for (let i = 0; i < n; i++) out[i * d + j] = NaN;
      continue;
    }
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
 * as the worst case, n - 1; a NaN or infinite entry of W A gives NaN. n = 1 gives 0. Not the squared-entry variant divided by 2n (used e.g.
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
  if (!p.every(Number.isFinite)) return NaN;
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
  // A NaN or infinity anywhere leaves no meaningful fit: every coordinate is NaN, never a number.
  if (!learned.every(Number.isFinite) || !trueZ.every(Number.isFinite))
    return new Float64Array(dTrue).fill(NaN);
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
    let constant = true;
    const first = trueZ[nTrain * dTrue + q];
    for (let i = 0; i < nTest; i++) {
      mean += trueZ[(nTrain + i) * dTrue + q];
      if (trueZ[(nTrain + i) * dTrue + q] !== first) constant = false;
    }
    mean /= nTest;
    // A held-out target that is exactly constant has no variance to explain (scored 0, by
    // convention; its rounded mean would otherwise leave a tiny sst and a meaningless ratio).
    if (constant) {
      out[q] = 0;
      continue;
    }
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
    out[q] = 1 - sse / sst;
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
