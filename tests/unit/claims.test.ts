import { describe, expect, it } from 'vitest';
import { judgeClaim, describeCondition, type Claim } from '../../experiments/core/claims';

const base: Claim = {
  id: 'c',
  text: 't',
  preset: 'p',
  metric: 'metric/mcc',
  op: '>=',
  value: 0.9,
  expect: 'holds',
};

describe('judgeClaim truth table', () => {
  const cases: [Partial<Claim>, number | undefined, string, boolean][] = [
    [{ op: '>=', value: 0.9 }, 0.95, 'holds', true],
    [{ op: '>=', value: 0.9 }, 0.9, 'holds', true],
    [{ op: '>=', value: 0.9 }, 0.89, 'fails', false],
    [{ op: '<=', value: 0.05 }, 0.01, 'holds', true],
    [{ op: '<=', value: 0.05 }, 0.2, 'fails', false],
    [{ op: 'between', value: [0.4, 0.6] }, 0.5, 'holds', true],
    [{ op: 'between', value: [0.4, 0.6] }, 0.61, 'fails', false],
    [{ op: '>=', value: 0.9, expect: 'fails' }, 0.5, 'fails', true],
    [{ op: '>=', value: 0.9, expect: 'fails' }, 0.99, 'holds', false],
    [{ op: '>=', value: 0.9 }, NaN, 'undefined', false],
    [{ op: '>=', value: 0.9 }, undefined, 'undefined', false],
    [{ op: '<=', value: 0.9 }, Infinity, 'undefined', false],
  ];
  for (const [over, measured, verdict, asExpected] of cases) {
    it(`${over.op} ${JSON.stringify(over.value)} expect ${over.expect ?? 'holds'} at ${measured} -> ${verdict}`, () => {
      const j = judgeClaim({ ...base, ...over } as Claim, measured);
      expect(j.verdict).toBe(verdict);
      expect(j.asExpected).toBe(asExpected);
    });
  }
  it('refuses a malformed claim with what was expected', () => {
    expect(() => judgeClaim({ ...base, op: 'between', value: 0.5 }, 0.5)).toThrow(
      /expected \[lo, hi\]/,
    );
    expect(() => judgeClaim({ ...base, op: '>=', value: [0, 1] }, 0.5)).toThrow(
      /expected a number/,
    );
  });
  it('describes conditions', () => {
    expect(describeCondition({ metric: 'm', op: 'between', value: [0, 1] })).toBe('0 <= m <= 1');
    expect(describeCondition({ metric: 'm', op: '<=', value: 0.05 })).toBe('m <= 0.05');
  });

  it('a seed-dependent claim is as shipped whenever it is measured, either way', () => {
    const c: Claim = {
      id: 'c',
      text: '',
      preset: 'p',
      metric: 'm',
      op: '<=',
      value: 0,
      expect: 'holds',
      seedDependent: 'held in 5 of 8 seeds',
    };
    expect(judgeClaim(c, -1)).toMatchObject({
      verdict: 'holds',
      asShipped: true,
      asExpected: true,
    });
    expect(judgeClaim(c, 1)).toMatchObject({
      verdict: 'fails',
      asShipped: true,
      asExpected: false,
    });
    expect(judgeClaim(c, NaN)).toMatchObject({ verdict: 'undefined', asShipped: false });
  });
});
