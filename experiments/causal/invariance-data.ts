/**
 * Invariant mechanisms whose noise statistics change across environments (after Montagna and
 * Locatello, "Causal Learning with the Invariance Principle", arXiv 2605.13589): X -> Y with
 *   X = s_X e_1,   Y = tanh(1.5 X) + 0.3 X^2 + s_Y e_2,   e_1, e_2 ~ N(0, 1),
 * base scales (s_X, s_Y) = (1, 0.5), and auxiliary environments that rescale them: generic
 * changes (1.5, 1.3), (0.8, 1.6) or sparse ones (1.5, 1), (1, 1.6). The mechanism is the same in
 * every environment. The columns can be presented as (X, Y) or (Y, X). Pure and seeded.
 */
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { InvarianceParams } from './invariance-spec';

export const AUX_SCALES = {
  generic: [
    [1.5, 1.3],
    [0.8, 1.6],
  ],
  sparse: [
    [1.5, 1],
    [1, 1.6],
  ],
} as const;

export interface InvarianceData {
  n: number;
  /** Per environment (base first), rows (v1, v2) [n, 2] in the presented column order. */
  envs: Float64Array[];
  /** Which presented column is the effect Y (0 or 1). */
  effectColumn: 0 | 1;
  scales: number[][];
}

export function generate(p: InvarianceParams): InvarianceData {
  const root = new Rng(p.seed);
  const aux = AUX_SCALES[p.noiseChange].slice(0, p.auxiliary === 'one' ? 1 : 2);
  const scales = [[1, 1], ...aux.map((a) => [a[0], a[1]])];
  const swap = p.columns === 'y-then-x';
  const envs = scales.map(([a, b], e) => {
    const r = root.fork(`env-${e}`);
    const out = new Float64Array(p.samples * 2);
    for (let i = 0; i < p.samples; i++) {
      const x = a * r.normal();
      const y = Math.tanh(1.5 * x) + 0.3 * x * x + 0.5 * b * r.normal();
      out[i * 2] = swap ? y : x;
      out[i * 2 + 1] = swap ? x : y;
    }
    return out;
  });
  return { n: p.samples, envs, effectColumn: swap ? 0 : 1, scales };
}

export function toTable(d: InvarianceData): DataTable {
  const values = new Float64Array(d.envs.length * d.n * 3);
  d.envs.forEach((rows, e) => {
    for (let i = 0; i < d.n; i++) values.set([e, rows[i * 2], rows[i * 2 + 1]], (e * d.n + i) * 3);
  });
  return {
    columns: ['env', 'v1', 'v2'],
    rows: d.envs.length * d.n,
    values,
    truth: {
      graph: d.effectColumn === 1 ? 'v1 -> v2' : 'v2 -> v1',
      mechanism: 'Y = tanh(1.5 X) + 0.3 X^2 + 0.5 s_Y e',
      noiseScaleMultipliers: d.scales,
    },
  };
}
