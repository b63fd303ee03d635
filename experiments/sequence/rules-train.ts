/**
 * The rule-extrapolation run: each step, the chosen model and the linear baseline take one Adam
 * step on the whole training set (every SOS a^n b^n EOS, padded); each log completes every test
 * prompt greedily with both and scores the rules on the in- and out-of-distribution prompts
 * (Mészáros et al. 2024, Sec. 4; the authors' metrics in rule_extrapolation's `datamodule`).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import type { DataTable, ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { PAPER_OOD_R1, type RulesParams, type RulesTable } from './rules-spec';
import {
  A,
  TOKEN_NAMES,
  entropyFloor,
  rule1,
  scoreRules,
  targetWeights,
  testPrompts,
  trainingSet,
} from './data';
import { TinyLM } from './model';

/** #a - #b of a prompt (SOS first). */
const surplus = (p: readonly number[]) => p.slice(1).reduce((s, t) => s + (t === A ? 1 : -1), 0);

class RulesRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly length: number;
  private readonly model: TinyLM;
  private readonly baseline: TinyLM;
  private readonly tokens: TF.Tensor2D; // [N, L]
  private readonly weights: TF.Tensor2D; // [N, L - 1] 1 where the target is not PAD
  private readonly prompts: { id: number[][]; ood: number[][] };
  private readonly floor: number;
  private losses: TF.Scalar[] = [];
  private last: { ood: number[][]; oodLinear: number[][] } | null = null;
  private step = 0;

  constructor(
    private readonly tf: typeof TF,
    private readonly p: RulesParams,
  ) {
    this.totalSteps = p.steps;
    const N = p.maxN;
    const L = 2 * N + 2;
    this.length = L;
    const root = new Rng(p.seed);
    const opts = { length: L, dim: p.dim, heads: 4, layers: p.layers, hidden: p.hidden };
    this.model = new TinyLM(tf, { ...opts, arch: p.arch, lr: p.lr }, root.fork('model'));
    this.baseline = new TinyLM(
      tf,
      { ...opts, arch: 'linear', lr: p.lrBaseline },
      root.fork('baseline'),
    );
    const data = trainingSet(N, L);
    this.tokens = tf.tensor2d(data, [N, L], 'int32');
    this.weights = tf.tensor2d(targetWeights(data, L), [N, L - 1]);
    this.prompts = testPrompts(p.promptLength);
    this.floor = entropyFloor(N);
  }

  async advance(k: number): Promise<StepReport> {
    const { tf } = this;
    const todo = Math.min(k, this.totalSteps - this.step);
    const batch = [{ tokens: this.tokens, weights: this.weights }];
    for (let i = 0; i < todo; i++) {
      // data: the whole training set; forward, loss (next-token CE on non-PAD targets), update.
      const losses = [this.model.step(batch), this.baseline.step(batch)];
      tf.dispose(this.losses);
      this.losses = losses;
      this.step++;
    }
    // log: the loss of the last step (before it, of the untrained models), then completions.
    const ce = this.losses.length
      ? await Promise.all(this.losses.map(async (l) => (await l.data())[0]))
      : [this.model, this.baseline].map((m) => {
          const l = m.loss(this.tokens, this.weights);
          const v = l.dataSync()[0];
          l.dispose();
          return v;
        });
    const metrics: Record<string, number> = {
      'loss/ce': ce[0],
      'loss/ce_linear': ce[1],
      'metric/ce_floor': this.floor,
      'metric/paper_ood_r1': PAPER_OOD_R1,
    };
    // The untrained models' completions run to the end of the context and say nothing: skipped.
    if (this.step === 0) return { step: 0, metrics, done: false };
    const { promptLength } = this.p;
    const id = await this.model.complete(this.prompts.id);
    const ood = await this.model.complete(this.prompts.ood);
    const oodLinear = await this.baseline.complete(this.prompts.ood);
    this.last = { ood, oodLinear };
    const sId = scoreRules(id, promptLength);
    const sOod = scoreRules(ood, promptLength);
    const sLin = scoreRules(oodLinear, promptLength);
    Object.assign(metrics, {
      'metric/id_grammatical': sId.grammatical,
      'metric/id_r1': sId.r1,
      'metric/ood_r1': sOod.r1,
      'metric/ood_r1_linear': sLin.r1,
      'metric/ood_r1_gain': sOod.r1 - sLin.r1,
      'metric/ood_r2_completion': sOod.r2Completion,
      'metric/ood_finished': sOod.finished,
    });
    return { step: this.step, metrics, done: this.step >= this.totalSteps };
  }

  async views(): Promise<Views> {
    if (!this.last) return {};
    const prompts = this.prompts.ood;
    const levels = [...new Set(prompts.map(surplus))].sort((a, b) => a - b);
    const byLevel = (seqs: number[][]) =>
      levels.map((lv) => {
        const rows = seqs.filter((_, i) => surplus(prompts[i]) === lv);
        return rows.filter(rule1).length / rows.length;
      });
    return {
      imbalance: {
        kind: 'bars',
        categories: levels.map((lv) => (lv > 0 ? `+${lv}` : String(lv))),
        series: [
          { name: this.p.arch, values: byLevel(this.last.ood) },
          { name: 'linear baseline', values: byLevel(this.last.oodLinear) },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    this.model.dispose();
    this.baseline.dispose();
    this.tf.dispose([this.tokens, this.weights, ...this.losses]);
  }
}

/** The training set as token ids, one row per string, and the test prompts in the truth. */
export function toTable(p: RulesParams): DataTable {
  const L = 2 * p.maxN + 2;
  const data = trainingSet(p.maxN, L);
  const { id, ood } = testPrompts(p.promptLength);
  const name = (s: number[]) => s.map((t) => TOKEN_NAMES[t]).join(' ');
  return {
    columns: Array.from({ length: L }, (_, t) => `token_${t}`),
    rows: p.maxN,
    values: Float64Array.from(data),
    truth: {
      vocabulary: TOKEN_NAMES,
      in_distribution_prompts: id.map(name),
      out_of_distribution_prompts: ood.map(name),
      note: 'rows: SOS a^n b^n EOS padded, n = 1..N, token ids 0 a, 1 b, 2 SOS, 3 EOS, 4 PAD. R1: #a = #b; R2: no a after a b; both read up to the first EOS.',
    },
  };
}

export const trainer: Trainer<RulesTable> = {
  create: (tf, params) => new RulesRun(tf, params),
  exportData: (params) => toTable(params),
};
