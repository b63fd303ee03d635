import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import { covariance, identity, inv, logAbsDet, lstsq, mat, matmul, symmetricDecorrelation, symEig, transpose, whiteningMatrix, conditionNumber, type Mat } from '../../experiments/core/linalg';
import { mixSamples, randomOrthogonal, randomWithCondition } from '../../experiments/core/mixing';
import { sample } from '../../experiments/core/distributions';

const close = (a: Mat, b: Mat, tol = 1e-9) => {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  for (let i = 0; i < a.data.length; i++) expect(Math.abs(a.data[i] - b.data[i])).toBeLessThan(tol);
};
const randomMat = (r: number, c: number, rng: Rng) => mat(r, c, Float64Array.from({ length: r * c }, () => rng.normal()));

describe('mixing matrices', () => {
  it('random orthogonal: Q Q^T = I', () => {
    const q = randomOrthogonal(6, new Rng(1));
    close(matmul(q, transpose(q)), identity(6), 1e-12);
  });
  it('random with a chosen condition number has exactly that condition number', () => {
    for (const c of [1, 10, 500]) expect(conditionNumber(randomWithCondition(5, c, new Rng(2)))).toBeCloseTo(c, 6);
    expect(() => randomWithCondition(3, 0.5, new Rng(2))).toThrow('expected a condition number >= 1, got 0.5');
  });
  it('mixSamples applies x = A s row by row', () => {
    const a = mat(2, 2, Float64Array.from([1, 2, 3, 4]));
    expect(Array.from(mixSamples(Float64Array.from([1, 0, 0, 1, 1, 1]), 3, 2, a))).toEqual([1, 3, 2, 4, 3, 7]);
  });
});

describe('linear algebra', () => {
  it('symEig reconstructs a symmetric matrix, eigenvalues descending', () => {
    const b = randomMat(4, 4, new Rng(3));
    const s = matmul(b, transpose(b));
    const { values, vectors } = symEig(s);
    for (let i = 1; i < 4; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    const d = mat(4, 4);
    values.forEach((v, i) => (d.data[i * 4 + i] = v));
    close(matmul(matmul(vectors, d), transpose(vectors)), s, 1e-9);
  });
  it('whitening gives identity covariance', () => {
    const rng = new Rng(4);
    const n = 5000;
    const x = mixSamples(sample('laplace', rng, n * 3), n, 3, randomWithCondition(3, 20, rng));
    const { mean, cov } = covariance(x, n, 3);
    const k = whiteningMatrix(cov);
    close(matmul(matmul(k, cov), transpose(k)), identity(3), 1e-9);
    const z = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) z[i * 3 + r] += k.data[r * 3 + c] * (x[i * 3 + c] - mean[c]);
    close(covariance(z, n, 3).cov, identity(3), 1e-9);
  });
  it('symmetric decorrelation gives orthonormal rows and fixes an orthogonal matrix', () => {
    const w = symmetricDecorrelation(randomMat(5, 5, new Rng(5)));
    close(matmul(w, transpose(w)), identity(5), 1e-10);
    const q = randomOrthogonal(5, new Rng(6));
    close(symmetricDecorrelation(q), q, 1e-10);
  });
  it('inv, logAbsDet and lstsq', () => {
    const a = mat(2, 2, Float64Array.from([4, 7, 2, 6]));
    close(inv(a), mat(2, 2, Float64Array.from([0.6, -0.7, -0.2, 0.4])), 1e-12);
    expect(logAbsDet(a)).toBeCloseTo(Math.log(10), 12);
    const rng = new Rng(7);
    const x = randomMat(50, 3, rng);
    const truth = randomMat(3, 2, rng);
    close(lstsq(x, matmul(x, truth)), truth, 1e-9);
    expect(() => inv(mat(2, 3))).toThrow('inv: expected a square matrix, got 2x3');
  });
});
