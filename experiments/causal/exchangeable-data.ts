/**
 * Exchangeable data from many environments (after Reizinger, Guo, Huszár et al., "Identifiable
 * Exchangeable Mechanisms for Causal Structure and Representation Learning"; the causal de
 * Finetti view). Environment e draws its own mechanism parameters, theta_e for the cause and
 * psi_e for the effect's mechanism, and yields two samples:
 *   X_ej = theta_e + u_ej,   Y_ej = psi_e + X_ej + v_ej,   j = 1, 2,
 * theta_e ~ N(0, s^2), psi_e ~ N(0, 1) independent (independent mechanisms). With dependent
 * mechanisms psi_e = theta_e + 0.3 N(0, 1); i.i.d. data have theta = psi = 0.
 * Pure and seeded.
 */
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { ExchangeableParams } from './exchangeable-spec';

/** Rows of (x1, x2, y1, y2) per environment [envs, 4]. */
export interface ExchangeableData {
  envs: number;
  rows: Float64Array;
}

export function generate(p: ExchangeableParams): ExchangeableData {
  const root = new Rng(p.seed);
  const rm = root.fork('mechanisms');
  const rn = root.fork('noise');
  const rows = new Float64Array(p.environments * 4);
  for (let e = 0; e < p.environments; e++) {
    let theta = p.causeSpread * rm.normal();
    let psi = rm.normal();
    if (p.mechanisms === 'dependent') psi = theta + 0.3 * rm.normal();
    if (p.mechanisms === 'iid') theta = psi = 0;
    const x1 = theta + rn.normal();
    const x2 = theta + rn.normal();
    rows.set([x1, x2, psi + x1 + rn.normal(), psi + x2 + rn.normal()], e * 4);
  }
  return { envs: p.environments, rows };
}

export function toTable(d: ExchangeableData): DataTable {
  return {
    columns: ['x1', 'x2', 'y1', 'y2'],
    rows: d.envs,
    values: d.rows,
    truth: { graph: 'X -> Y', samplesPerEnvironment: 2 },
  };
}
