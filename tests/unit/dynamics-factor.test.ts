/** The factor-model learners against direct formulas. */
import { describe, expect, it } from 'vitest';
import { choleskySolve, inv, mat, matmul, transpose } from '../../experiments/core/linalg';
import { Rng } from '../../experiments/core/rng';
import { model, sample } from '../../experiments/dynamics/factor-data';
import { principalSubspace, project, ridgePath } from '../../experiments/dynamics/factor-model';

describe('dynamics-factor-pretraining', () => {
  it('keeps the uninformative direction orthogonal to the loadings, with unit norm', () => {
    const m = model({ dim: 30, factors: 3, seed: 4 });
    for (let c = 0; c < 3; c++) {
      let dot = 0;
      for (let i = 0; i < 30; i++) dot += m.a.data[i * 3 + c] * m.q[i];
      expect(Math.abs(dot)).toBeLessThan(1e-10);
    }
    expect(Math.hypot(...m.q)).toBeCloseTo(1, 12);
  });

  it('finds the factor subspace of noiseless data exactly', () => {
    const m = model({ dim: 12, factors: 2, seed: 1 });
    const s = sample(m, { noise: 0, target: 'informative' }, 200, new Rng(2));
    const p = principalSubspace(s.x, s.n, 12, 2);
    // Every row of x lies in span(P): projecting and lifting back changes nothing.
    const f = project(s.x, s.n, p);
    const back = matmul(mat(s.n, 2, f), transpose(p));
    for (let k = 0; k < 50; k++) expect(back.data[k]).toBeCloseTo(s.x[k], 8);
  });

  it('gives the primal ridge solution (X^T X + lambda I)^-1 X^T y through the dual', () => {
    const r = new Rng(3);
    const n = 6;
    const d = 9;
    const x = Float64Array.from({ length: n * d }, () => r.normal());
    const y = Float64Array.from({ length: n }, () => r.normal());
    const [w] = ridgePath(x, y, d, [0.7]);
    const xm = mat(n, d, x.slice());
    const a = matmul(transpose(xm), xm);
    for (let i = 0; i < d; i++) a.data[i * d + i] += 0.7;
    const primal = matmul(inv(a), matmul(transpose(xm), mat(n, 1, y.slice())));
    for (let i = 0; i < d; i++) expect(w[i]).toBeCloseTo(primal.data[i], 10);
  });

  it('solves a positive-definite system by Cholesky and refuses an indefinite one', () => {
    const a = mat(2, 2, Float64Array.of(4, 2, 2, 3));
    const xs = choleskySolve(a, mat(2, 1, Float64Array.of(2, 1)));
    expect(xs.data[0]).toBeCloseTo(0.5, 12);
    expect(xs.data[1]).toBeCloseTo(0, 12);
    expect(() => choleskySolve(mat(2, 2, Float64Array.of(1, 2, 2, 1)), mat(2, 1))).toThrow(
      /positive-definite/,
    );
  });
});
