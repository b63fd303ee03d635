/**
 * Concept-conditioned environments (after Rajendran, Buchholz, Aragam, Schölkopf and Ravikumar,
 * "Learning Interpretable Concepts: Unifying Causal Representation Learning and Foundation
 * Models", 2024): latents z ~ N(0, I_d) seen through CauCA's leaky-tanh stack; a concept is a
 * linear functional c_i = <a_i, z> (a_i a random unit vector). Besides the base environment, each
 * conditioned environment e has density p_e(z) ∝ p_0(z) exp(-(<a_i(e), z> - b_e)^2 / (2 s^2)),
 * s = 0.5: the concepts in turn near +1, then the first concept near -1 (n + 1 conditioned
 * environments for n concepts, as the paper's count). Sampled exactly: under p_e the concept is
 * N(b / (1 + s^2), s^2 / (1 + s^2)) and the rest of z is untouched. The negative control
 * conditions on the non-linear statistic ||z||^2 instead (near 2, 6, 3, 5, ..., s = 1), by
 * rejection from the base. Test rows interleave the environments. Pure and seeded.
 */
import { applyLeakyTanhStack, leakyTanhStack, standardiseLike } from '../core/mixing';
import { Rng } from '../core/rng';
import { rowsOf, type DataTable } from '../core/spec';
import { environmentTable, type EnvClassData } from './envclass-data';
import type { ConceptsParams } from './concepts-spec';

export interface ConceptsData extends EnvClassData {
  d: number;
  concepts: number;
  /** Concept directions a_i [concepts, d], unit rows. */
  directions: Float64Array;
  /** Per conditioned environment: the conditioned concept (-1 for ||z||^2) and its target b. */
  conditions: { concept: number; target: number }[];
  mixing: Float64Array[];
  trainZ: Float64Array;
  testZ: Float64Array;
  /** Concept values <a_i, z> of the test rows [n_test, concepts]. */
  testConcepts: Float64Array;
}

const TEST_PER_ENV = 1000;
const S = 0.5;
const NORM_TARGETS = [2, 6, 3, 5, 4];

export function generate(p: ConceptsParams): ConceptsData {
  const d = p.latents;
  const k = p.concepts;
  const root = new Rng(p.seed);
  const ra = root.fork('concepts');
  const directions = new Float64Array(k * d);
  for (let i = 0; i < k; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (directions[i * d + j] = ra.normal()) ** 2;
    for (let j = 0; j < d; j++) directions[i * d + j] /= Math.sqrt(norm);
  }
  const conditions =
    p.conditioning === 'concept'
      ? [
          ...Array.from({ length: k }, (_, i) => ({ concept: i, target: 1 })),
          { concept: 0, target: -1 },
        ]
      : Array.from({ length: k + 1 }, (_, e) => ({
          concept: -1,
          target: NORM_TARGETS[e % NORM_TARGETS.length],
        }));
  const envs = conditions.length + 1;
  const mixing = leakyTanhStack(d, p.layers, root.fork('mixing'));
  const sampleRow = (rng: Rng, e: number, z: Float64Array, row: number) => {
    const at = z.subarray(row * d, (row + 1) * d);
    const draw = () => {
      for (let j = 0; j < d; j++) at[j] = rng.normal();
    };
    draw();
    if (e === 0) return;
    const { concept, target } = conditions[e - 1];
    if (concept < 0) {
      // rejection from the base: accept with probability exp(-(||z||^2 - b)^2 / 2)
      for (;;) {
        let q = 0;
        for (let j = 0; j < d; j++) q += at[j] * at[j];
        if (rng.next() < Math.exp(-((q - target) ** 2) / 2)) return;
        draw();
      }
    }
    const a = directions.subarray(concept * d, (concept + 1) * d);
    let c = 0;
    for (let j = 0; j < d; j++) c += a[j] * at[j];
    const v = S * S;
    const cNew = target / (1 + v) + Math.sqrt(v / (1 + v)) * rng.normal();
    for (let j = 0; j < d; j++) at[j] += (cNew - c) * a[j];
  };
  const rt = root.fork('train');
  const trainZ = new Float64Array(envs * p.samples * d);
  for (let e = 0; e < envs; e++)
    for (let i = 0; i < p.samples; i++) sampleRow(rt, e, trainZ, e * p.samples + i);
  const rv = root.fork('test');
  const nTest = envs * TEST_PER_ENV;
  const testZ = new Float64Array(nTest * d);
  for (let r = 0; r < nTest; r++) sampleRow(rv, r % envs, testZ, r);
  const testConcepts = new Float64Array(nTest * k);
  for (let r = 0; r < nTest; r++)
    for (let i = 0; i < k; i++)
      for (let j = 0; j < d; j++)
        testConcepts[r * k + i] += directions[i * d + j] * testZ[r * d + j];
  const trainX = applyLeakyTanhStack(mixing, trainZ, d);
  const testX = applyLeakyTanhStack(mixing, testZ, d);
  standardiseLike(d, trainX, testX);
  return {
    envs,
    dx: d,
    trainPerEnv: p.samples,
    trainX,
    testPerEnv: TEST_PER_ENV,
    testX,
    d,
    concepts: k,
    directions,
    conditions,
    mixing,
    trainZ,
    testZ,
    testConcepts,
  };
}

/** Every training sample: its environment, x and z; the truth is the concept directions, the conditions and the mixing. */
export function toTable(data: ConceptsData): DataTable {
  const { d } = data;
  return environmentTable(data, {
    conceptDirections: rowsOf(data.directions, data.concepts, d),
    conditions: data.conditions.map((c) => ({
      environment: c.concept < 0 ? '||z||^2' : `c${c.concept}`,
      target: c.target,
      width: c.concept < 0 ? 1 : S,
    })),
    mixing: data.mixing.map((m) => rowsOf(m, d, d)),
    mixingLayer: 'x <- tanh(x M) + 0.1 x M',
  });
}
