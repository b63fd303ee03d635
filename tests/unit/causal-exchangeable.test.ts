/** The exchangeable-mechanisms toy: partial correlations from moments against the residual formula. */
import { describe, expect, it } from 'vitest';
import { generate } from '../../experiments/causal/exchangeable-data';
import { PairMoments } from '../../experiments/causal/exchangeable-model';
import { defaults } from '../../experiments/core/params';
import { spec, type ExchangeableParams } from '../../experiments/causal/exchangeable-spec';

const base = { ...defaults(spec.params), environments: 3000 } as ExchangeableParams;

/** pcor(a, b | c) by regressing both on (1, c) and correlating the residuals. */
function residualPcor(rows: Float64Array, n: number, a: number, b: number, c: number): number {
  const col = (j: number) => Float64Array.from({ length: n }, (_, i) => rows[i * 4 + j]);
  const [va, vb, vc] = [col(a), col(b), col(c)];
  const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / n;
  const resid = (v: Float64Array) => {
    const [mv, mc] = [mean(v), mean(vc)];
    let cov = 0;
    let varC = 0;
    for (let i = 0; i < n; i++) {
      cov += (v[i] - mv) * (vc[i] - mc);
      varC += (vc[i] - mc) ** 2;
    }
    const slope = cov / varC;
    return Float64Array.from(v, (x, i) => x - mv - slope * (vc[i] - mc));
  };
  const [ra, rb] = [resid(va), resid(vb)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += ra[i] * rb[i];
    aa += ra[i] ** 2;
    bb += rb[i] ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('causal-exchangeable', () => {
  it('computes the partial correlations as the residual formula does', () => {
    const d = generate(base);
    const m = new PairMoments();
    for (let e = 0; e < d.envs; e++) m.add(d.rows.subarray(e * 4, e * 4 + 4));
    expect(m.forward()).toBeCloseTo(residualPcor(d.rows, d.envs, 2, 1, 0), 10);
    expect(m.backward()).toBeCloseTo(residualPcor(d.rows, d.envs, 0, 3, 2), 10);
  });

  it('gives i.i.d. data no environment-level structure: the two samples are independent', () => {
    const d = generate({ ...base, mechanisms: 'iid' });
    const m = new PairMoments();
    for (let e = 0; e < d.envs; e++) m.add(d.rows.subarray(e * 4, e * 4 + 4));
    expect(Math.abs(m.partial(0, 1, 2))).toBeLessThan(0.06);
  });
});
