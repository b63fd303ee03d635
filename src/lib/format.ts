/** "12 s", "3 min 5 s": a time left, never "0 s". */
export const formatDuration = (s: number): string =>
  s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

/**
 * A metric for a table: an integer as an integer ("10", not "10.0000"), very large or very small
 * values in exponent form, anything else to four decimals; a NaN as "undefined".
 */
export function formatMetric(v: number): string {
  if (Number.isNaN(v)) return 'undefined';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-4) return v.toExponential(3);
  return v.toFixed(4);
}

/**
 * The final metrics worth a row: a metric the spec marks optional (a loss term of another
 * objective, a score that applies to some settings only) is left out when it is undefined here;
 * any other undefined metric is kept, since it says the run did not produce it.
 */
export function metricRows(
  final: Readonly<Record<string, number>>,
  metrics: Readonly<Record<string, { optional?: boolean }>>,
): [string, number][] {
  return Object.entries(final).filter(([k, v]) => Number.isFinite(v) || !metrics[k]?.optional);
}
