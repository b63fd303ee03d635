/**
 * The POET toy's teacher-student regression (after the planning simulation
 * ../shared/calibration-sims/planned/poet.py): a tanh teacher f*(x) = tanh(x W1*) W2* with
 * Gaussian inputs, and the students' fixed random starting weights W0.
 */
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { PoetParams } from './poet-spec';
import { predict, type Weights } from './poet-model';

export interface PoetData {
  inputs: number;
  hidden: number;
  teacher: Weights;
  /** The students' starting weights (N(0, 1/fan_in)). */
  start: Weights;
  /** [n, inputs] and [n]. */
  x: Float64Array;
  y: Float64Array;
  xTest: Float64Array;
  yTest: Float64Array;
}

const gaussian = (r: Rng, n: number, sd: number) =>
  Float64Array.from({ length: n }, () => r.normal() * sd);

export function generate(p: PoetParams): PoetData {
  const { inputs, hidden } = p;
  const root = new Rng(p.seed);
  const rt = root.fork('teacher');
  const teacher = {
    w1: gaussian(rt, inputs * hidden, p.teacherGain / Math.sqrt(inputs)),
    w2: gaussian(rt, hidden, 1 / Math.sqrt(hidden)),
  };
  const rs = root.fork('start');
  const start = {
    w1: gaussian(rs, inputs * hidden, 1 / Math.sqrt(inputs)),
    w2: gaussian(rs, hidden, 1 / Math.sqrt(hidden)),
  };
  const x = gaussian(root.fork('train'), p.samples * inputs, 1);
  const xTest = gaussian(root.fork('test'), p.samples * inputs, 1);
  return {
    inputs,
    hidden,
    teacher,
    start,
    x,
    y: predict(teacher, x, inputs, hidden),
    xTest,
    yTest: predict(teacher, xTest, inputs, hidden),
  };
}

export function toTable(p: PoetParams): DataTable {
  const d = generate(p);
  const n = d.y.length;
  const cols = d.inputs + 1;
  const values = new Float64Array(n * cols);
  for (let s = 0; s < n; s++) {
    values.set(d.x.subarray(s * d.inputs, (s + 1) * d.inputs), s * cols);
    values[s * cols + d.inputs] = d.y[s];
  }
  const rows = (w: Float64Array, r: number, c: number) =>
    Array.from({ length: r }, (_, i) => Array.from(w.subarray(i * c, (i + 1) * c)));
  return {
    columns: [...Array.from({ length: d.inputs }, (_, i) => `x${i + 1}`), 'y'],
    rows: n,
    values,
    truth: {
      teacher_first_layer: rows(d.teacher.w1, d.inputs, d.hidden),
      teacher_readout: Array.from(d.teacher.w2),
      student_start_first_layer: rows(d.start.w1, d.inputs, d.hidden),
      note: 'y = tanh(x W1) W2, no noise; W0 is the fixed matrix of the POET student',
    },
  };
}
