/**
 * Sparse linear tasks for pretraining and fine-tuning a diagonal linear network, after the
 * setting of Anguita, Locatello, Saxe, Mondelli, Mancini, Lippl and Dominé (2026): inputs
 * x ~ N(0, I_d), a pretraining target on a support S of k_pre features with +-1 weights, and a
 * fine-tuning target on k_ft features that are either a subset of S or outside it.
 */
import type { DataTable } from '../core/spec';
import { Rng } from '../core/rng';
import type { PretrainParams } from './pretrain-spec';

export interface PretrainData {
  d: number;
  /** [nPre, d] and [nPre]. */
  xPre: Float64Array;
  yPre: Float64Array;
  /** [nFt, d] and [nFt]. */
  xFt: Float64Array;
  yFt: Float64Array;
  /** True weights [d] of the two tasks (population test MSE = |beta - b|^2 for x ~ N(0, I)). */
  bPre: Float64Array;
  bFt: Float64Array;
  /** The pretraining support, then the fine-tuning support, as feature indices. */
  support: number[];
  ftSupport: number[];
}

/** k distinct indices drawn from `from` (a partial Fisher-Yates). */
function choose(rng: Rng, from: number[], k: number): number[] {
  const a = from.slice();
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

function sample(rng: Rng, n: number, d: number, b: Float64Array) {
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let v = 0;
    for (let j = 0; j < d; j++) {
      const e = rng.normal();
      x[s * d + j] = e;
      v += e * b[j];
    }
    y[s] = v;
  }
  return { x, y };
}

export function generate(
  p: Pick<PretrainParams, 'features' | 'kPre' | 'kFt' | 'nPre' | 'nFt' | 'task' | 'seed'>,
): PretrainData {
  const d = p.features;
  const root = new Rng(p.seed);
  const tr = root.fork('tasks');
  const all = Array.from({ length: d }, (_, j) => j);
  const support = choose(tr, all, p.kPre);
  const inS = new Set(support);
  const ftSupport =
    p.task === 'subset'
      ? support.slice(0, p.kFt)
      : choose(
          tr,
          all.filter((j) => !inS.has(j)),
          p.kFt,
        );
  const sign = () => (tr.next() < 0.5 ? -1 : 1);
  const bPre = new Float64Array(d);
  for (const j of support) bPre[j] = sign();
  const bFt = new Float64Array(d);
  for (const j of ftSupport) bFt[j] = sign();
  const pre = sample(root.fork('pretraining'), p.nPre, d, bPre);
  const ft = sample(root.fork('finetuning'), p.nFt, d, bFt);
  return { d, xPre: pre.x, yPre: pre.y, xFt: ft.x, yFt: ft.y, bPre, bFt, support, ftSupport };
}

/** Both tasks' samples, with a column saying which. */
export function toTable(g: PretrainData): DataTable {
  const nPre = g.yPre.length;
  const nFt = g.yFt.length;
  const cols = g.d + 2;
  const values = new Float64Array((nPre + nFt) * cols);
  const put = (r: number, task: number, x: Float64Array, y: number) => {
    values[r * cols] = task;
    values.set(x, r * cols + 1);
    values[r * cols + cols - 1] = y;
  };
  for (let s = 0; s < nPre; s++) put(s, 0, g.xPre.subarray(s * g.d, (s + 1) * g.d), g.yPre[s]);
  for (let s = 0; s < nFt; s++) put(nPre + s, 1, g.xFt.subarray(s * g.d, (s + 1) * g.d), g.yFt[s]);
  return {
    columns: ['task', ...Array.from({ length: g.d }, (_, j) => `x${j + 1}`), 'y'],
    rows: nPre + nFt,
    values,
    truth: {
      pretraining_weights: Array.from(g.bPre),
      finetuning_weights: Array.from(g.bFt),
      note: 'task 0: pretraining samples, task 1: fine-tuning samples; y = weights . x, no noise',
    },
  };
}
