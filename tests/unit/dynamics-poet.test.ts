/** POET's Householder reparameterisation: orthogonal, spectrum-preserving, and its hand-derived gradients. */
import { describe, expect, it } from 'vitest';
import { mat, svd } from '../../experiments/core/linalg';
import { Rng } from '../../experiments/core/rng';
import {
  householder,
  matmul,
  mseAndGrad,
  PoetStudent,
  reflectRight,
  reflectRightBackward,
  transposed,
} from '../../experiments/dynamics/poet-model';

const r = new Rng(7);
const gauss = (n: number) => Float64Array.from({ length: n }, () => r.normal());

describe('dynamics-poet', () => {
  it('builds an orthogonal Q from reflections', () => {
    const q = householder(gauss(5 * 5), 5, 5);
    const qtq = matmul(transposed(q, 5, 5), q, 5, 5, 5);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(qtq[i * 5 + j]).toBeCloseTo(i === j ? 1 : 0, 12);
  });

  it('has the gradients of <C, X H...> with respect to X and the reflections (finite differences)', () => {
    const m = 2;
    const n = 4;
    const k = 3;
    const x = gauss(m * n);
    const v = gauss(k * n);
    const c = gauss(m * n);
    for (const reversed of [false, true]) {
      const f = (xx: Float64Array, w: Float64Array) =>
        reflectRight(xx, m, n, w, k, reversed).y.reduce((s, y, i) => s + y * c[i], 0);
      const { grad, gx } = reflectRightBackward(reflectRight(x, m, n, v, k, reversed), c);
      const h = 1e-6;
      for (const [arr, g] of [
        [v, grad],
        [x, gx],
      ] as const)
        for (let i = 0; i < arr.length; i++) {
          const v0 = arr[i];
          arr[i] = v0 + h;
          const up = f(x, v);
          arr[i] = v0 - h;
          const down = f(x, v);
          arr[i] = v0;
          expect(g[i]).toBeCloseTo((up - down) / (2 * h), 6);
        }
    }
  });

  it('has the MSE gradients of the tanh network and of the POET student (finite differences)', () => {
    const a = 3;
    const hd = 4;
    const x = gauss(6 * a);
    const y = gauss(6);
    const w = { w1: gauss(a * hd), w2: gauss(hd) };
    const { g1, g2 } = mseAndGrad(w, x, y, a, hd);
    const h = 1e-6;
    const loss = () => mseAndGrad(w, x, y, a, hd).loss;
    for (const [arr, g] of [
      [w.w1, g1],
      [w.w2, g2],
    ] as const)
      for (let i = 0; i < arr.length; i++) {
        const v0 = arr[i];
        arr[i] = v0 + h;
        const up = loss();
        arr[i] = v0 - h;
        const down = loss();
        arr[i] = v0;
        expect(g[i]).toBeCloseTo((up - down) / (2 * h), 6);
      }
    const student = new PoetStudent(gauss(a * hd), gauss(hd), a, hd, {
      r1: gauss(a * a),
      p1: gauss(hd * hd),
      r2: gauss(hd * hd),
    });
    const { grads } = student.lossAndGrad(x, y);
    const sl = () => student.lossAndGrad(x, y).loss;
    [student.r1, student.p1, student.r2].forEach((arr, k) => {
      for (let i = 0; i < arr.length; i++) {
        const v0 = arr[i];
        arr[i] = v0 + h;
        const up = sl();
        arr[i] = v0 - h;
        const down = sl();
        arr[i] = v0;
        expect(grads[k][i]).toBeCloseTo((up - down) / (2 * h), 6);
      }
    });
  });

  it('keeps the singular values of W0 whatever the reflections are', () => {
    const a = 3;
    const hd = 5;
    const w01 = gauss(a * hd);
    const s0 = svd(mat(a, hd, w01.slice())).s;
    const student = new PoetStudent(w01, gauss(hd), a, hd, {
      r1: gauss(a * a),
      p1: gauss(hd * hd),
      r2: gauss(hd * hd),
    });
    const s = svd(mat(a, hd, student.weights().w.w1)).s;
    s0.forEach((v, i) => expect(s[i]).toBeCloseTo(v, 12));
  });
});
