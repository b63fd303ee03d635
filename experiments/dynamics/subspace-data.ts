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
export const GENERATOR_HIDDEN = 64;
export const TEST_SIZE = 2000;

/** Layer shapes of theta in its flat order: W1, b1, W2, b2, W3, b3. */
export function layerShapes(width: number, outputs = CLASSES): number[][] {
  return [[OBSERVED, width], [width], [width, width], [width], [width, outputs], [outputs]];
}

/** Number of entries of parameters with these shapes. */
export const countOf = (shapes: number[][]) =>
  shapes.reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);

export const parameterCount = (width: number) => countOf(layerShapes(width));

/** Parameters of the trunk (W1, b1, W2, b2), the leading part of theta in its flat order. */
export const trunkCount = (width: number) => countOf(layerShapes(width, 0));

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

/** Ten unit centroids in latent space: a labelling of the latents (one task). */
function unitCentroids(r: Rng): Float64Array {
  const centroids = Float64Array.from({ length: CLASSES * LATENTS }, () => r.normal());
  for (let c = 0; c < CLASSES; c++) {
    const row = centroids.subarray(c * LATENTS, (c + 1) * LATENTS);
    const norm = Math.hypot(...row);
    for (let a = 0; a < LATENTS; a++) row[a] /= norm;
  }
  return centroids;
}

/** n examples x with their labels under each centroid set (tasks that share their inputs). */
function sampleSet(
  n: number,
  r: Rng,
  w1: Float64Array,
  w2: Float64Array,
  centroidSets: Float64Array[],
): { n: number; x: Float32Array; ys: Int32Array[] } {
  const z = new Float64Array(LATENTS);
  const x = new Float32Array(n * OBSERVED);
  const ys = centroidSets.map(() => new Int32Array(n));
  const hidden = new Float64Array(GENERATOR_HIDDEN);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < LATENTS; a++) z[a] = r.normal();
    centroidSets.forEach((centroids, t) => {
      let best = -Infinity;
      for (let c = 0; c < CLASSES; c++) {
        let s = 0;
        for (let a = 0; a < LATENTS; a++) s += z[a] * centroids[c * LATENTS + a];
        if (s > best) [best, ys[t][i]] = [s, c];
      }
    });
    for (let h = 0; h < GENERATOR_HIDDEN; h++) {
      let s = 0;
      for (let a = 0; a < LATENTS; a++) s += z[a] * w1[a * GENERATOR_HIDDEN + h];
      hidden[h] = Math.tanh(s);
    }
    for (let o = 0; o < OBSERVED; o++) {
      let s = 0;
      for (let h = 0; h < GENERATOR_HIDDEN; h++) s += hidden[h] * w2[h * OBSERVED + o];
      x[i * OBSERVED + o] = Math.tanh(s);
    }
  }
  return { n, x, ys };
}

/** One labelled set: n examples with their labels under one centroid set. */
function labelledSet(
  n: number,
  r: Rng,
  w1: Float64Array,
  w2: Float64Array,
  centroids: Float64Array,
): LabelledSet {
  const s = sampleSet(n, r, w1, w2, [centroids]);
  return { n, x: s.x, y: s.ys[0] };
}

/** The observation map x = tanh(tanh(z W1) W2), shared by every task of a seed. */
function observationMap(rg: Rng, gain = 1): { w1: Float64Array; w2: Float64Array } {
  const w1 = Float64Array.from(
    { length: LATENTS * GENERATOR_HIDDEN },
    () => (gain * rg.normal()) / 2,
  ); // N(0, gain^2/dz)
  const w2 = Float64Array.from({ length: GENERATOR_HIDDEN * OBSERVED }, () => rg.normal() / 8); // N(0, 1/64)
  return { w1, w2 };
}

export function generate(p: Pick<SubspaceParams, 'trainSize' | 'labels' | 'seed'>): ClassTask {
  const root = new Rng(p.seed);
  const rg = root.fork('generator');
  const { w1, w2 } = observationMap(rg);
  const centroids = unitCentroids(rg);
  const train = labelledSet(p.trainSize, root.fork('train'), w1, w2, centroids);
  const test = labelledSet(TEST_SIZE, root.fork('test'), w1, w2, centroids);
  if (p.labels === 'random') {
    const rl = root.fork('labels');
    for (let i = 0; i < train.n; i++) train.y[i] = rl.int(CLASSES);
  }
  return { train, test, w1, w2, centroids };
}

/**
 * The fine-tuning toy's tasks (planning note Sec. 5.5, after Aghajanyan et al. 2020): `tasks`
 * pretraining labellings of one shared set of inputs (each its own centroids on the same latents
 * and observation map) and a new target task with centroids of its own.
 */
export interface TaskFamily {
  pretrain: { n: number; x: Float32Array; ys: Int32Array[] };
  target: { train: LabelledSet; test: LabelledSet; centroids: Float64Array };
  pretrainCentroids: Float64Array[];
  w1: Float64Array;
  w2: Float64Array;
}

export function generateFamily(p: {
  seed: number;
  tasks: number;
  pretrainSize: number;
  trainSize: number;
  gain: number;
  /** 'random': every pretraining label uniform and independent of x (nothing reusable to learn). */
  pretrainLabels: 'tasks' | 'random';
}): TaskFamily {
  const root = new Rng(p.seed);
  const { w1, w2 } = observationMap(root.fork('generator'), p.gain);
  const pretrainCentroids = Array.from({ length: p.tasks }, (_, t) =>
    unitCentroids(root.fork(`pretrain-task-${t}`)),
  );
  const centroids = unitCentroids(root.fork('target-task'));
  const pretrain = sampleSet(p.pretrainSize, root.fork('pretrain'), w1, w2, pretrainCentroids);
  if (p.pretrainLabels === 'random') {
    const rl = root.fork('pretrain-labels');
    for (const y of pretrain.ys) for (let i = 0; i < y.length; i++) y[i] = rl.int(CLASSES);
  }
  return {
    pretrain,
    target: {
      train: labelledSet(p.trainSize, root.fork('train'), w1, w2, centroids),
      test: labelledSet(TEST_SIZE, root.fork('test'), w1, w2, centroids),
      centroids,
    },
    pretrainCentroids,
    w1,
    w2,
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
