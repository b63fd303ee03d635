import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import {
  conditionNumber,
  covariance,
  generalizedSymEig,
  identity,
  inv,
  logAbsDet,
  lstsq,
  mat,
  matmul,
  svd,
  symEig,
  symmetricDecorrelation,
  transpose,
  whiteningMatrix,
  type Mat,
} from '../../experiments/core/linalg';
import { mixSamples, randomOrthogonal, randomWithCondition } from '../../experiments/core/mixing';
import { sample } from '../../experiments/core/distributions';

const close = (a: Mat, b: Mat, tol = 1e-9) => {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  for (let i = 0; i < a.data.length; i++) expect(Math.abs(a.data[i] - b.data[i])).toBeLessThan(tol);
};
const randomMat = (r: number, c: number, rng: Rng) =>
  mat(
    r,
    c,
    Float64Array.from({ length: r * c }, () => rng.normal()),
  );
const diag = (v: Float64Array) => {
  const d = mat(v.length, v.length);
  v.forEach((x, i) => (d.data[i * v.length + i] = x));
  return d;
};

describe('basic helpers', () => {
  it('matmul, transpose and identity on a hand case', () => {
    const a = mat(2, 3, Float64Array.from([1, 2, 3, 4, 5, 6]));
    const b = mat(3, 1, Float64Array.from([1, 0, -1]));
    expect(Array.from(matmul(a, b).data)).toEqual([-2, -2]);
    expect(transpose(a)).toEqual(mat(3, 2, Float64Array.from([1, 4, 2, 5, 3, 6])));
    expect(matmul(identity(2), a)).toEqual(a);
    expect(() => matmul(a, a)).toThrow('matmul: expected inner sizes to agree, got 2x3 times 2x3');
    expect(() => mat(2, 2, new Float64Array(3))).toThrow('mat: expected 4 values for 2x2, got 3');
  });
});

describe('decompositions', () => {
  it('symEig reconstructs a symmetric matrix, eigenvalues descending', () => {
    const b = randomMat(4, 4, new Rng(3));
    const s = matmul(b, transpose(b));
    const { values, vectors } = symEig(s);
    for (let i = 1; i < 4; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    close(matmul(matmul(vectors, diag(values)), transpose(vectors)), s, 1e-9);
    close(matmul(transpose(vectors), vectors), identity(4), 1e-12);
    expect(() => symEig(mat(3, 4))).toThrow('symEig: expected a square matrix, got 3x4');
  });
  it('svd reconstructs tall and wide matrices, singular values descending', () => {
    const rng = new Rng(8);
    for (const [r, c] of [
      [5, 3],
      [3, 5],
      [4, 4],
    ]) {
      const a = randomMat(r, c, rng);
      const { u, s, v } = svd(a);
      const k = Math.min(r, c);
      expect([u.rows, u.cols, v.rows, v.cols, s.length]).toEqual([r, k, c, k, k]);
      for (let i = 1; i < k; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
      close(matmul(matmul(u, diag(s)), transpose(v)), a, 1e-12);
    }
  });
  it('conditionNumber of a diagonal matrix and of an orthogonal one', () => {
    expect(
      conditionNumber(mat(3, 3, Float64Array.from([2, 0, 0, 0, -8, 0, 0, 0, 0.5]))),
    ).toBeCloseTo(16, 12);
    expect(conditionNumber(randomOrthogonal(5, new Rng(1)))).toBeCloseTo(1, 12);
  });
  it('inv and logAbsDet on a hand case; inv refuses singular and non-square input', () => {
    const a = mat(2, 2, Float64Array.from([4, 7, 2, 6]));
    close(inv(a), mat(2, 2, Float64Array.from([0.6, -0.7, -0.2, 0.4])), 1e-12);
    expect(logAbsDet(a)).toBeCloseTo(Math.log(10), 12);
    const b = randomWithCondition(6, 100, new Rng(4));
    close(matmul(inv(b), b), identity(6), 1e-10);
    expect(() => inv(mat(2, 3))).toThrow('inv: expected a square matrix, got 2x3');
    expect(() => inv(mat(2, 2, Float64Array.from([1, 2, 2, 4])))).toThrow(
      /inv: expected a non-singular matrix .*got a numerically singular 2x2/,
    );
  });
});

describe('least squares', () => {
  it('recovers a known map exactly, and the projection with noise', () => {
    const rng = new Rng(7);
    const x = randomMat(50, 3, rng);
    const truth = randomMat(3, 2, rng);
    close(lstsq(x, matmul(x, truth)), truth, 1e-12);
    // With noise the residual is orthogonal to the columns of X (the normal equations hold).
    const y = randomMat(50, 2, rng);
    const coef = lstsq(x, y);
    const fit = matmul(x, coef);
    const resid = mat(
      50,
      2,
      y.data.map((v, i) => v - fit.data[i]),
    );
    close(matmul(transpose(x), resid), mat(3, 2), 1e-12);
  });
  it('gives the minimum-norm solution for a rank-deficient design', () => {
    // Two identical columns: any (b1, b2) with b1 + b2 = 2 fits y = 2 x exactly; the minimum norm one is (1, 1).
    const x = mat(4, 2, Float64Array.from([1, 1, 2, 2, 3, 3, -1, -1]));
    const y = mat(4, 1, Float64Array.from([2, 4, 6, -2]));
    close(lstsq(x, y), mat(2, 1, Float64Array.from([1, 1])), 1e-12);
    // A constant-zero column gets weight 0 instead of an error.
    const z = mat(3, 2, Float64Array.from([1, 0, 2, 0, 3, 0]));
    close(
      lstsq(z, mat(3, 1, Float64Array.from([3, 6, 9]))),
      mat(2, 1, Float64Array.from([3, 0])),
      1e-12,
    );
  });
  it('refuses mismatched or underdetermined shapes', () => {
    expect(() => lstsq(mat(3, 2), mat(4, 1))).toThrow(
      'lstsq: expected A and B with the same number of rows, got 3x2 and 4x1',
    );
    expect(() => lstsq(mat(2, 3), mat(2, 1))).toThrow(
      'lstsq: expected at least as many rows as columns, got 2x3',
    );
  });
});

describe('covariance and whitening', () => {
  it('covariance divides by n (hand case)', () => {
    const { mean, cov } = covariance(Float64Array.from([1, 2, 3, 6]), 2, 2);
    expect(Array.from(mean)).toEqual([2, 4]);
    expect(Array.from(cov.data)).toEqual([1, 2, 2, 4]);
    expect(() => covariance(new Float64Array(5), 2, 2)).toThrow(
      'covariance: expected 2x2 = 4 values, got 5',
    );
  });
  it('whitening gives identity covariance', () => {
    const rng = new Rng(4);
    const n = 5000;
    const x = mixSamples(sample('laplace', rng, n * 3), n, 3, randomWithCondition(3, 20, rng));
    const { mean, cov } = covariance(x, n, 3);
    const k = whiteningMatrix(cov);
    close(matmul(matmul(k, cov), transpose(k)), identity(3), 1e-9);
    const z = new Float64Array(n * 3);
    for (let i = 0; i < n; i++)
      for (let r = 0; r < 3; r++)
        for (let c = 0; c < 3; c++) z[i * 3 + r] += k.data[r * 3 + c] * (x[i * 3 + c] - mean[c]);
    close(covariance(z, n, 3).cov, identity(3), 1e-9);
  });
  it('whitening rows are principal directions scaled by 1/sqrt(eigenvalue)', () => {
    const k = whiteningMatrix(mat(2, 2, Float64Array.from([4, 0, 0, 1])));
    expect(Math.abs(k.data[0])).toBeCloseTo(0.5, 14);
    expect(Math.abs(k.data[3])).toBeCloseTo(1, 14);
    expect(k.data[1]).toBe(0);
  });
});

describe('symmetric decorrelation', () => {
  it('gives orthonormal rows and leaves an orthogonal matrix unchanged', () => {
    const w = symmetricDecorrelation(randomMat(5, 5, new Rng(5)));
    close(matmul(w, transpose(w)), identity(5), 1e-10);
    const q = randomOrthogonal(5, new Rng(6));
    close(symmetricDecorrelation(q), q, 1e-10);
  });
  it('is the orthogonal polar factor: W = Q S with S symmetric positive definite', () => {
    const w = randomMat(4, 4, new Rng(9));
    const q = symmetricDecorrelation(w);
    const s = matmul(transpose(q), w);
    close(s, transpose(s), 1e-10);
    expect(symEig(s).values[3]).toBeGreaterThan(0);
  });
  it('handles k x d with k < d, and refuses more rows than columns', () => {
    const w = symmetricDecorrelation(randomMat(2, 4, new Rng(10)));
    close(matmul(w, transpose(w)), identity(2), 1e-10);
    expect(() => symmetricDecorrelation(mat(3, 2))).toThrow(
      'symmetricDecorrelation: expected rows <= columns, got 3x2',
    );
    expect(() => symmetricDecorrelation(mat(2, 2))).toThrow(/expected W of full row rank/);
  });
});

describe('generalised symmetric eigenproblem', () => {
  it('solves A w = lambda B w with B-orthonormal eigenvectors, as scipy.linalg.eigh(A, B)', () => {
    const a = mat(3, 3, Float64Array.from([4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2]));
    const b = mat(3, 3, Float64Array.from([2, 0.3, 0, 0.3, 1, 0.1, 0, 0.1, 1.5]));
    const { values, vectors } = generalizedSymEig(a, b);
    for (let j = 0; j < 3; j++) {
      const w = mat(
        3,
        1,
        Float64Array.from([0, 1, 2], (r) => vectors.data[r * 3 + j]),
      );
      const aw = matmul(a, w).data;
      const bw = matmul(b, w).data;
      for (let r = 0; r < 3; r++) expect(aw[r]).toBeCloseTo(values[j] * bw[r], 10);
      let norm = 0;
      for (let r = 0; r < 3; r++) norm += w.data[r] * bw[r];
      expect(norm).toBeCloseTo(1, 10);
    }
    // scipy.linalg.eigh(A, B), descending
    expect(Array.from(values)).toEqual(
      [3.007199976026, 2.040250783166, 1.21968456594].map((v) => expect.closeTo(v, 10)),
    );
    // with B = I it is the ordinary symmetric eigenproblem
    expect(Array.from(generalizedSymEig(a, identity(3)).values)).toEqual(
      Array.from(symEig(a).values).map((v) => expect.closeTo(v, 12)),
    );
  });
});
