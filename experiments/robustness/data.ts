/**
 * Almost-linear mixing x = A s + eps h(s) (the ICA setting of the robustness paper on
 * approximate identifiability with almost-isometric mixing): A invertible, h smooth and
 * nonlinear, here a random one-hidden-layer tanh map scaled to the size of A s. Pure, seeded.
 */
import { Rng } from '../core/rng';
import { sample } from '../core/distributions';
import { mixSamples, randomWithCondition } from '../core/mixing';
import type { Mat } from '../core/linalg';
import { rowsOf, type DataTable } from '../core/spec';
import type { RobustnessParams } from './spec';

export interface PerturbedData {
  n: number;
  d: number;
  s: Float64Array; // [n, d]
  a: Mat;
  linear: Float64Array; // A s, [n, d]
  h: Float64Array; // h(s), [n, d], with E|h|^2 = E|A s|^2 so eps is a relative size
}

export function generate(params: RobustnessParams): PerturbedData {
  const n = params.samples;
  const d = params.dim;
  const root = new Rng(params.seed);
  const src = root.fork('sources');
  const s = new Float64Array(n * d);
  for (let j = 0; j < d; j++)
    sample(params.sources, src.fork(`source-${j}`), n).forEach((v, i) => (s[i * d + j] = v));
  const a = randomWithCondition(d, params.condition, root.fork('mixing'));
  const linear = mixSamples(s, n, d, a);
  // h(s) = C tanh(D s), hidden width 2d, Gaussian weights.
  const hw = root.fork('perturbation');
  const width = 2 * d;
  const dm = Float64Array.from({ length: width * d }, () => hw.normal() / Math.sqrt(d));
  const cm = Float64Array.from({ length: d * width }, () => hw.normal() / Math.sqrt(width));
  const h = new Float64Array(n * d);
  const hidden = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < width; u++) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc += dm[u * d + j] * s[i * d + j];
      hidden[u] = Math.tanh(2 * acc);
    }
    for (let r = 0; r < d; r++) {
      let acc = 0;
      for (let u = 0; u < width; u++) acc += cm[r * width + u] * hidden[u];
      h[i * d + r] = acc;
    }
  }
  const energy = (v: Float64Array) => v.reduce((acc, x) => acc + x * x, 0);
  const scale = Math.sqrt(energy(linear) / Math.max(energy(h), 1e-300));
  for (let i = 0; i < h.length; i++) h[i] *= scale;
  return { n, d, s, a, linear, h };
}

export function observe(data: PerturbedData, eps: number): Float64Array {
  const x = new Float64Array(data.linear.length);
  for (let i = 0; i < x.length; i++) x[i] = data.linear[i] + eps * data.h[i];
  return x;
}

/** The sweep's values of eps: 0, then log-spaced from epsMax / 100 to epsMax. */
export function epsGrid(epsMax: number, points: number): number[] {
  return [
    0,
    ...Array.from(
      { length: points - 1 },
      (_, j) => epsMax * Math.pow(10, -2 + (2 * j) / Math.max(1, points - 2)),
    ),
  ];
}

/** Observations at the largest eps, and the true sources. */
export function toTable(data: PerturbedData, eps: number): DataTable {
  const { n, d } = data;
  const x = observe(data, eps);
  const columns = [
    ...Array.from({ length: d }, (_, j) => `x${j}`),
    ...Array.from({ length: d }, (_, j) => `s${j}`),
  ];
  const values = new Float64Array(n * 2 * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      values[i * 2 * d + j] = x[i * d + j];
      values[i * 2 * d + d + j] = data.s[i * d + j];
    }
  }
  // x = A s + eps h(s): the linear part and the perturbation, so any eps can be rebuilt.
  return {
    columns,
    rows: n,
    values,
    truth: {
      eps,
      mixing: rowsOf(data.a.data, d, d),
      linear: rowsOf(data.linear, n, d),
      perturbation: rowsOf(data.h, n, d),
    },
  };
}
