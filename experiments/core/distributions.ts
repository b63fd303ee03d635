/** Source distributions, each with zero mean and unit variance, so only their shape differs. */
import type { Rng } from './rng';

export type SourceKind = 'laplace' | 'uniform' | 'gaussian' | 'student-t' | 'bimodal';
export const SOURCE_KINDS: readonly SourceKind[] = [
  'laplace',
  'uniform',
  'gaussian',
  'student-t',
  'bimodal',
];

const T_DOF = 5; // t(5): finite fourth moment, heavy tails (excess kurtosis 6 / (nu - 4) = 6)
const BIMODAL_M = 0.9;
const BIMODAL_S = Math.sqrt(1 - BIMODAL_M * BIMODAL_M);

// Excess kurtosis of mixture 0.5 N(-m, s^2) + 0.5 N(m, s^2) with m^2 + s^2 = 1:
// E x^4 = m^4 + 6 m^2 s^2 + 3 s^4, so kurtosis - 3 = m^4 + 6 m^2 s^2 + 3 s^4 - 3.
const m2 = BIMODAL_M ** 2;
const s2 = BIMODAL_S ** 2;
export const THEORETICAL_EXCESS_KURTOSIS: Record<SourceKind, number> = {
  laplace: 3,
  uniform: -1.2,
  gaussian: 0,
  'student-t': 6 / (T_DOF - 4),
  bimodal: m2 * m2 + 6 * m2 * s2 + 3 * s2 * s2 - 3,
};

export function isGaussian(kind: SourceKind): boolean {
  return kind === 'gaussian';
}

function chiSquare(rng: Rng, dof: number): number {
  let acc = 0;
  for (let i = 0; i < dof; i++) acc += rng.normal() ** 2;
  return acc;
}

/** n draws of a zero-mean, unit-variance source of the given kind. */
export function sample(kind: SourceKind, rng: Rng, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`sample: expected a sample count >= 0, got ${n}`);
  const out = new Float64Array(n);
  switch (kind) {
    case 'laplace': // inverse CDF with scale b = 1/sqrt(2): variance 2 b^2 = 1
      for (let i = 0; i < n; i++) {
        let v = rng.next();
        while (v === 0) v = rng.next(); // v = 0 would map to -Infinity
        const u = v - 0.5;
        out[i] = -Math.SQRT1_2 * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
      }
      break;
    case 'uniform':
      for (let i = 0; i < n; i++) out[i] = rng.uniform(-Math.sqrt(3), Math.sqrt(3));
      break;
    case 'gaussian':
      for (let i = 0; i < n; i++) out[i] = rng.normal();
      break;
    case 'student-t': {
      const scale = Math.sqrt((T_DOF - 2) / T_DOF); // variance of t_nu is nu / (nu - 2)
      for (let i = 0; i < n; i++)
        out[i] = (scale * rng.normal()) / Math.sqrt(chiSquare(rng, T_DOF) / T_DOF);
      break;
    }
    case 'bimodal':
      for (let i = 0; i < n; i++)
        out[i] = (rng.next() < 0.5 ? -BIMODAL_M : BIMODAL_M) + BIMODAL_S * rng.normal();
      break;
    default:
      throw new Error(
        `source kind: expected one of ${SOURCE_KINDS.join(', ')}, got ${String(kind)}`,
      );
  }
  return out;
}

/** Sample excess kurtosis m4 / m2^2 - 3 with central moments divided by n (scipy.stats.kurtosis's default). */
export function excessKurtosis(x: Float64Array): number {
  const n = x.length;
  if (n < 2) throw new Error(`excessKurtosis: expected at least 2 values, got ${n}`);
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let m2s = 0;
  let m4s = 0;
  for (const v of x) {
    const c = (v - mean) ** 2;
    m2s += c;
    m4s += c * c;
  }
  m2s /= n;
  m4s /= n;
  return m4s / (m2s * m2s) - 3;
}
