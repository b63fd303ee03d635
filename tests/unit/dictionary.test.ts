/** Dictionary and similarity metrics on cases with known answers. */
import { describe, expect, it } from 'vitest';
import {
  absCosine,
  deadFraction,
  dictionaryAgreement,
  dictionaryRecovery,
  duplicateFraction,
  fvu,
  linearCka,
  meanL0,
  polysemanticFraction,
  rsa,
  selectivity,
  spreadOverAtoms,
} from '../../experiments/core/dictionary';
import { alignment, uniformity } from '../../experiments/core/metrics';
import { normaliseRowsInPlace } from '../../experiments/core/linalg';
import { diagonalCorrelation, pinvReadout } from '../../experiments/sae/readouts';
import { Rng } from '../../experiments/core/rng';
import { randomOrthogonal } from '../../experiments/core/mixing';

const gaussian = (rng: Rng, n: number) => Float64Array.from({ length: n }, () => rng.normal());

describe('dictionary metrics', () => {
  const rng = new Rng(11);
  const n = 10;
  const d = 6;
  const trueD = gaussian(rng, n * d);

  it('a permuted, sign-flipped, rescaled copy recovers perfectly, and the matching finds the permutation', () => {
    const perm = [3, 0, 9, 1, 2, 8, 4, 7, 5, 6];
    const learned = new Float64Array(n * d);
    perm.forEach((src, dst) => {
      for (let c = 0; c < d; c++) learned[dst * d + c] = (dst % 2 ? -2 : 0.5) * trueD[src * d + c];
    });
    const r = dictionaryRecovery(trueD, n, learned, n, d);
    expect(r.meanMaxCos).toBeCloseTo(1, 10);
    expect(r.matchedCos).toBeCloseTo(1, 10);
    perm.forEach((src, dst) => expect(r.matchOfTrue[src]).toBe(dst));
  });

  it('duplicates inflate mean max |cos| but not the one-to-one matching', () => {
    const learned = new Float64Array(n * d);
    for (let j = 0; j < n; j++) learned.set(trueD.subarray(0, d), j * d); // every atom = true atom 0
    const r = dictionaryRecovery(trueD, n, learned, n, d);
    expect(r.matchedCos).toBeLessThan(r.meanMaxCos + 1e-12);
    expect(duplicateFraction(learned, n, d)).toBeCloseTo(0.9, 10);
  });

  it('polysemantic atoms: a mixture of two atoms counts, a clean atom does not', () => {
    const e = (i: number) => Float64Array.from({ length: 4 }, (_, c) => (c === i ? 1 : 0));
    const truth = Float64Array.from([...e(0), ...e(1), ...e(2), ...e(3)]);
    const learned = Float64Array.from([1, 1, 0, 0, 0, 0, 1, 0]); // (e0 + e1), e2
    const cos = absCosine(truth, 4, learned, 2, 4);
    expect(polysemanticFraction(cos, [true, true])).toBe(0.5);
    expect(polysemanticFraction(cos, [false, true])).toBe(0);
  });

  it('L0, dead fraction and FVU', () => {
    const codes = Float64Array.from([1, 0, 0, 2, 0, 0]);
    expect(meanL0(codes, 2, 3)).toBe(1);
    expect(deadFraction(codes, 2, 3)).toBeCloseTo(2 / 3, 12); // only atom 0 ever fires
    const x = Float64Array.from([1, 2, 3, 4]);
    expect(fvu(x, x, 2, 2)).toBe(0);
    expect(fvu(x, Float64Array.from([2, 3, 2, 3]), 2, 2)).toBeCloseTo(1, 12); // predicting the mean
  });

  it('linear CKA is 1 under a rotation and below 1 under a generic linear map; RSA likewise for distances', () => {
    const m = 500;
    const p = 5;
    const x = gaussian(rng, m * p);
    const q = randomOrthogonal(p, rng);
    const rot = new Float64Array(m * p);
    const skew = new Float64Array(m * p);
    for (let i = 0; i < m; i++)
      for (let c = 0; c < p; c++) {
        for (let k = 0; k < p; k++) rot[i * p + c] += x[i * p + k] * q.data[k * p + c];
        skew[i * p + c] = x[i * p + c] * (c === 0 ? 10 : 0.1);
      }
    expect(linearCka(x, rot, m, p, p)).toBeCloseTo(1, 8);
    expect(linearCka(x, skew, m, p, p)).toBeLessThan(0.7);
    expect(rsa(x, rot, m, p, p)).toBeCloseTo(1, 8);
    expect(rsa(x, skew, m, p, p)).toBeLessThan(0.7);
  });

  it('selectivity: a unit equal to one feature scores 1, a sum of many scores about 1/sqrt(count)', () => {
    const m = 2000;
    const f = 16;
    const z = gaussian(rng, m * f);
    const one = Float64Array.from({ length: m }, (_, i) => z[i * f + 3]);
    const sum = Float64Array.from({ length: m }, (_, i) =>
      z.subarray(i * f, (i + 1) * f).reduce((a, b) => a + b, 0),
    );
    expect(selectivity(one, m, 1, z, f)).toBeCloseTo(1, 10);
    expect(selectivity(sum, m, 1, z, f)).toBeLessThan(0.4);
  });

  it('spread: 1 atom per feature when one-to-one, 2 when each feature has a live duplicate, dead atoms not counted', () => {
    const f = 8;
    const atoms = randomOrthogonal(12, rng).data.slice(0, f * 12); // orthonormal: no two share a direction
    const twice = new Float64Array(2 * f * 12);
    twice.set(atoms);
    twice.set(atoms, f * 12);
    const cos = absCosine(atoms, f, twice, 2 * f, 12);
    expect(spreadOverAtoms(absCosine(atoms, f, atoms, f, 12), new Array(f).fill(true))).toBe(1);
    expect(spreadOverAtoms(cos, new Array(2 * f).fill(true))).toBe(2);
    expect(spreadOverAtoms(cos, [...new Array(f).fill(true), ...new Array(f).fill(false)])).toBe(1);
    expect(spreadOverAtoms(cos, new Array(2 * f).fill(false))).toBe(0);
  });

  it('agreement across seeds: 1 for the same dictionary up to order and sign, far lower for independent ones, NaN for one', () => {
    const m = 10;
    const a = normaliseRowsInPlace(gaussian(rng, m * 20), m, 20);
    const flipped = Float64Array.from(
      { length: m * 20 },
      (_, i) => -a[((((i / 20) | 0) * 7) % m) * 20 + (i % 20)],
    );
    expect(dictionaryAgreement([a, flipped], m, 20)).toBeCloseTo(1, 10);
    expect(
      dictionaryAgreement([a, normaliseRowsInPlace(gaussian(rng, m * 20), m, 20)], m, 20),
    ).toBeLessThan(0.5);
    expect(Number.isNaN(dictionaryAgreement([a], m, 20))).toBe(true);
  });

  it('alignment and uniformity (Wang & Isola 2020): 0 and 0 for a collapsed encoder, spread points are more uniform', () => {
    const n = 300;
    const d = 3;
    const point = new Float64Array(n * d).fill(0.5);
    expect(alignment(point, point, n, d)).toBe(0);
    expect(uniformity(point, n, d)).toBe(0);
    const sphere = normaliseRowsInPlace(gaussian(rng, n * d), n, d);
    const noisy = Float64Array.from(sphere, (v) => v + 0.1 * rng.normal());
    expect(alignment(sphere, noisy, n, d)).toBeCloseTo(0.1 ** 2 * d, 2);
    expect(uniformity(sphere, n, d)).toBeLessThan(-2); // about -3.7 for uniform on S^2 (t = 2)
  });

  it('readouts: the pseudo-inverse of an orthonormal dictionary recovers its codes exactly; a supervised readout needs no matching', () => {
    const f = 5;
    const d = 5;
    const n = 200;
    const q = randomOrthogonal(d, rng).data; // atoms as rows: an orthonormal dictionary
    const z = gaussian(rng, n * f);
    const x = new Float64Array(n * d);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++)
        for (let c = 0; c < d; c++) x[i * d + c] += z[i * f + j] * q[j * d + c];
    const back = pinvReadout(q, f, d, x, n);
    expect(Math.max(...back.map((v, i) => Math.abs(v - z[i])))).toBeLessThan(1e-9);
    expect(diagonalCorrelation(back, z, n, f)).toBeCloseTo(1, 9);
    const shuffled = Float64Array.from(
      { length: n * f },
      (_, i) => z[i - (i % f) + (((i % f) + 1) % f)],
    );
    expect(diagonalCorrelation(shuffled, z, n, f)).toBeLessThan(0.3);
  });
});
