/** Tables of final metrics read without noise: integers as integers, no rows for what does not apply. */
import { describe, expect, it } from 'vitest';
import { formatDuration, formatMetric, metricRows } from '../../src/lib/format';

describe('formatMetric', () => {
  it('writes integers as integers and the rest to four decimals or in exponent form', () => {
    expect(formatMetric(6)).toBe('6');
    expect(formatMetric(10)).toBe('10');
    expect(formatMetric(0)).toBe('0');
    expect(formatMetric(9.9995)).toBe('9.9995');
    expect(formatMetric(0.123456)).toBe('0.1235');
    expect(formatMetric(-2.0712)).toBe('-2.0712');
    expect(formatMetric(3.2e-7)).toBe('3.200e-7');
    expect(formatMetric(123456.7)).toBe('1.235e+5');
    expect(formatMetric(NaN)).toBe('undefined');
    expect(formatMetric(-Infinity)).toBe('-∞');
  });
  it('keeps formatDuration', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
  });
});

describe('metricRows', () => {
  it('leaves out an optional metric that is undefined here, and keeps any other', () => {
    const rows = metricRows(
      { 'loss/infonce': 4.8, 'loss/ce': NaN, 'metric/r2': NaN, 'metric/arm': 6 },
      { 'loss/infonce': {}, 'loss/ce': { optional: true }, 'metric/r2': {}, 'metric/arm': {} },
    );
    expect(rows).toEqual([
      ['loss/infonce', 4.8],
      ['metric/r2', NaN],
      ['metric/arm', 6],
    ]);
  });
});
