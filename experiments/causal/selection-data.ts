/**
 * Selection bias in an observational study (after "Towards a holistic understanding of Selection
 * Bias for Causal Effect Identification", arXiv 2605.13430; the classical identifiable case it
 * generalises). A population of units:
 *   X ~ N(0, 1),  T ~ Bern(sigmoid(0.8 X)),  Y = T + 1.5 X + 0.5 T X + N(0, 1),
 * so the individual effect is 1 + 0.5 X and the population ATE is 1 + 0.5 E[X] = 1. Only the
 * selected units (S = 1) report (T, Y); the covariates of the whole population are known
 * (a census). Selection depends on (T, X), S ~ Bern(sigmoid(-1 + a T + X)) — then Y is
 * independent of S given (T, X) and the ATE is identified — or on the outcome,
 * S ~ Bern(sigmoid(-1 + Y)), where it is not. Pure and seeded.
 */
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { SelectionParams } from './selection-spec';

export interface SelectionData {
  /** Population size. */
  n: number;
  x: Float64Array;
  t: Uint8Array;
  y: Float64Array;
  s: Uint8Array;
  /** The population ATE of this draw: the mean of the individual effects 1 + m X. */
  ate: number;
  /** The covariates' population mean (what the census gives). */
  popMeanX: number;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

export function generate(p: SelectionParams): SelectionData {
  const n = p.samples;
  const root = new Rng(p.seed);
  const rx = root.fork('x');
  const rt = root.fork('t');
  const ry = root.fork('y');
  const rs = root.fork('s');
  const x = new Float64Array(n);
  const t = new Uint8Array(n);
  const y = new Float64Array(n);
  const s = new Uint8Array(n);
  let sumEffect = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    const xi = rx.normal();
    const ti = rt.next() < sigmoid(p.confounding * xi) ? 1 : 0;
    const effect = 1 + p.modification * xi;
    const yi = effect * ti + 1.5 * xi + ry.normal();
    const logit =
      p.selection === 'outcome'
        ? -1 + p.selectionStrength * yi
        : -1 + p.selectionStrength * ti + xi;
    x[i] = xi;
    t[i] = ti;
    y[i] = yi;
    s[i] = rs.next() < sigmoid(logit) ? 1 : 0;
    sumEffect += effect;
    sumX += xi;
  }
  return { n, x, t, y, s, ate: sumEffect / n, popMeanX: sumX / n };
}

/** Every unit: x, t, y, s (t and y are what a study would only see where s = 1); the truth is the ATE. */
export function toTable(d: SelectionData): DataTable {
  const values = new Float64Array(d.n * 4);
  for (let i = 0; i < d.n; i++) values.set([d.x[i], d.t[i], d.y[i], d.s[i]], i * 4);
  return {
    columns: ['x', 't', 'y', 's'],
    rows: d.n,
    values,
    truth: {
      ate: d.ate,
      populationMeanX: d.popMeanX,
      model: 'Y = (1 + m X) T + 1.5 X + N(0,1); T ~ Bern(sigmoid(c X)); S as in the setting',
    },
  };
}
