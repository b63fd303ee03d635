/**
 * The non-identifiability run: three copies of one Transformer from one initialisation take an
 * Adam step each per step on the training strings; two also on a minibatch of OOD prompts with
 * their extrapolating or adversarial completions, the loss on the completion tokens only (the
 * authors' runner adds it to the plain loss). Each log scores the in-distribution KL and every
 * arm's greedy completions.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import type { DataTable, ExperimentRun, StepReport, Trainer } from '../core/spec';
import { NONID_ARMS, type NonidParams, type NonidTable } from './nonid-spec';
import {
  PAD,
  TOKEN_NAMES,
  entropyFloor,
  padRows,
  ruleCompletion,
  scoreRules,
  targetWeights,
  testPrompts,
  trainingSet,
} from './data';
import { TinyLM } from './model';

/** Padded rows [n, L] as tokens, with the weights of their targets from index `from` on. */
function asTensors(tf: typeof TF, tokens: Int32Array, L: number, from: number) {
  const n = tokens.length / L;
  return {
    tokens: tf.tensor2d(tokens, [n, L], 'int32'),
    weights: tf.tensor2d(targetWeights(tokens, L, from), [n, L - 1]),
  };
}

class NonidRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly arms: TinyLM[];
  private readonly train: { tokens: TF.Tensor2D; weights: TF.Tensor2D };
  /** Per non-plain arm: every OOD prompt with its completion, the loss on the completion. */
  private readonly extra: ({ tokens: TF.Tensor2D; weights: TF.Tensor2D } | null)[];
  private readonly prompts: { id: number[][]; ood: number[][] };
  private readonly floor: number;
  private readonly batches: Rng;
  private losses: TF.Scalar[] = [];
  private step = 0;

  constructor(
    private readonly tf: typeof TF,
    private readonly p: NonidParams,
  ) {
    this.totalSteps = p.steps;
    const N = p.maxN;
    const L = 2 * N + 2;
    const root = new Rng(p.seed);
    const opts = {
      arch: 'transformer' as const,
      length: L,
      dim: p.dim,
      heads: 4,
      layers: p.layers,
      hidden: p.hidden,
      lr: p.lr,
    };
    // One initialisation for all three: the arms differ only in what they are trained on.
    this.arms = NONID_ARMS.map(() => new TinyLM(tf, opts, root.fork('model')));
    this.train = asTensors(tf, trainingSet(N, L), L, 1);
    this.prompts = testPrompts(p.promptLength);
    const from = p.promptLength + 1;
    if (from + p.promptLength + 2 > L)
      throw new Error(
        `prompt length: expected at most ${Math.floor((L - 3) / 2)} for N = ${N}, got ${p.promptLength}`,
      );
    this.extra = NONID_ARMS.map(({ key }) =>
      key === 'plain'
        ? null
        : asTensors(
            tf,
            padRows(
              this.prompts.ood.map((q) => ruleCompletion(q, key)),
              L,
            ),
            L,
            from,
          ),
    );
    this.floor = entropyFloor(N);
    this.batches = root.fork('batches');
  }

  async advance(k: number): Promise<StepReport> {
    const { tf } = this;
    const todo = Math.min(k, this.totalSteps - this.step);
    const nOod = this.prompts.ood.length;
    for (let i = 0; i < todo; i++) {
      // data: the training strings, and one minibatch of OOD prompts shared by the two extra arms
      const idx = Int32Array.from({ length: this.p.extraBatch }, () => this.batches.int(nOod));
      const losses = tf.tidy(() => {
        const index = tf.tensor1d(idx, 'int32');
        return this.arms.map((arm, a) => {
          const extra = this.extra[a];
          const terms: { tokens: TF.Tensor2D; weights: TF.Tensor2D; scale?: number }[] = [
            this.train,
          ];
          if (extra && this.p.extraWeight > 0)
            terms.push({
              tokens: tf.gather(extra.tokens, index) as TF.Tensor2D,
              weights: tf.gather(extra.weights, index) as TF.Tensor2D,
              scale: this.p.extraWeight,
            });
          // forward, loss (plain next-token CE + the completion term), update
          return tf.keep(arm.step(terms));
        });
      });
      tf.dispose(this.losses);
      this.losses = losses;
      this.step++;
    }
    // log
    const metrics: Record<string, number> = {};
    const kls: number[] = [];
    const idScores: number[] = [];
    for (const [a, { key }] of NONID_ARMS.entries()) {
      const l = this.arms[a].loss(this.train.tokens, this.train.weights);
      const ce = (await l.data())[0];
      l.dispose();
      if (a === 0) metrics['loss/train'] = ce;
      kls.push(ce - this.floor);
      metrics[`loss/id_kl_${key}`] = ce - this.floor;
      if (this.step === 0) continue; // untrained completions run to the end of the context
      const id = scoreRules(await this.arms[a].complete(this.prompts.id), this.p.promptLength);
      const ood = scoreRules(await this.arms[a].complete(this.prompts.ood), this.p.promptLength);
      metrics[`metric/ood_r1_${key}`] = ood.r1;
      metrics[`metric/id_grammatical_${key}`] = id.grammatical;
      idScores.push(id.grammatical);
    }
    metrics['metric/max_id_kl'] = Math.max(...kls);
    if (this.step > 0) {
      metrics['metric/ood_r1_gap'] =
        metrics['metric/ood_r1_extrapolate'] - metrics['metric/ood_r1_adversarial'];
      metrics['metric/id_gap'] = Math.max(...idScores) - Math.min(...idScores);
    }
    return { step: this.step, metrics, done: this.step >= this.totalSteps };
  }

  async views() {
    return {};
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    for (const arm of this.arms) arm.dispose();
    const extra = this.extra.flatMap((e) => (e ? [e.tokens, e.weights] : []));
    this.tf.dispose([this.train.tokens, this.train.weights, ...extra, ...this.losses]);
  }
}

/** The OOD prompts with both completions, as token ids; the training strings in the truth. */
export function toTable(p: NonidParams): DataTable {
  const { ood } = testPrompts(p.promptLength);
  const L = 2 * p.maxN + 2;
  const cols = 2 * L;
  const values = new Float64Array(ood.length * cols).fill(PAD);
  ood.forEach((q, i) => {
    ruleCompletion(q, 'extrapolate').forEach((t, j) => (values[i * cols + j] = t));
    ruleCompletion(q, 'adversarial').forEach((t, j) => (values[i * cols + L + j] = t));
  });
  const data = trainingSet(p.maxN, L);
  return {
    columns: [
      ...Array.from({ length: L }, (_, t) => `extrapolate_${t}`),
      ...Array.from({ length: L }, (_, t) => `adversarial_${t}`),
    ],
    rows: ood.length,
    values,
    truth: {
      vocabulary: TOKEN_NAMES,
      training_strings: Array.from({ length: p.maxN }, (_, i) =>
        Array.from(data.subarray(i * L, (i + 1) * L)),
      ),
      note: 'each row: one OOD prompt (SOS, prompt) with its extrapolating completion (#a = #b, then EOS) and its adversarial one (one token more), PAD-filled; the completion term is the loss on the tokens after the prompt.',
    },
  };
}

export const trainer: Trainer<NonidTable> = {
  create: (tf, params) => new NonidRun(tf, params),
  exportData: (params) => toTable(params),
};
