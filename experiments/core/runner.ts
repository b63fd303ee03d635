/**
 * The one run loop. The Web Worker, the main-thread fallback, the CLI and the tests all drive
 * experiments through it, so a run behaves the same everywhere: several steps per tick, one
 * readback per tick, metrics batched to the listener about ten times a second, a non-finite
 * loss stops the run with a message and keeps what was logged, every tensor disposed at the end.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type {
  ExperimentRun,
  ExperimentSpec,
  MetricPoint,
  Params,
  Trainer,
  ViewLimits,
  Views,
} from './spec';
import type { RunRecord } from './bundle';

export type RunState = 'running' | 'paused' | 'done' | 'stopped' | 'error';

export interface RunnerHooks {
  onPoints?(points: MetricPoint[]): void;
  onViews?(views: Views): void;
  onState?(state: RunState, step: number): void;
  /** Once the trainer has created the run: how many steps it will take. */
  onStart?(totalSteps: number): void;
}

export interface RunnerOptions {
  stepsPerTick?: number;
  /** Minimum interval between metric batches sent to `onPoints`. */
  flushMs?: number;
  /** Minimum interval between view snapshots; Infinity = only at the end. */
  viewsMs?: number;
  /** Compute views at all (the CLI does not need them). */
  views?: boolean;
  /** How much a view may hold (the app's choice; the default serves the CLI and the tests). */
  viewLimits?: ViewLimits;
  startPaused?: boolean;
  /** Called between ticks so pause/stop messages get through (setTimeout(0) in a worker). */
  yieldFn?: () => Promise<void>;
}

/** What one run gives back: the app's run record (core/bundle.ts) without the setting, plus its final charts. */
export type RunResult = Omit<RunRecord, 'seed' | 'value' | 'params'> & { views: Views };

export class Runner {
  private paused: boolean;
  private stopped = false;
  private pendingSingleSteps = 0;
  private wake?: () => void;
  private stepsPerTick: number;

  constructor(
    private readonly tf: typeof TF,
    private readonly spec: ExperimentSpec,
    private readonly trainer: Trainer,
    private readonly params: Params,
    private readonly hooks: RunnerHooks = {},
    private readonly opts: RunnerOptions = {},
  ) {
    this.paused = opts.startPaused ?? false;
    this.stepsPerTick = Math.max(1, Math.floor(opts.stepsPerTick ?? 10));
  }

  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
    this.wake?.();
  }
  /** While paused: advance exactly one step. */
  stepOnce(): void {
    this.pendingSingleSteps++;
    this.wake?.();
  }
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }
  setStepsPerTick(n: number): void {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`stepsPerTick: expected an integer >= 1, got ${n}`);
    this.stepsPerTick = n;
  }

  async run(): Promise<RunResult> {
    const t0 = performance.now();
    const history: MetricPoint[] = [];
    let pending: MetricPoint[] = [];
    let lastFlush = -Infinity;
    let lastViews = -Infinity;
    let views: Views = {};
    let step = 0;
    const flushMs = this.opts.flushMs ?? 100;
    const viewsMs = this.opts.viewsMs ?? 400;
    const wantViews = this.opts.views ?? true;
    // The app passes its own (src/lib/figures.ts); the same sizes serve the tests.
    const limits = this.opts.viewLimits ?? { points: 300, cells: 64 };
    const flush = () => {
      if (pending.length) this.hooks.onPoints?.(pending);
      pending = [];
      lastFlush = performance.now();
    };
    const finish = (
      state: RunResult['state'],
      final: Record<string, number>,
      error?: string,
    ): RunResult => {
      flush();
      this.hooks.onState?.(state === 'error' ? 'error' : state, step);
      return {
        state,
        step,
        final,
        history,
        views,
        error,
        seconds: (performance.now() - t0) / 1000,
      };
    };

    let run: ExperimentRun | undefined;
    try {
      // Inside the try: a setting the trainer refuses (e.g. incompatible parameters) ends as an error state.
      run = this.trainer.create(this.tf, this.params);
      this.hooks.onStart?.(run.totalSteps);
      let k = 0; // the first tick logs the initial state (step 0)
      this.hooks.onState?.(this.paused ? 'paused' : 'running', 0);
      for (;;) {
        const report = await run.advance(k);
        step = report.step;
        const point = { step, metrics: report.metrics };
        history.push(point);
        pending.push(point);
        const loss = report.metrics[this.spec.lossMetric];
        if (!Number.isFinite(loss)) {
          const lastFinite = [...history]
            .reverse()
            .find((p) => Number.isFinite(p.metrics[this.spec.lossMetric]));
          const since = lastFinite ? `; the last finite value was at step ${lastFinite.step}` : '';
          const message = `diverged at step ${step}: ${this.spec.lossMetric} is ${loss}${since}; try a smaller learning rate`;
          return finish('error', report.metrics, message);
        }
        const now = performance.now();
        if (now - lastFlush >= flushMs) flush();
        if (wantViews && now - lastViews >= viewsMs) {
          views = await run.views(limits);
          this.hooks.onViews?.(views);
          lastViews = performance.now();
        }
        if (report.done) {
          const final = { ...report.metrics, ...(await run.finalMetrics()) };
          history[history.length - 1] = { step, metrics: final };
          if (wantViews) {
            views = await run.views(limits);
            this.hooks.onViews?.(views);
          }
          return finish('done', final);
        }
        await (this.opts.yieldFn?.() ?? Promise.resolve());
        while (this.paused && this.pendingSingleSteps === 0 && !this.stopped) {
          flush();
          this.hooks.onState?.('paused', step);
          await new Promise<void>((r) => (this.wake = r));
          this.wake = undefined;
          if (!this.paused) this.hooks.onState?.('running', step);
        }
        if (this.stopped) return finish('stopped', report.metrics);
        if (this.paused) {
          this.pendingSingleSteps--;
          k = 1;
        } else k = this.stepsPerTick;
      }
    } catch (e) {
      return finish(
        'error',
        history.at(-1)?.metrics ?? {},
        e instanceof Error ? e.message : String(e),
      );
    } finally {
      run?.dispose();
    }
  }
}
