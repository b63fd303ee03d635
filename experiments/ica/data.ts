/** Pure, seeded data for linear ICA: independent unit-variance sources and x = A s. */
import { Rng } from '../core/rng';
import { sample, type SourceKind } from '../core/distributions';
import { mixSamples, randomWithCondition } from '../core/mixing';
import type { Mat } from '../core/linalg';
import { rowsOf, type DataTable } from '../core/spec';
import type { IcaParams } from './spec';

export interface IcaData {
  n: number;
  d: number;
  kinds: SourceKind[];
  /** [n, d] row-major true sources. */
  s: Float64Array;
  /** [n, d] row-major observations x_i = A s_i. */
  x: Float64Array;
  /** [d, d] true mixing matrix. */
  a: Mat;
}

export function sourceKinds(sources: IcaParams['sources'], d: number): SourceKind[] {
  if (sources === 'mixed') {
    // Exactly one Gaussian source; the others alternate super- and sub-Gaussian.
    return Array.from({ length: d }, (_, i): SourceKind =>
      i === 0 ? 'gaussian' : i % 2 === 1 ? 'laplace' : 'uniform',
    );
  }
  return Array.from({ length: d }, () => sources);
}

export function generate(
  params: Pick<IcaParams, 'samples' | 'dim' | 'seed' | 'sources' | 'condition'>,
): IcaData {
  const n = params.samples;
  const d = params.dim;
  const root = new Rng(params.seed);
  const kinds = sourceKinds(params.sources, d);
  const srcRng = root.fork('sources');
  const s = new Float64Array(n * d);
  kinds.forEach((kind, j) => {
    const col = sample(kind, srcRng.fork(`source-${j}`), n);
    for (let i = 0; i < n; i++) s[i * d + j] = col[i];
  });
  const a = randomWithCondition(d, params.condition, root.fork('mixing'));
  return { n, d, kinds, s, x: mixSamples(s, n, d, a), a };
}

/** Observations and true sources, one row per sample: x0.., s0..; the truth is A (x = A s) and the source kinds. */
export function toTable(data: IcaData): DataTable {
  const { n, d } = data;
  const columns = [
    ...Array.from({ length: d }, (_, j) => `x${j}`),
    ...Array.from({ length: d }, (_, j) => `s${j}`),
  ];
  const values = new Float64Array(n * 2 * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      values[i * 2 * d + j] = data.x[i * d + j];
      values[i * 2 * d + d + j] = data.s[i * d + j];
    }
  }
  return {
    columns,
    rows: n,
    values,
    truth: { mixing: rowsOf(data.a.data, d, d), sourceKinds: data.kinds },
  };
}
