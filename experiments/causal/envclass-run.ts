/**
 * The run of an environment-classifier toy: Adam on the classifier's cross-entropy over balanced
 * batches (every environment the same share), and after each report the encoder's output and
 * the heads' projections on the test set, scored by the toy against its ground truth. The scores
 * of the untrained classifier are measured once, before the first step.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, ViewLimits, Views } from '../core/spec';
import { EnvClassifier, type HeadKind } from './envclass-model';
import type { EnvClassData } from './envclass-data';

export interface EnvClassSettings {
  encoder: 'mlp' | 'flow';
  hidden: number;
  output: number;
  head: HeadKind;
  lr: number;
  steps: number;
  batch: number;
  seed: number;
}

/** The encoder's output f(x) [n, output] and the heads' projections w_e . f(x) [n, envs - 1] on the test set. */
export interface TestOutputs {
  f: Float32Array;
  projections: Float32Array;
}

export abstract class EnvClassRun implements ExperimentRun {
  readonly totalSteps: number;
  protected readonly model: EnvClassifier;
  private readonly rng: Rng;
  private readonly perEnv: number;
  private readonly labels: TF.Tensor2D; // [envs perEnv, envs] one-hot, the batch's fixed layout
  private readonly testX: TF.Tensor2D;
  private step = 0;
  private loss = NaN;
  protected latest?: TestOutputs;
  protected untrained?: Record<string, number>;

  constructor(
    protected readonly tf: typeof TF,
    private readonly cls: EnvClassData,
    private readonly settings: EnvClassSettings,
  ) {
    const { envs, dx, testX, testPerEnv } = cls;
    this.totalSteps = settings.steps;
    this.perEnv = Math.max(1, Math.floor(settings.batch / envs));
    const init = new Rng(settings.seed).fork('init');
    this.model = new EnvClassifier(
      tf,
      {
        input: dx,
        encoder: settings.encoder,
        hidden: settings.hidden,
        output: settings.output,
        envs,
        head: settings.head,
        lr: settings.lr,
      },
      init,
    );
    this.rng = new Rng(settings.seed).fork('batches');
    const oneHot = new Float32Array(envs * this.perEnv * envs);
    for (let e = 0; e < envs; e++)
      for (let i = e * this.perEnv; i < (e + 1) * this.perEnv; i++) oneHot[i * envs + e] = 1;
    this.labels = tf.tensor2d(oneHot, [envs * this.perEnv, envs]);
    this.testX = tf.tensor2d(Float32Array.from(testX), [envs * testPerEnv, dx]);
  }

  /** log: the toy's scores of the test outputs against its ground truth. */
  protected abstract scores(out: TestOutputs): Record<string, number>;

  /** data: `perEnv` training rows of every environment, drawn with replacement, grouped by environment. */
  private batch(): TF.Tensor2D {
    const { envs, dx, trainX, trainPerEnv } = this.cls;
    const rows = new Float32Array(envs * this.perEnv * dx);
    let r = 0;
    for (let e = 0; e < envs; e++)
      for (let i = 0; i < this.perEnv; i++, r++) {
        const j = e * trainPerEnv + this.rng.int(trainPerEnv);
        for (let c = 0; c < dx; c++) rows[r * dx + c] = trainX[j * dx + c];
      }
    return this.tf.tensor2d(rows, [envs * this.perEnv, dx]);
  }

  private async testOutputs(): Promise<TestOutputs> {
    const { tf } = this;
    const [f, p] = tf.tidy(() => {
      const f = this.model.encode(this.testX);
      return [f, this.model.projections(f)];
    });
    const out = {
      f: (await f.data()) as Float32Array,
      projections: (await p.data()) as Float32Array,
    };
    tf.dispose([f, p]);
    return out;
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    let loss: TF.Scalar | undefined;
    if (this.step === 0 && todo === 0) {
      const x = this.batch();
      loss = this.tf.tidy(() => this.model.loss(x, this.labels));
      x.dispose();
    }
    for (let s = 0; s < todo; s++) {
      const x = this.batch(); // data [envs perEnv, dx]
      const l = this.model.trainStep(x, this.labels, s === todo - 1); // forward, loss, update
      x.dispose();
      if (l) loss = l;
      this.step++;
    }
    // log
    if (loss) {
      this.loss = (await loss.data())[0];
      loss.dispose();
    }
    this.latest = await this.testOutputs();
    const scores = this.scores(this.latest);
    this.untrained ??= scores;
    return {
      step: this.step,
      done: this.step >= this.totalSteps,
      metrics: { 'loss/ce': this.loss, ...scores, ...this.untrainedMetrics(this.untrained) },
    };
  }

  /** The untrained classifier's scores under the names the toy gives them. */
  protected abstract untrainedMetrics(untrained: Record<string, number>): Record<string, number>;

  async views(_limits: ViewLimits): Promise<Views> {
    return {};
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {
    this.model.dispose();
    this.tf.dispose([this.labels, this.testX]);
  }
}
