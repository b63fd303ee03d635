/** The compression toy: code lengths against a direct computation, and the tie with one environment. */
import { describe, expect, it } from 'vitest';
import { PairCounts, codeLength } from '../../experiments/causal/compression-model';

describe('causal-compression', () => {
  it('computes the two-part code of one environment as NLL of the joint plus (k^2 - 1)/2 log N', () => {
    const c = new PairCounts(2, 1);
    const pairs: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 1],
      [0, 0],
      [1, 0],
    ];
    for (const [x, y] of pairs) c.add(0, x, y);
    // counts: (0,0) 2, (0,1) 1, (1,0) 1, (1,1) 2 of N = 6
    const nll = -(2 * Math.log(2 / 6) + Math.log(1 / 6) + Math.log(1 / 6) + 2 * Math.log(2 / 6));
    const expected = nll + (3 / 2) * Math.log(6);
    expect(codeLength(c, false)).toBeCloseTo(expected, 10);
    expect(codeLength(c, true)).toBeCloseTo(expected, 10); // one environment: a tie
  });

  it('shares a mechanism that all environments have, and pays for one that differs', () => {
    const c = new PairCounts(2, 2);
    // Y copies X in both environments; P(X) differs
    for (let i = 0; i < 300; i++) c.add(0, i % 10 < 8 ? 0 : 1, i % 10 < 8 ? 0 : 1);
    for (let i = 0; i < 300; i++) c.add(1, i % 10 < 3 ? 0 : 1, i % 10 < 3 ? 0 : 1);
    expect(codeLength(c, true)).toBeGreaterThanOrEqual(codeLength(c, false) - 1e-9);
  });
});
