/**
 * The classification task of the intrinsic-dimension MLP toy (planning note Sec. 5.4 B, after Li et
 * al. 2018's MNIST setup shrunk to a synthetic task whose labels are known): latents z ~ N(0, I_4),
 * a label that is the argmax of z against 10 random unit centroids, and observations
 * x = tanh(tanh(z W1) W2) in R^32. `labels: 'random'` draws each training label uniformly and
 * independently of x: the memorisation task of Li et al. Sec. 3.1 ("shuffled labels").
 */
import { Rng } from '../core/rng';
import type { DataTable } from '../core/spec';
import type { SubspaceParams } from './subspace-spec';

export const LATENTS = 4;
export const OBSERVED = 32;
export const CLASSES = 10;
/** Width of the hidden layer of the generator x = tanh(tanh(z W1) W2). */
const GENERATOR_HIDDEN = 64;
export const TEST_SIZE = 2000;

/** Layer shapes of theta in its flat order: W1, b1, W2, b2, W3, b3. */
export function layerShapes(width: number): number[][] {
  return [[OBSERVED, width], [width], [width, width], [width], [width, CLASSES], [CLASSES]];
}

export const parameterCount = (width: number) =>
  layerShapes(width).reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);

export interface LabelledSet {
  n: number;
  /** [n, OBSERVED] row-major. */
  x: Float32Array;
  /** [n] class ids in 0..CLASSES-1. */
  y: Int32Array;
}

export interface ClassTask {
  train: LabelledSet;
  test: LabelledSet;
  /** The generator, for the exported data's truth. */
  w1: Float64Array; // [LATENTS, GENERATOR_HIDDEN]
  w2: Float64Array; // [GENERATOR_HIDDEN, OBSERVED]
  centroids: Float64Array; // [CLASSES, LATENTS], unit rows
}

function sampleSet(
  n: number,
  r: Rng,
  w1: Float64Array,
  w2: Float64Array,
  centroids: Float64Array,
): LabelledSet & { z: Float64Array } {
  const z = new Float64Array(n * LATENTS);
  const x = new Float32Array(n * OBSERVED);
  const y = new Int32Array(n);
  const hidden = new Float64Array(GENERATOR_HIDDEN);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < LATENTS; a++) z[i * LATENTS + a] = r.normal();
    let best = -Infinity;
    for (let c = 0; c < CLASSES; c++) {
      let s = 0;
      for (let a = 0; a < LATENTS; a++) s += z[i * LATENTS + a] * centroids[c * LATENTS + a];
      if (s > best) [best, y[i]] = [s, c];
    }
    for (let h = 0; h < GENERATOR_HIDDEN; h++) {
      let s = 0;
      for (let a = 0; a < LATENTS; a++) s += z[i * LATENTS + a] * w1[a * GENERATOR_HIDDEN + h];
      hidden[h] = Math.tanh(s);
    }
    for (let o = 0; o < OBSERVED; o++) {
      let s = 0;
      for (let h = 0; h < GENERATOR_HIDDEN; h++) s += hidden[h] * w2[h * OBSERVED + o];
      x[i * OBSERVED + o] = Math.tanh(s);
    }
  }
  return { n, x, y, z };
}

export function generate(p: Pick<SubspaceParams, 'trainSize' | 'labels' | 'seed'>): ClassTask {
  const root = new Rng(p.seed);
  const rg = root.fork('generator');
  const w1 = Float64Array.from({ length: LATENTS * GENERATOR_HIDDEN }, () => rg.normal() / 2); // N(0, 1/dz)
  const w2 = Float64Array.from({ length: GENERATOR_HIDDEN * OBSERVED }, () => rg.normal() / 8); // N(0, 1/64)
  const centroids = Float64Array.from({ length: CLASSES * LATENTS }, () => rg.normal());
  for (let c = 0; c < CLASSES; c++) {
    const row = centroids.subarray(c * LATENTS, (c + 1) * LATENTS);
    const norm = Math.hypot(...row);
    for (let a = 0; a < LATENTS; a++) row[a] /= norm;
  }
  const train = sampleSet(p.trainSize, root.fork('train'), w1, w2, centroids);
  const test = sampleSet(TEST_SIZE, root.fork('test'), w1, w2, centroids);
  if (p.labels === 'random') {
    const rl = root.fork('labels');
    for (let i = 0; i < train.n; i++) train.y[i] = rl.int(CLASSES);
  }
  return {
    train: { n: train.n, x: train.x, y: train.y },
    test: { n: test.n, x: test.x, y: test.y },
    w1,
    w2,
    centroids,
  };
}

/** The training set: x, its label, and (for reference) the label the centroids give. */
export function toTable(p: SubspaceParams): DataTable {
  const t = generate(p);
  const teacher = generate({ ...p, labels: 'teacher' }).train.y;
  const cols = OBSERVED + 2;
  const values = new Float64Array(t.train.n * cols);
  for (let i = 0; i < t.train.n; i++) {
    for (let o = 0; o < OBSERVED; o++) values[i * cols + o] = t.train.x[i * OBSERVED + o];
    values[i * cols + OBSERVED] = t.train.y[i];
    values[i * cols + OBSERVED + 1] = teacher[i];
  }
  const rows = (a: Float64Array, c: number) =>
    Array.from({ length: a.length / c }, (_, i) => Array.from(a.subarray(i * c, (i + 1) * c)));
  return {
    columns: [...Array.from({ length: OBSERVED }, (_, o) => `x${o}`), 'label', 'teacher_label'],
    rows: t.train.n,
    values,
    truth: {
      w1: rows(t.w1, GENERATOR_HIDDEN),
      w2: rows(t.w2, OBSERVED),
      centroids: rows(t.centroids, LATENTS),
      note: 'z ~ N(0, I_4); teacher label = argmax_c z . centroid_c; x = tanh(tanh(z W1) W2); label = teacher label, or uniform when labels = random',
    },
  };
}
