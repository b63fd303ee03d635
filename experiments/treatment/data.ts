/**
 * Partially linear regression with several treatments (the setting of Reizinger, Mackey,
 * Brendel et al., "Estimating Treatment Effects with Independent Component Analysis"):
 *   T = g(X) + eta,    Y = theta . T + f(X) + eps,
 * covariates X [n, k], treatments T [n, m], outcome Y [n]. Pure and seeded.
 */
import { Rng } from '../core/rng';
import { sample, type SourceKind } from '../core/distributions';
import type { DataTable } from '../core/spec';
import type { TreatmentParams } from './spec';

export interface PlrData {
  n: number;
  k: number;
  m: number;
  theta: Float64Array; // [m] true effects
  /** Observations [n, k + m + 1]: columns X, then T, then Y. */
  obs: Float64Array;
  /** Treatment noise eta [n, m], the sources whose mixing columns carry theta. */
  eta: Float64Array;
}

/** The nuisance basis: linear, or with a centred quadratic term OLS's linear adjustment cannot absorb. */
function phi(x: number, nonlinear: boolean): number {
  return nonlinear ? x + 0.5 * (x * x - 1) : x;
}

export function generate(params: TreatmentParams): PlrData {
  const n = params.samples;
  const k = params.covariates;
  const m = params.treatments;
  const nonlinear = params.nuisance === 'nonlinear';
  const conf = params.confounding;
  const root = new Rng(params.seed);
  const d = k + m + 1;
  const cols = (kind: SourceKind, count: number, rng: Rng) =>
    Array.from({ length: count }, (_, j) => sample(kind, rng.fork(`c${j}`), n));
  const x = cols(params.covariateDist, k, root.fork('covariates'));
  const eta = cols(params.treatmentNoise, m, root.fork('treatment-noise'));
  const eps = sample(params.outcomeNoise, root.fork('outcome-noise'), n);
  const w = root.fork('weights');
  // Covariate-to-treatment and covariate-to-outcome weights, scaled by the confounding strength.
  // Positive (half-normal), so a confounder pushes treatment and outcome the same way and the
  // naive regression's bias does not cancel by chance.
  const b = Array.from({ length: m }, () =>
    Array.from({ length: k }, () => (conf * Math.abs(w.normal())) / Math.sqrt(k)),
  );
  const c = Array.from({ length: k }, () => (conf * Math.abs(w.normal())) / Math.sqrt(k));
  const theta = Float64Array.from(
    { length: m },
    () => (w.next() < 0.5 ? -1 : 1) * w.uniform(0.5, 2),
  );
  const obs = new Float64Array(n * d);
  const etaOut = new Float64Array(n * m);
  const noiseScale = params.outcomeNoiseScale;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let y = 0;
    for (let q = 0; q < k; q++) {
      obs[row + q] = x[q][i];
      y += c[q] * phi(x[q][i], nonlinear);
    }
    for (let j = 0; j < m; j++) {
      let t = eta[j][i];
      for (let q = 0; q < k; q++) t += b[j][q] * phi(x[q][i], nonlinear);
      obs[row + k + j] = t;
      etaOut[i * m + j] = eta[j][i];
      y += theta[j] * t;
    }
    obs[row + k + m] = y + noiseScale * eps[i];
  }
  return { n, k, m, theta, obs, eta: etaOut };
}

/** Covariates, treatments, outcome and the treatment noise: x0.., t0.., y, eta0..; the truth is theta. */
export function toTable(data: PlrData): DataTable {
  const { k, m, n } = data;
  const columns = [
    ...Array.from({ length: k }, (_, q) => `x${q}`),
    ...Array.from({ length: m }, (_, j) => `t${j}`),
    'y',
    ...Array.from({ length: m }, (_, j) => `eta${j}`),
  ];
  const w = k + m + 1;
  const values = new Float64Array(n * (w + m));
  for (let i = 0; i < n; i++) {
    values.set(data.obs.subarray(i * w, (i + 1) * w), i * (w + m));
    values.set(data.eta.subarray(i * m, (i + 1) * m), i * (w + m) + w);
  }
  return { columns, rows: n, values, truth: { theta: Array.from(data.theta) } };
}
