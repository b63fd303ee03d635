/**
 * The teacher-student task of Kunin et al. (NeurIPS 2024), Fig. 1a, after
 * allanraventos/getrichquick two-layer-relu/utils.py: a ReLU teacher with three unit-norm neurons
 * and +-1 readouts in d = 2, training inputs on the unit circle, and a test grid of angles.
 */
import type { DataTable } from '../core/spec';
import { Rng } from '../core/rng';
import type { RichLazyParams } from './richlazy-spec';

export const INPUT_DIM = 2;
export const TEACHER_NEURONS = 3;
/** Test inputs: evenly spaced angles, so the test MSE is the integral over the circle. */
export const TEST_POINTS = 720;

export interface RichLazyData {
  n: number;
  /** [n, 2] training inputs on the unit circle. */
  x: Float64Array;
  /** [n] teacher outputs. */
  y: Float64Array;
  /** [TEST_POINTS, 2] and [TEST_POINTS]. */
  xTest: Float64Array;
  yTest: Float64Array;
  /** [3, 2] unit-norm teacher neurons and their +-1 readouts. */
  teacherW: Float64Array;
  teacherA: Float64Array;
}

/** f*(x) = sum_k a*_k relu(w*_k . x). */
export function teacherOutput(w: Float64Array, a: Float64Array, x0: number, x1: number): number {
  let f = 0;
  for (let k = 0; k < a.length; k++) f += a[k] * Math.max(0, w[2 * k] * x0 + w[2 * k + 1] * x1);
  return f;
}

function onCircle(rng: Rng, out: Float64Array, i: number): void {
  const u = rng.normal();
  const v = rng.normal();
  const r = Math.hypot(u, v) || 1;
  out[2 * i] = u / r;
  out[2 * i + 1] = v / r;
}

export function generate(p: Pick<RichLazyParams, 'samples' | 'seed'>): RichLazyData {
  const root = new Rng(p.seed);
  const tr = root.fork('teacher');
  const teacherW = new Float64Array(TEACHER_NEURONS * INPUT_DIM);
  const teacherA = new Float64Array(TEACHER_NEURONS);
  for (let k = 0; k < TEACHER_NEURONS; k++) {
    onCircle(tr, teacherW, k);
    teacherA[k] = tr.normal() >= 0 ? 1 : -1;
  }
  const n = p.samples;
  const xr = root.fork('inputs');
  const x = new Float64Array(n * INPUT_DIM);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    onCircle(xr, x, i);
    y[i] = teacherOutput(teacherW, teacherA, x[2 * i], x[2 * i + 1]);
  }
  const xTest = new Float64Array(TEST_POINTS * INPUT_DIM);
  const yTest = new Float64Array(TEST_POINTS);
  for (let i = 0; i < TEST_POINTS; i++) {
    const t = (2 * Math.PI * i) / TEST_POINTS;
    xTest[2 * i] = Math.cos(t);
    xTest[2 * i + 1] = Math.sin(t);
    yTest[i] = teacherOutput(teacherW, teacherA, xTest[2 * i], xTest[2 * i + 1]);
  }
  return { n, x, y, xTest, yTest, teacherW, teacherA };
}

export function toTable(d: RichLazyData): DataTable {
  const values = new Float64Array(d.n * 3);
  for (let i = 0; i < d.n; i++) values.set([d.x[2 * i], d.x[2 * i + 1], d.y[i]], 3 * i);
  return {
    columns: ['x1', 'x2', 'y'],
    rows: d.n,
    values,
    truth: {
      teacher_first_layer: Array.from({ length: TEACHER_NEURONS }, (_, k) => [
        d.teacherW[2 * k],
        d.teacherW[2 * k + 1],
      ]),
      teacher_readout: Array.from(d.teacherA),
      note: 'y = sum_k readout_k * relu(first_layer_k . x); no noise',
    },
  };
}
