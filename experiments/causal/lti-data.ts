/**
 * A Gaussian linear time-invariant system driven by controls whose variances differ across
 * environments (after Rajendran, Reizinger, Brendel and Ravikumar, "An Interventional Perspective
 * on Identifiability in Gaussian LTI Systems with ICA", CLeaR 2024):
 *   x_{t+1} = A x_t + B u_t,   u_t ~ N(0, diag(v_e)) in environment e,
 * A random with spectral radius 0.9, B random Gaussian, v_e = |N(0, 1)| / 2 + 0.05 per control
 * (the authors' lti-ica draws abs(randn) / 2). With equal variances every environment has v_0.
 * Pure and seeded.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Rng } from '../core/rng';
import { rowsOf, type DataTable } from '../core/spec';
import type { LtiParams } from './lti-spec';

export interface LtiData {
  n: number;
  envs: number;
  steps: number;
  a: Float64Array; // [n, n]
  b: Float64Array; // [n, n]
  variances: Float64Array; // [envs, n]
  /** Per environment: states [steps + 1, n] and controls [steps, n]. */
  x: Float64Array[];
  u: Float64Array[];
}

/** The largest |eigenvalue| of a square matrix (complex eigenvalues included). */
function spectralRadius(a: Float64Array, n: number): number {
  const e = new EigenvalueDecomposition(new Matrix(rowsOf(a, n, n)));
  return Math.max(...e.realEigenvalues.map((re, i) => Math.hypot(re, e.imaginaryEigenvalues[i])));
}

export function generate(p: LtiParams): LtiData {
  const n = p.states;
  const root = new Rng(p.seed);
  const rs = root.fork('system');
  const a = Float64Array.from({ length: n * n }, () => rs.normal());
  const rho = spectralRadius(a, n);
  for (let i = 0; i < a.length; i++) a[i] *= 0.9 / rho;
  const b = Float64Array.from({ length: n * n }, () => rs.normal());
  const rv = root.fork('variances');
  const first = Float64Array.from({ length: n }, () => Math.abs(rv.normal()) / 2 + 0.05);
  const variances = new Float64Array(p.environments * n);
  for (let e = 0; e < p.environments; e++)
    for (let j = 0; j < n; j++)
      variances[e * n + j] =
        e === 0 || p.variances === 'equal' ? first[j] : Math.abs(rv.normal()) / 2 + 0.05;
  const x: Float64Array[] = [];
  const u: Float64Array[] = [];
  for (let e = 0; e < p.environments; e++) {
    const r = root.fork(`env-${e}`);
    const xe = new Float64Array((p.samples + 1) * n);
    const ue = new Float64Array(p.samples * n);
    for (let t = 0; t < p.samples; t++) {
      for (let j = 0; j < n; j++) ue[t * n + j] = r.normal() * Math.sqrt(variances[e * n + j]);
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++)
          v += a[i * n + j] * xe[t * n + j] + b[i * n + j] * ue[t * n + j];
        xe[(t + 1) * n + i] = v;
      }
    }
    x.push(xe);
    u.push(ue);
  }
  return { n, envs: p.environments, steps: p.samples, a, b, variances, x, u };
}

/** Every transition: environment, x_t, x_{t+1} and the control u_t; the truth is A, B and the variances. */
export function toTable(d: LtiData): DataTable {
  const { n, envs, steps } = d;
  const cols = 1 + 3 * n;
  const values = new Float64Array(envs * steps * cols);
  for (let e = 0; e < envs; e++)
    for (let t = 0; t < steps; t++) {
      const row = (e * steps + t) * cols;
      values[row] = e;
      values.set(d.x[e].subarray(t * n, (t + 1) * n), row + 1);
      values.set(d.x[e].subarray((t + 1) * n, (t + 2) * n), row + 1 + n);
      values.set(d.u[e].subarray(t * n, (t + 1) * n), row + 1 + 2 * n);
    }
  const names = (p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
  return {
    columns: ['env', ...names('x'), ...names('x_next'), ...names('u')],
    rows: envs * steps,
    values,
    truth: { A: rowsOf(d.a, n, n), B: rowsOf(d.b, n, n), variances: rowsOf(d.variances, envs, n) },
  };
}
