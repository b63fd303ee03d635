/**
 * The data a run trains on, for a reviewer to recompute a claim elsewhere: the CSV of samples
 * (observations, true latents, and whatever else the claim needs per row) and, beside it, a JSON
 * with the true generating parameters and the setting that produced them.
 */
import { nanToNull } from './bundle';
import type { DataTable, Params } from './spec';

export function dataCsv(t: DataTable): string {
  const w = t.columns.length;
  const lines = [t.columns.join(',')];
  for (let i = 0; i < t.rows; i++)
    lines.push(Array.from(t.values.subarray(i * w, (i + 1) * w), (v) => String(v)).join(','));
  return lines.join('\n') + '\n';
}

/** Where the truth goes beside a CSV: data.csv -> data.truth.json. */
export const truthPath = (csvPath: string): string =>
  csvPath.replace(/\.csv$/i, '') + '.truth.json';

export function truthJson(
  t: DataTable,
  meta: { experiment: string; preset: string; params: Params; appVersion: string },
): string {
  return (
    JSON.stringify(
      {
        format: 'identifiability-sandbox/truth',
        ...meta,
        columns: t.columns,
        rows: t.rows,
        truth: t.truth,
      },
      nanToNull,
      1,
    ) + '\n'
  );
}
