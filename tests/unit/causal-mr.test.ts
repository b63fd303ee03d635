/** The Mendelian-randomisation toy: moments-based estimators against direct computations. */
import { describe, expect, it } from 'vitest';
import { COLS, generate } from '../../experiments/causal/mr-data';
import { MrMoments } from '../../experiments/causal/mr-model';
import { defaults } from '../../experiments/core/params';
import { spec, type MrParams } from '../../experiments/causal/mr-spec';

const base = { ...defaults(spec.params), samples: 3000 } as MrParams;

/** cov(a, b) over the rows of the given environments. */
function cov(rows: Float64Array[], a: number, b: number): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let sab = 0;
  for (const r of rows)
    for (let i = 0; i < r.length; i += COLS) {
      n++;
      sa += r[i + a];
      sb += r[i + b];
      sab += r[i + a] * r[i + b];
    }
  return sab / n - (sa / n) * (sb / n);
}

describe('causal-mr', () => {
  it('draws the same data for a seed and another for another seed', () => {
    expect(Array.from(generate(base).rows[0].slice(0, 10))).toEqual(
      Array.from(generate(base).rows[0].slice(0, 10)),
    );
    expect(generate({ ...base, seed: 3 }).rows[0][0]).not.toBe(generate(base).rows[0][0]);
  });

  it('computes OLS, oracle IV and the invariant direction as the direct formulas do', () => {
    const d = generate(base);
    const m = new MrMoments();
    d.rows.forEach((r, e) => {
      for (let i = 0; i < d.perEnv; i++)
        m.add(
          r.subarray(i * COLS, (i + 1) * COLS),
          e === 0 ? 'first' : e === d.envs - 1 ? 'last' : 'other',
        );
    });
    const est = m.estimates();
    const all = d.rows;
    expect(est.ols).toBeCloseTo(cov(all, 2, 3) / cov(all, 2, 2), 10);
    expect(est.ivOracle).toBeCloseTo(cov(all, 4, 3) / cov(all, 4, 2), 10);
    // w solves Cov_G(last) w = lambda Cov_G(first) w
    const c = (rows: Float64Array[]) => [
      [cov(rows, 0, 0), cov(rows, 0, 1)],
      [cov(rows, 1, 0), cov(rows, 1, 1)],
    ];
    const [c0, c2] = [c([all[0]]), c([all[d.envs - 1]])];
    const [w0, w1] = est.w;
    const lhs = [c2[0][0] * w0 + c2[0][1] * w1, c2[1][0] * w0 + c2[1][1] * w1];
    const rhs = [c0[0][0] * w0 + c0[0][1] * w1, c0[1][0] * w0 + c0[1][1] * w1];
    const lambda = lhs[0] / rhs[0];
    expect(lhs[1]).toBeCloseTo(lambda * rhs[1], 8);
    // the invariant direction is the one whose variance does not change: lambda near 1, and it follows Z
    expect(Math.abs(Math.log(lambda))).toBeLessThan(0.2);
    expect(est.instrumentCorr).toBeGreaterThan(0.99);
  });
});
