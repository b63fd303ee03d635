/**
 * The rich/lazy run: full-batch gradient descent of the ReLU student on the teacher's training
 * inputs, with the kernel distance, the activation patterns and the test error logged against the
 * state at initialisation.
 */
import { Rng } from '../core/rng';
import type { ExperimentRun, StepReport, Trainer, Views } from '../core/spec';
import { EARLY_STEP, type RichLazyParams, type RichLazyTable } from './richlazy-spec';
import { generate, INPUT_DIM, teacherOutput, toTable, type RichLazyData } from './richlazy-data';
import { hammingDistance, kernelDistance, Student } from './richlazy-model';

/** How often the largest kernel distance is checked, whatever the page's steps per tick. */
const KERNEL_EVERY = 100;
const CURVE_POINTS = 181;
/** log10 of a distance or an error, floored so that the exact 0 at initialisation stays finite. */
const log10 = (v: number) => Math.log10(Math.max(v, 1e-8));

class RichLazyRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly data: RichLazyData;
  private readonly student: Student;
  private readonly initial: Student;
  private readonly k0: Float64Array;
  private readonly pre0: Float64Array;
  private readonly delta0: Float64Array;
  private readonly zeroMse: number;
  private step = 0;
  private loss = NaN;
  private kdMax = 0;
  private kdEarly = NaN;
  private mseEarly = NaN;

  constructor(private readonly p: RichLazyParams) {
    this.totalSteps = p.steps;
    this.data = generate(p);
    this.student = Student.init(
      p.width,
      INPUT_DIM,
      p.tau,
      p.delta,
      new Rng(p.seed).fork('student'),
    );
    this.initial = this.student.clone();
    this.k0 = this.student.kernel(this.data.x);
    this.pre0 = this.student.preactivations(this.data.x);
    this.delta0 = this.student.deltas();
    let z = 0;
    for (const v of this.data.yTest) z += v * v;
    this.zeroMse = z / this.data.yTest.length;
    this.loss = this.student.gradients(this.data.x, this.data.y).loss;
  }

  private testMse(): number {
    const f = this.student.predict(this.data.xTest);
    let s = 0;
    for (let i = 0; i < f.length; i++) s += (f[i] - this.data.yTest[i]) ** 2;
    return s / f.length;
  }

  private kernelDistance(): number {
    return kernelDistance(this.k0, this.student.kernel(this.data.x));
  }

  async advance(k: number): Promise<StepReport> {
    const { x, y } = this.data;
    const todo = Math.min(k, this.totalSteps - this.step);
    for (let i = 0; i < todo; i++) {
      // data: the full batch; forward, loss, update: one gradient step on (1/n) sum (f(x) - y)^2.
      this.loss = this.student.step(x, y, this.p.lr);
      this.step++;
      if (this.step % KERNEL_EVERY === 0) this.kdMax = Math.max(this.kdMax, this.kernelDistance());
      if (this.step === EARLY_STEP) {
        this.kdEarly = this.kernelDistance();
        this.mseEarly = this.testMse();
      }
    }
    // log
    const kd = this.kernelDistance();
    const mse = this.testMse();
    const deltas = this.student.deltas();
    let drift = 0;
    for (let i = 0; i < deltas.length; i++)
      drift = Math.max(drift, Math.abs(deltas[i] - this.delta0[i]));
    return {
      step: this.step,
      metrics: {
        'loss/mse': this.loss,
        'metric/test_mse': mse,
        'metric/log10_test_mse_1k': log10(this.step >= EARLY_STEP ? this.mseEarly : mse),
        'metric/test_mse_zero': this.zeroMse,
        'metric/kernel_distance': kd,
        'metric/log10_kernel_distance_1k': log10(this.step >= EARLY_STEP ? this.kdEarly : kd),
        'metric/kernel_distance_max': Math.max(this.kdMax, kd),
        'metric/hamming': hammingDistance(
          this.pre0,
          this.student.preactivations(x),
          this.student.m,
        ),
        'metric/delta_drift': drift,
      },
      done: this.step >= this.totalSteps,
    };
  }

  async views(): Promise<Views> {
    const { teacherW, teacherA } = this.data;
    const angles = Array.from({ length: CURVE_POINTS }, (_, i) => (360 * i) / (CURVE_POINTS - 1));
    const xs = new Float64Array(CURVE_POINTS * 2);
    angles.forEach((t, i) => {
      xs[2 * i] = Math.cos((t * Math.PI) / 180);
      xs[2 * i + 1] = Math.sin((t * Math.PI) / 180);
    });
    const teacher = angles.map((_, i) =>
      teacherOutput(teacherW, teacherA, xs[2 * i], xs[2 * i + 1]),
    );
    const scaled = (s: Student) => {
      const px: number[] = [];
      const py: number[] = [];
      for (let i = 0; i < s.m; i++) {
        const r = Math.abs(s.a[i]);
        px.push(r * s.w[2 * i]);
        py.push(r * s.w[2 * i + 1]);
      }
      return { x: px, y: py };
    };
    const tw = { x: [] as number[], y: [] as number[] };
    for (let k = 0; k < teacherA.length; k++) {
      tw.x.push(Math.abs(teacherA[k]) * teacherW[2 * k]);
      tw.y.push(Math.abs(teacherA[k]) * teacherW[2 * k + 1]);
    }
    return {
      function: {
        kind: 'lines',
        x: angles,
        series: [
          { name: 'teacher', y: teacher },
          { name: `student at step ${this.step}`, y: Array.from(this.student.predict(xs)) },
        ],
      },
      neurons: {
        kind: 'scatter-grid',
        panels: [
          {
            title: 'initialisation',
            xLabel: '|a| w_1',
            yLabel: '|a| w_2',
            ...scaled(this.initial),
          },
          {
            title: `step ${this.step}`,
            xLabel: '|a| w_1',
            yLabel: '|a| w_2',
            ...scaled(this.student),
          },
          { title: 'teacher', xLabel: '|a*| w*_1', yLabel: '|a*| w*_2', ...tw },
        ],
      },
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return {};
  }

  dispose(): void {}
}

export const trainer: Trainer<RichLazyTable> = {
  create: (_tf, params) => new RichLazyRun(params),
  exportData: (params) => toTable(generate(params)),
};
