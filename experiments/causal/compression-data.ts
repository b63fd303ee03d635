/**
 * Discrete X -> Y observed in several environments with unknown intervention targets (after
 * Wendong, Buchholz and Schölkopf, "Algorithmic causal structure emerging through compression",
 * CLeaR 2025): each environment redraws P_e(X) ~ Dirichlet(1); the mechanism P(Y | X), each row
 * ~ Dirichlet(1), is shared by all of them, unless every mechanism changes (the negative control).
 * Pure and seeded.
 */
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { CompressionParams } from './compression-spec';

export interface CompressionData {
  k: number;
  envs: number;
  perEnv: number;
  /** Per environment, pairs (x, y) as state indices [perEnv, 2]. */
  samples: Uint8Array[];
}

function dirichlet(k: number, rng: Rng): Float64Array {
  // Dirichlet(1, ..., 1): normalised standard exponentials
  const g = Float64Array.from({ length: k }, () => -Math.log(1 - rng.next()));
  const s = g.reduce((a, b) => a + b, 0);
  return g.map((v) => v / s);
}

function draw(p: Float64Array, rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < p.length - 1; i++) if ((u -= p[i]) < 0) return i;
  return p.length - 1;
}

export function generate(p: CompressionParams): CompressionData {
  const k = p.states;
  const root = new Rng(p.seed);
  const rm = root.fork('mechanism');
  const mechanism = (r: Rng) => Array.from({ length: k }, () => dirichlet(k, r));
  const shared = mechanism(rm);
  const samples = Array.from({ length: p.environments }, (_, e) => {
    const r = root.fork(`env-${e}`);
    const px = dirichlet(k, r);
    const pyx = p.shift === 'all-mechanisms' ? mechanism(r) : shared;
    const out = new Uint8Array(p.samples * 2);
    for (let i = 0; i < p.samples; i++) {
      const x = draw(px, r);
      out[i * 2] = x;
      out[i * 2 + 1] = draw(pyx[x], r);
    }
    return out;
  });
  return { k, envs: p.environments, perEnv: p.samples, samples };
}

export function toTable(d: CompressionData): DataTable {
  const n = d.envs * d.perEnv;
  const values = new Float64Array(n * 3);
  d.samples.forEach((s, e) => {
    for (let i = 0; i < d.perEnv; i++)
      values.set([e, s[i * 2], s[i * 2 + 1]], (e * d.perEnv + i) * 3);
  });
  return { columns: ['env', 'x', 'y'], rows: n, values, truth: { graph: 'X -> Y', states: d.k } };
}
