/**
 * The pretraining run: phase 1 pretrains the diagonal network on the pretraining task; phase 2
 * fine-tunes three networks on the fine-tuning samples: this one, the one pretrained from the
 * swapped layer scales, and one from scratch.
 */
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import type { PretrainParams, PretrainTable } from './pretrain-spec';
import { generate, toTable, type PretrainData } from './pretrain-data';
import { DiagonalNet, populationMse, Task } from './pretrain-model';

/** Pretraining errors are logged floored: they reach 1e-28, and a log axis over 30 decades has no room for its labels. */
const FLOOR = 1e-3;
const floored = (v: number) => (Number.isFinite(v) ? Math.max(v, FLOOR) : v);

/** The from-scratch baseline's small balanced initialisation (the planning simulation's). */
const SCRATCH_INIT = 0.01;

interface FineTuned {
  net: DiagonalNet;
  swapped: DiagonalNet;
  scratch: DiagonalNet;
}

class PretrainRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly data: PretrainData;
  private readonly net: DiagonalNet;
  private ft: FineTuned | null = null;
  private readonly pretrainTask: Task;
  private readonly finetuneTask: Task;
  private step = 0;
  private loss: number;

  constructor(private readonly p: PretrainParams) {
    this.totalSteps = 2 * p.steps;
    this.data = generate(p);
    this.net = DiagonalNet.constant(this.data.d, p.first, p.readout);
    const { xPre, yPre, xFt, yFt, d } = this.data;
    this.pretrainTask = new Task(xPre, yPre, d);
    this.finetuneTask = new Task(xFt, yFt, d);
    this.loss = this.pretrainTask.gradient(this.net.weights(), new Float64Array(d));
  }

  /** The fine-tuning start of a pretrained (u, v): the first layer kept, the readout new or kept. */
  private startFinetune(u: Float64Array, v: Float64Array): DiagonalNet {
    return new DiagonalNet(
      u.slice(),
      this.p.head === 'new' ? new Float64Array(u.length).fill(this.p.headScale) : v.slice(),
    );
  }

  async advance(k: number): Promise<StepReport> {
    const { d } = this.data;
    const { lr, steps } = this.p;
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) {
      if (this.step < steps) {
        // data: the pretraining samples; forward, loss, update: one gradient step.
        this.loss = this.net.step(this.pretrainTask, lr);
      } else {
        if (!this.ft)
          // u ⊙ v is symmetric in (u, v), so pretraining from the swapped scales ends at (v, u).
          this.ft = {
            net: this.startFinetune(this.net.u, this.net.v),
            swapped: this.startFinetune(this.net.v, this.net.u),
            scratch: DiagonalNet.constant(d, SCRATCH_INIT, SCRATCH_INIT),
          };
        this.loss = this.ft.net.step(this.finetuneTask, lr);
        this.ft.swapped.step(this.finetuneTask, lr);
        this.ft.scratch.step(this.finetuneTask, lr);
      }
      this.step++;
    }
    return { step: this.step, metrics: this.metrics(), done: this.step >= this.totalSteps };
  }

  private metrics(): Record<string, number> {
    const { bPre, bFt, ftSupport } = this.data;
    const current = this.ft?.net ?? this.net;
    const beta = current.weights();
    const inFt = new Set(ftSupport);
    let off = 0;
    for (let j = 0; j < beta.length; j++) if (!inFt.has(j)) off += Math.abs(beta[j]);
    const ft = this.ft;
    const mse = ft ? populationMse(beta, bFt) : NaN;
    const swapped = ft ? populationMse(ft.swapped.weights(), bFt) : NaN;
    return {
      'loss/mse': floored(this.loss),
      'metric/pretrain_mse': floored(populationMse(this.net.weights(), bPre)),
      'metric/ft_mse': mse,
      'metric/ft_mse_swapped': swapped,
      'metric/ft_mse_scratch': ft ? populationMse(ft.scratch.weights(), bFt) : NaN,
      'metric/ft_mse_zero': populationMse(new Float64Array(bFt.length), bFt),
      'metric/ft_ratio': mse / swapped,
      'metric/off_support': off,
    };
  }

  async views(): Promise<Views> {
    const { support, ftSupport, bPre, bFt } = this.data;
    const features = [...support, ...ftSupport.filter((j) => !support.includes(j))];
    const label = (j: number) =>
      `x${j + 1} ${support.includes(j) ? (ftSupport.includes(j) ? 'pre+ft' : 'pre') : 'ft'}`;
    const pick = (b: Float64Array) => features.map((j) => b[j]);
    const series = [
      { name: 'pretraining target', values: pick(bPre) },
      { name: 'fine-tuning target', values: pick(bFt) },
      { name: 'pretrained', values: pick(this.net.weights()) },
    ];
    if (this.ft) {
      series.push({ name: 'fine-tuned', values: pick(this.ft.net.weights()) });
      series.push({ name: 'fine-tuned, scales swapped', values: pick(this.ft.swapped.weights()) });
    }
    return { weights: { kind: 'bars', categories: features.map(label), series } };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<PretrainTable> = {
  create: (_tf, params) => new PretrainRun(params),
  exportData: (params) => toTable(generate(params)),
};
