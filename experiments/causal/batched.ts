/**
 * The run of every closed-form causal toy: the data are read in `totalSteps` batches, each batch
 * updates the estimators' statistics, and each report logs the estimates after it. The first
 * batch is read before the first report (with no unit there is no estimate).
 */
import type { ExperimentRun, StepReport, Views } from '../core/spec';

export abstract class BatchedRun implements ExperimentRun {
  private step = 0;
  /** Units read so far (per environment, where there are several). */
  protected read = 0;

  constructor(
    readonly totalSteps: number,
    /** Units to read in all (per environment). */
    private readonly units: number,
  ) {}

  /** data: units [from, to) into the statistics. */
  protected abstract consume(from: number, to: number): void;
  /** log: the metrics of the estimates so far. */
  protected abstract metrics(): Record<string, number>;

  /** Call at the end of the subclass's constructor, once its statistics exist. */
  protected start(): void {
    this.readBatch();
  }

  private readBatch(): void {
    const end = Math.round(((this.step + 1) * this.units) / this.totalSteps);
    this.consume(this.read, end);
    this.read = end;
    this.step++;
  }

  async advance(k: number): Promise<StepReport> {
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) this.readBatch();
    return { step: this.step, metrics: this.metrics(), done: this.step >= this.totalSteps };
  }

  async views(): Promise<Views> {
    return {};
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}
