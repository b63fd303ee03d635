/**
 * The degenerate inputs of the fidelity audit (D1-D12 in ../shared/research/fidelity-audit.md):
 * a NaN or an infinity in any input gives NaN out, never a finite number; a NaN metric never
 * satisfies a claim; constant inputs give what each function's doc says; singular inverses and
 * whitening refuse with a clear error. Reference values from numpy, scipy and scikit-learn in
 * tests/fixtures/degenerate.json (tests/fixtures/make_degenerate.py).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  amariDistance,
  correlationMatrix,
  linearR2,
  linearR2PerDim,
  mcc,
  spearmanMatrix,
} from '../../experiments/core/metrics';
import { fvu } from '../../experiments/core/dictionary';
import { inv, lstsq, mat, whiteningMatrix } from '../../experiments/core/linalg';
import { lipschitz } from '../../experiments/sae/inference';
import { judgeClaim, type Claim } from '../../experiments/core/claims';

type Num = number | null;
interface Fixture {
  fvu_constant: { value: number; n: number; d: number }[];
  r2_constant_target: { x: number[][]; z: number[][]; r2_first: number };
  lipschitz: { dict: number[][]; top: number };
  nonfinite_columns: {
    a: number[][];
    cases: { bad: string; b: Num[][]; pearson: Num[][]; spearman: Num[][] }[];
  };
  extreme_scales: { scale: number; a: number[][]; b: number[][]; pearson: number[][] }[];
  amari_nan: { W: Num[][]; A: number[][] };
  r2_nonfinite: { where: string; bad: string; x: Num[][]; z: Num[][]; sklearn_raises: boolean }[];
  r2_clean: { x: number[][]; z: number[][]; r2: number[] };
  inv_rank_deficient: { m: number[][]; cond: number; numpy_raises: boolean };
  whitening_refused: { what: string; cov: number[][]; eigvalsh: number[] }[];
  spearman_lattice: { y: number[]; exact: number; scipy: number }[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(
  readFileSync(path.join(here, '../fixtures/degenerate.json'), 'utf8'),
) as Fixture;

/** Rows to a flat array; null (how JSON stores NaN) back to NaN and the audit's infinities restored. */
const flat = (rows: Num[][], bad = 'nan') =>
  Float64Array.from(rows.flat(), (v) =>
    v === null ? (bad === 'inf' ? Infinity : bad === '-inf' ? -Infinity : NaN) : v,
  );
const matOf = (rows: Num[][], bad?: string) => mat(rows.length, rows[0].length, flat(rows, bad));

const claim = (
  op: Claim['op'],
  value: Claim['value'],
  expect: Claim['expect'] = 'holds',
): Claim => ({
  id: 'c',
  text: '',
  preset: 'p',
  metric: 'm',
  op,
  value,
  expect,
});

describe('D1: fvu of an exactly constant x', () => {
  for (const { value, n, d } of fx.fvu_constant)
    it(`is NaN for x = ${value} (n = ${n})`, () => {
      const x = new Float64Array(n * d).fill(value);
      const xhat = Float64Array.from(x, (v, i) => v + Math.sin(i));
      expect(fvu(x, xhat, n, d)).toBeNaN();
    });
  it('is NaN when the reconstruction holds a NaN, and a number otherwise', () => {
    const x = Float64Array.from({ length: 20 }, (_, i) => Math.cos(i));
    const xhat = x.map((v) => v * 0.9);
    const mean = [0, 1].map((c) => x.filter((_, i) => i % 2 === c).reduce((s, v) => s + v) / 10);
    const tot = x.reduce((s, v, i) => s + (v - mean[i % 2]) ** 2, 0);
    const err = x.reduce((s, v) => s + (0.1 * v) ** 2, 0);
    expect(fvu(x, xhat, 10, 2)).toBeCloseTo(err / tot, 12);
    xhat[3] = NaN;
    expect(fvu(x, xhat, 10, 2)).toBeNaN();
  });
});

describe('D2: held-out R^2 of an exactly constant target', () => {
  it('scores a constant coordinate 0 (the documented convention) and the others as scikit-learn', () => {
    const { x, z, r2_first } = fx.r2_constant_target;
    const n = x.length;
    const r2 = linearR2PerDim(flat(x), flat(z), n, 3, 3);
    expect(r2[0]).toBeCloseTo(r2_first, 10);
    expect(r2[1]).toBe(0);
    expect(r2[2]).toBe(0);
  });
  it('agrees with scikit-learn on clean data', () => {
    const { x, z, r2 } = fx.r2_clean;
    const got = linearR2PerDim(flat(x), flat(z), x.length, 3, 2);
    r2.forEach((v, q) => expect(got[q]).toBeCloseTo(v, 10));
  });
});

describe('D3: the Lipschitz constant of FISTA', () => {
  it('is the top eigenvalue of D^T D even when its eigenvector is orthogonal to the ones vector', () => {
    const { dict, top } = fx.lipschitz;
    expect(lipschitz(flat(dict), dict.length, dict[0].length)).toBeCloseTo(top, 10);
  });
});

describe('D4, D5: a NaN or an infinity in a column', () => {
  const a = flat(fx.nonfinite_columns.a);
  const n = fx.nonfinite_columns.a.length;
  for (const c of fx.nonfinite_columns.cases) {
    const b = flat(c.b, c.bad);
    it(`(${c.bad}) gives NaN correlations with that column, as numpy, and the reference elsewhere`, () => {
      for (const [f, ref] of [
        [correlationMatrix, c.pearson],
        [spearmanMatrix, c.spearman],
      ] as const) {
        const got = f(a, b, n, 3, 3);
        ref.flat().forEach((v, k) => {
          if (v === null) expect(got.data[k]).toBeNaN();
          else expect(got.data[k]).toBeCloseTo(v, 12);
        });
      }
    });
    it(`(${c.bad}) gives a NaN MCC (Pearson and Spearman) that no claim accepts`, () => {
      for (const method of ['pearson', 'spearman'] as const) {
        const m = mcc(a, b, n, 3, 3, method).mcc;
        expect(m).toBeNaN();
        for (const op of ['>=', '<='] as const)
          for (const expect_ of ['holds', 'fails'] as const) {
            const j = judgeClaim(claim(op, 0.5, expect_), m);
            expect(j.verdict).toBe('undefined');
            expect(j.asShipped).toBe(false);
          }
      }
    });
  }
});

describe('D6: columns at extreme scales', () => {
  for (const { scale, a, b, pearson } of fx.extreme_scales)
    it(`correlate as their rescaled values at ${scale}`, () => {
      const got = correlationMatrix(flat(a), flat(b), a.length, 2, 2);
      pearson.flat().forEach((v, k) => expect(got.data[k]).toBeCloseTo(v, 12));
    });
});

describe('D7: the Amari index', () => {
  it('is NaN when W holds a NaN', () => {
    expect(amariDistance(matOf(fx.amari_nan.W), matOf(fx.amari_nan.A))).toBeNaN();
  });
});

describe('D8, D9: least squares and held-out R^2 with a NaN or an infinity', () => {
  for (const c of fx.r2_nonfinite)
    it(`give NaN for ${c.bad} in the ${c.where} values (scikit-learn raises: ${c.sklearn_raises})`, () => {
      const n = c.x.length;
      const x = flat(c.x, c.where === 'learned' ? c.bad : 'nan');
      const z = flat(c.z, c.where === 'true' ? c.bad : 'nan');
      expect(linearR2(x, z, n, 3, 2)).toBeNaN();
      for (const v of linearR2PerDim(x, z, n, 3, 2)) expect(v).toBeNaN();
      const coef = lstsq(mat(n, 3, x), mat(n, 2, z));
      expect([coef.rows, coef.cols]).toEqual([3, 2]);
      for (const v of coef.data) expect(v).toBeNaN();
    });
});

describe('D10, D11: inverses and whitening that do not exist', () => {
  it('inv refuses a matrix that is singular in exact arithmetic but not in floats', () => {
    const { m, cond } = fx.inv_rank_deficient;
    expect(cond).toBeGreaterThan(1e15);
    expect(() => inv(matOf(m))).toThrow(/numerically singular 4x4 one \(condition number/);
    expect(() => inv(mat(2, 2, Float64Array.from([1, NaN, 0, 1])))).toThrow(/finite entries/);
  });
  for (const { what, cov, eigvalsh } of fx.whitening_refused)
    it(`whitening refuses a ${what} covariance (numpy eigenvalues ${eigvalsh.map((v) => v.toPrecision(3)).join(', ')})`, () => {
      expect(() => whiteningMatrix(matOf(cov))).toThrow(
        /whitening: expected a positive-definite covariance/,
      );
    });
});

describe('D12: a metric exactly on its threshold', () => {
  for (const { y, exact, scipy } of fx.spearman_lattice)
    it(`Spearman ${y.join(',')} (exactly ${exact}, scipy ${scipy}) is judged on the exact value`, () => {
      const x = Float64Array.from({ length: 5 }, (_, i) => i);
      const rho = spearmanMatrix(x, Float64Array.from(y), 5, 1, 1).data[0];
      expect(rho).toBeCloseTo(exact, 14);
      expect(judgeClaim(claim('>=', exact), rho).verdict).toBe('holds');
      expect(judgeClaim(claim('<=', exact), rho).verdict).toBe('holds');
      expect(judgeClaim(claim('between', [exact, exact + 0.1]), rho).verdict).toBe('holds');
      // The slack is far below any difference a claim is about.
      expect(judgeClaim(claim('>=', exact + 1e-6), rho).verdict).toBe('fails');
      expect(judgeClaim(claim('<=', exact - 1e-6), rho).verdict).toBe('fails');
    });
});
