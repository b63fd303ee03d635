/**
 * Mendelian randomisation with instrument-outcome confounding (after Huang, Robinson and
 * Locatello, "Addressing Instrument-Outcome Confounding in Mendelian Randomization through
 * Representation Learning", ICML 2026). In each environment e = 0 .. E-1:
 *   Z ~ N(0, 1)                                  the exogenous latent instrument (invariant),
 *   P ~ N(e - 1, (0.3 + 0.7 e)^2)                population stratification (shifts across e),
 *   G = M [Z, P]                                 two observed variants, M random 2x2,
 *   X = 0.8 Z + a P + U + N(0, 1),  Y = beta X + U + b P + N(0, 1),
 * with U an unobserved confounder of X and Y and P -> Y the instrument-outcome confounding that
 * makes the raw variants invalid instruments. Without a shift, P ~ N(0, 1) in every environment.
 * Pure and seeded.
 */
import { Rng } from '../core/rng';
import { rowsOf, type DataTable } from '../core/spec';
import type { MrParams } from './mr-spec';

export interface MrData {
  envs: number;
  perEnv: number;
  /** Per environment, rows of (g0, g1, x, y, z) [perEnv, 5]. */
  rows: Float64Array[];
  mixing: Float64Array; // M [2, 2]
  beta: number;
}

export const COLS = 5;

export function generate(p: MrParams): MrData {
  const root = new Rng(p.seed);
  const rm = root.fork('mixing');
  const mixing = Float64Array.from({ length: 4 }, () => rm.normal());
  const rows = Array.from({ length: p.environments }, (_, e) => {
    const r = root.fork(`env-${e}`);
    const out = new Float64Array(p.samples * COLS);
    for (let i = 0; i < p.samples; i++) {
      const z = r.normal();
      const pe = p.shift === 'none' ? r.normal() : e - 1 + (0.3 + 0.7 * e) * r.normal();
      const u = r.normal();
      const x = 0.8 * z + p.stratToX * pe + u + r.normal();
      const y = p.effect * x + u + p.stratToY * pe + r.normal();
      out.set([mixing[0] * z + mixing[1] * pe, mixing[2] * z + mixing[3] * pe, x, y, z], i * COLS);
    }
    return out;
  });
  return { envs: p.environments, perEnv: p.samples, rows, mixing, beta: p.effect };
}

/** Every unit: environment, the two variants, exposure, outcome and the latent instrument z; the truth is beta and M. */
export function toTable(d: MrData): DataTable {
  const n = d.envs * d.perEnv;
  const values = new Float64Array(n * (COLS + 1));
  d.rows.forEach((r, e) => {
    for (let i = 0; i < d.perEnv; i++) {
      values[(e * d.perEnv + i) * (COLS + 1)] = e;
      values.set(r.subarray(i * COLS, (i + 1) * COLS), (e * d.perEnv + i) * (COLS + 1) + 1);
    }
  });
  return {
    columns: ['env', 'g0', 'g1', 'x', 'y', 'z'],
    rows: n,
    values,
    truth: { beta: d.beta, mixing: rowsOf(d.mixing, 2, 2) },
  };
}
