/**
 * Small dense linear algebra on the CPU (d x d matrices, d <= a few hundred). Decompositions
 * come from ml-matrix (TF.js has no SVD or eig); the rest stays on plain Float64Arrays.
 */
import {
  Matrix,
  EigenvalueDecomposition,
  SingularValueDecomposition,
  LuDecomposition,
  QrDecomposition,
  CholeskyDecomposition,
  inverse,
} from 'ml-matrix';

/** Row-major dense matrix. */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function mat(rows: number, cols: number, data?: Float64Array): Mat {
  if (data && data.length !== rows * cols)
    throw new Error(`mat: expected ${rows * cols} values for ${rows}x${cols}, got ${data.length}`);
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

export function identity(n: number): Mat {
  const m = mat(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows)
    throw new Error(
      `matmul: expected inner sizes to agree, got ${a.rows}x${a.cols} times ${b.rows}x${b.cols}`,
    );
  const out = mat(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const v = a.data[i * a.cols + k];
      if (v === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] += v * b.data[k * b.cols + j];
    }
  }
  return out;
}

export function transpose(a: Mat): Mat {
  const out = mat(a.cols, a.rows);
  for (let r = 0; r < a.rows; r++)
    for (let c = 0; c < a.cols; c++) out.data[c * a.rows + r] = a.data[r * a.cols + c];
  return out;
}

const toMl = (a: Mat) =>
  new Matrix(
    Array.from({ length: a.rows }, (_, r) =>
      Array.from(a.data.subarray(r * a.cols, (r + 1) * a.cols)),
    ),
  );
const fromMl = (m: Matrix): Mat => mat(m.rows, m.columns, Float64Array.from(m.to1DArray()));

function square(a: Mat, what: string): void {
  if (a.rows !== a.cols)
    throw new Error(`${what}: expected a square matrix, got ${a.rows}x${a.cols}`);
}

/** Eigen-decomposition of a symmetric matrix; eigenvalues descending, eigenvectors as columns. */
export function symEig(a: Mat): { values: Float64Array; vectors: Mat } {
  square(a, 'symEig');
  const e = new EigenvalueDecomposition(toMl(a), { assumeSymmetric: true });
  const order = e.realEigenvalues.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
  const vecs = e.eigenvectorMatrix;
  const n = a.rows;
  const vectors = mat(n, n);
  order.forEach(([, src], dst) => {
    for (let r = 0; r < n; r++) vectors.data[r * n + dst] = vecs.get(r, src);
  });
  return { values: Float64Array.from(order.map(([v]) => v)), vectors };
}

/**
 * Thin SVD A = U diag(s) V^T of an [m, n] matrix: with k = min(m, n), U is [m, k], V is [n, k]
 * and s (length k) is descending.
 */
export function svd(a: Mat): { u: Mat; s: Float64Array; v: Mat } {
  const d = new SingularValueDecomposition(toMl(a), { autoTranspose: true });
  return {
    u: fromMl(d.leftSingularVectors),
    s: Float64Array.from(d.diagonal),
    v: fromMl(d.rightSingularVectors),
  };
}

/**
 * X solving A X = B for a symmetric positive-definite A (Cholesky): a ridge system, a Gram matrix
 * plus a penalty. Throws when A is not positive definite.
 */
export function choleskySolve(a: Mat, b: Mat): Mat {
  square(a, 'choleskySolve');
  const c = new CholeskyDecomposition(toMl(a));
  if (!c.isPositiveDefinite())
    throw new Error(`choleskySolve: expected a positive-definite ${a.rows}x${a.cols} matrix`);
  return fromMl(c.solve(toMl(b)));
}

/**
 * Beyond this condition number an inverse has lost all but a few digits: ml-matrix's LU then
 * returns entries of 1e16 for a matrix that is singular in exact arithmetic (numpy raises).
 */
const MAX_CONDITION = 1e12;

export function inv(a: Mat): Mat {
  square(a, 'inv');
  if (!a.data.every(Number.isFinite))
    throw new Error(`inv: expected finite entries, got a NaN or an infinity`);
  const cond = a.rows ? conditionNumber(a) : 1;
  if (!(cond <= MAX_CONDITION))
    throw new Error(
      `inv: expected a non-singular matrix (condition number at most ${MAX_CONDITION}), got a numerically singular ${a.rows}x${a.cols} one (condition number ${cond.toPrecision(3)})`,
    );
  try {
    return fromMl(inverse(toMl(a)));
  } catch (e) {
    throw new Error(
      `inv: expected a non-singular matrix, got a singular ${a.rows}x${a.cols} one (${(e as Error).message})`,
      { cause: e },
    );
  }
}

export function logAbsDet(a: Mat): number {
  square(a, 'logAbsDet');
  const lu = new LuDecomposition(toMl(a));
  const u = lu.upperTriangularMatrix;
  let acc = 0;
  for (let i = 0; i < a.rows; i++) acc += Math.log(Math.abs(u.get(i, i)));
  return acc;
}

/**
 * Least-squares X minimising ||A X - B||_F (A is [n, p] with n >= p, B is [n, q]). Householder QR
 * when A has full column rank; otherwise the minimum-norm solution through the SVD, dropping
 * singular values below max(n, p) * eps * s_max (the rcond default of numpy.linalg.lstsq), so a
 * collapsed or duplicated regressor gives a finite fit instead of an exception or huge weights.
 * A NaN or an infinity in A or B gives an all-NaN X: no fit is made from it.
 */
export function lstsq(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows)
    throw new Error(
      `lstsq: expected A and B with the same number of rows, got ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`,
    );
  if (a.rows < a.cols)
    throw new Error(`lstsq: expected at least as many rows as columns, got ${a.rows}x${a.cols}`);
  if (a.cols === 0) return mat(0, b.cols);
  if (!a.data.every(Number.isFinite) || !b.data.every(Number.isFinite))
    return mat(a.cols, b.cols, new Float64Array(a.cols * b.cols).fill(NaN));
  const am = toMl(a);
  const bm = toMl(b);
  const qr = new QrDecomposition(am);
  const r = qr.upperTriangularMatrix;
  let maxDiag = 0;
  let minDiag = Infinity;
  for (let i = 0; i < a.cols; i++) {
    maxDiag = Math.max(maxDiag, Math.abs(r.get(i, i)));
    minDiag = Math.min(minDiag, Math.abs(r.get(i, i)));
  }
  // min |R_ii| can overstate the smallest singular value, hence the 1e3 margin before trusting QR.
  if (minDiag > 1e3 * Math.max(a.rows, a.cols) * Number.EPSILON * maxDiag)
    return fromMl(qr.solve(bm));
  const d = new SingularValueDecomposition(am, { autoTranspose: true });
  const u = d.leftSingularVectors;
  const v = d.rightSingularVectors;
  const s = d.diagonal;
  const cut = Math.max(a.rows, a.cols) * Number.EPSILON * (s[0] ?? 0);
  const out = mat(a.cols, b.cols);
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] > cut)) continue;
    for (let q = 0; q < b.cols; q++) {
      let proj = 0;
      for (let i = 0; i < a.rows; i++) proj += u.get(i, k) * bm.get(i, q);
      proj /= s[k];
      for (let j = 0; j < a.cols; j++) out.data[j * b.cols + q] += v.get(j, k) * proj;
    }
  }
  return out;
}

/** Ratio of the largest to the smallest singular value (Infinity when singular). */
export function conditionNumber(a: Mat): number {
  const { s } = svd(a);
  return s[0] / s[s.length - 1];
}

/** Sample mean and covariance (divided by n) of rows of x [n, d]. */
export function covariance(
  x: Float64Array,
  n: number,
  d: number,
): { mean: Float64Array; cov: Mat } {
  if (x.length !== n * d)
    throw new Error(`covariance: expected ${n}x${d} = ${n * d} values, got ${x.length}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const cov = mat(d, d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j] - mean[j];
    for (let j = 0; j < d; j++) for (let k = j; k < d; k++) cov.data[j * d + k] += row[j] * row[k];
  }
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      cov.data[j * d + k] /= n;
      cov.data[k * d + j] = cov.data[j * d + k];
    }
  }
  return { mean, cov };
}

/**
 * PCA whitening K = D^{-1/2} E^T, so that K C K^T = I (rows are scaled principal directions).
 * No whitening exists for a singular or indefinite covariance: it is refused when the smallest
 * eigenvalue is not above 1e-12 times the largest (the data then lie in a subspace).
 */
export function whiteningMatrix(cov: Mat): Mat {
  if (!cov.data.every(Number.isFinite))
    throw new Error('whitening: expected a finite covariance, got a NaN or an infinity');
  const { values, vectors } = symEig(cov);
  const n = cov.rows;
  const [top, bottom] = [values[0], values[n - 1]];
  if (!(bottom > 1e-12 * top))
    throw new Error(
      `whitening: expected a positive-definite covariance, got eigenvalues from ${top.toPrecision(3)} down to ${bottom.toPrecision(3)} (the data span fewer than ${n} dimensions)`,
    );
  const k = mat(n, n);
  for (let r = 0; r < n; r++) {
    const scale = 1 / Math.sqrt(values[r]);
    for (let c = 0; c < n; c++) k.data[r * n + c] = vectors.data[c * n + r] * scale;
  }
  return k;
}

/**
 * (W W^T)^{-1/2} W: the closest matrix with orthonormal rows, the symmetric decorrelation of
 * parallel FastICA (Hyvarinen & Oja 2000, "Independent component analysis: algorithms and
 * applications", section "FastICA for several units"; scikit-learn's _sym_decorrelation).
 * W is [k, d] with k <= d and full row rank.
 */
export function symmetricDecorrelation(w: Mat): Mat {
  if (w.rows > w.cols)
    throw new Error(`symmetricDecorrelation: expected rows <= columns, got ${w.rows}x${w.cols}`);
  const { values, vectors } = symEig(matmul(w, transpose(w)));
  const n = w.rows;
  if (!(values[n - 1] > 0))
    throw new Error(
      `symmetricDecorrelation: expected W of full row rank, got W W^T with smallest eigenvalue ${values[n - 1]}`,
    );
  const invSqrt = mat(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++)
        acc += (vectors.data[i * n + k] * vectors.data[j * n + k]) / Math.sqrt(values[k]);
      invSqrt.data[i * n + j] = acc;
    }
  }
  return matmul(invSqrt, w);
}

/** Rows of a [rows, cols] row-major array scaled to unit norm in place (a zero row stays zero); returns it. */
export function normaliseRowsInPlace<A extends Float32Array | Float64Array>(
  a: A,
  rows: number,
  cols: number,
): A {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += a[r * cols + c] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let c = 0; c < cols; c++) a[r * cols + c] *= inv;
  }
  return a;
}

/**
 * The generalised symmetric eigenproblem A w = lambda B w with B positive definite (scipy's
 * `eigh(A, B)`): through the whitening K of B (K B K^T = I), the eigenvectors of K A K^T give
 * w = K^T u. Eigenvalues descending; eigenvectors as columns, B-orthonormal (W^T B W = I).
 */
export function generalizedSymEig(a: Mat, b: Mat): { values: Float64Array; vectors: Mat } {
  square(a, 'generalizedSymEig');
  square(b, 'generalizedSymEig');
  if (a.rows !== b.rows)
    throw new Error(
      `generalizedSymEig: expected A and B of the same size, got ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`,
    );
  const k = whiteningMatrix(b);
  const c = matmul(matmul(k, a), transpose(k));
  // symmetrise against rounding before the symmetric solver
  const n = a.rows;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = (c.data[i * n + j] + c.data[j * n + i]) / 2;
      c.data[i * n + j] = c.data[j * n + i] = m;
    }
  const { values, vectors } = symEig(c);
  return { values, vectors: matmul(transpose(k), vectors) };
}
